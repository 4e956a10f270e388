/**
 * Checks a request against GitHub's official REST description (@octokit/openapi): the endpoint
 * exists for that method and the JSON body validates against the operation's request schema.
 * Tests that stand in for GitHub run every request they receive through `checkRequest`, so a
 * typo'd route or a body GitHub would reject fails the test instead of passing silently.
 *
 * We load the non-dereferenced description (13 MB, ~0.2 s) rather than the dereferenced one
 * (73 MB, ~1.1 s) and let ajv resolve `#/components/...` references lazily: five times faster,
 * same result. Everything is parsed and compiled once per process.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { checkGraphql, isGraphqlRoute } from "./graphql.js";

const addFormats = addFormatsModule.default;

interface Operation {
  operationId: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Number of literal segments: the most literal template wins (`/pulls/comments` over `/pulls/{pull_number}`). */
  literals: number;
  pointer: string;
  operation: Operation;
}

interface Spec {
  routes: Route[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

const SPEC_ID = "https://api.github.com/openapi.json";
let cached: Spec | undefined;

function specPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@octokit/openapi/package.json");
  return join(dirname(pkg), "generated", "api.github.com.json");
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function loadSpec(): Spec {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(specPath(), "utf8")) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split("/");
    const pattern = new RegExp(
      "^" +
        segments
          .map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
          .join("/") +
        "$",
    );
    const literals = segments.filter((s) => s !== "" && !s.startsWith("{")).length;
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== "object" || !("operationId" in operation)) continue;
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern,
        literals,
        pointer: `#/paths/${escapePointer(template)}/${method}`,
        operation,
      });
    }
  }
  // OpenAPI 3.0 schema objects: `nullable`, `example`, `x-*` etc. are tolerated (strict: false).
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    discriminator: true,
    logger: false,
  });
  addFormats(ajv);
  for (const name of ["int32", "int64", "double", "float", "binary", "repo.nwo", "timestamp"])
    ajv.addFormat(name, true);
  ajv.addSchema(dropTypelessNullable(doc), SPEC_ID);
  cached = { routes, ajv, validators: new Map() };
  return cached;
}

/**
 * GitHub's description marks some schemas `nullable` without a `type` (e.g. `milestone` of "create
 * an issue"), which ajv refuses to compile; without a type, `nullable` adds nothing to check.
 */
function dropTypelessNullable<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) dropTypelessNullable(item);
  } else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if ("nullable" in record && !("type" in record)) delete record.nullable;
    for (const value of Object.values(record)) dropTypelessNullable(value);
  }
  return node;
}

/** The path part of a request URL, without the host, the GHES `/api/v3` prefix and the query. */
function pathOf(url: string): string {
  const path = new URL(url, "http://localhost").pathname;
  return path.startsWith("/api/v3/") ? path.slice("/api/v3".length) : path;
}

/**
 * Checks that `method url` is an endpoint of GitHub's REST API and that `body` validates against
 * its request schema. Returns the operation id; throws an Error naming the problem otherwise.
 */
export function checkRequest(method: string, url: string, body: unknown): { operationId: string } {
  const verb = method.toUpperCase();
  const path = pathOf(url);
  // GitHub's GraphQL endpoint is not in the REST description: its queries are checked against
  // GitHub's GraphQL schema instead (graphql.ts).
  if (isGraphqlRoute(verb, path)) {
    checkGraphql(body);
    return { operationId: "graphql" };
  }
  const spec = loadSpec();
  const candidates = spec.routes.filter((r) => r.pattern.test(path));
  const route = candidates.filter((r) => r.method === verb).sort((a, b) => b.literals - a.literals)[0];
  if (!route) {
    const methods = [...new Set(candidates.map((r) => r.method))].join(", ");
    throw new Error(
      candidates.length > 0
        ? `GitHub has no ${verb} ${path} (the path exists for ${methods})`
        : `GitHub's REST API has no endpoint ${verb} ${path}`,
    );
  }
  const { operationId, requestBody } = route.operation;
  const hasBody = body !== undefined && body !== null && body !== "";
  const json = requestBody?.content?.["application/json"];
  if (!requestBody) {
    if (hasBody && !(typeof body === "object" && Object.keys(body).length === 0)) {
      throw new Error(
        `${operationId} (${verb} ${route.template}) takes no request body, got ${JSON.stringify(body)}`,
      );
    }
    return { operationId };
  }
  if (!hasBody) {
    if (requestBody.required)
      throw new Error(`${operationId} (${verb} ${route.template}) requires a request body`);
    return { operationId };
  }
  if (!json?.schema) return { operationId }; // text/plain or binary bodies: nothing to validate
  let validate = spec.validators.get(operationId);
  if (!validate) {
    validate = spec.ajv.compile({
      $ref: `${SPEC_ID}${route.pointer}/requestBody/content/application~1json/schema`,
    });
    spec.validators.set(operationId, validate);
  }
  if (!validate(body)) {
    const problems = (validate.errors ?? [])
      .map(
        (e) =>
          `${e.instancePath || "(body)"} ${e.message ?? "is invalid"}${e.params ? " " + JSON.stringify(e.params) : ""}`,
      )
      .join("; ");
    throw new Error(`${operationId} (${verb} ${route.template}): invalid request body: ${problems}`);
  }
  return { operationId };
}
