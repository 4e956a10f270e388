/**
 * WORKAROUND, to drop once test/helpers/openapi.ts handles it: ajv refuses to compile a schema
 * with `nullable: true` but no `type`, which GitHub's description uses for `milestone` in
 * "create an issue" (POST /repos/{owner}/{repo}/issues). `checkRequest` then throws for every
 * issue creation. This wraps `checkRequest` and validates that one operation's body against its
 * schema with the type-less `nullable` removed (our bodies never send null there).
 * Used through `vi.mock("../helpers/openapi.js", ...)` in the tests that create issues.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";

type CheckRequest = (method: string, url: string, body: unknown) => { operationId: string };

const CREATE_ISSUE = /^(\/api\/v3)?\/repos\/[^/]+\/[^/]+\/issues$/;
let validate: ValidateFunction | undefined;

function createIssueValidator(): ValidateFunction {
  if (validate) return validate;
  const pkg = createRequire(import.meta.url).resolve("@octokit/openapi/package.json");
  const doc = JSON.parse(readFileSync(join(dirname(pkg), "generated", "api.github.com.json"), "utf8")) as {
    paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
  };
  const schema = doc.paths["/repos/{owner}/{repo}/issues"]!.post.requestBody.content["application/json"]!.schema;
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== "object") return node;
    const entries = Object.entries(node).filter(([key]) => key !== "nullable" || "type" in node);
    return Object.fromEntries(entries.map(([key, value]) => [key, strip(value)]));
  };
  validate = new Ajv({ strict: false, allErrors: true }).compile(strip(schema) as object);
  return validate;
}

/** `checkRequest`, with "create an issue" validated against the repaired schema. */
export function withNullableWorkaround(checkRequest: CheckRequest): CheckRequest {
  return (method, url, body) => {
    const path = new URL(url, "http://localhost").pathname;
    if (method.toUpperCase() !== "POST" || !CREATE_ISSUE.test(path)) return checkRequest(method, url, body);
    const valid = createIssueValidator();
    if (!valid(body)) throw new Error(`issues/create: invalid request body: ${JSON.stringify(valid.errors)}`);
    return { operationId: "issues/create" };
  };
}
