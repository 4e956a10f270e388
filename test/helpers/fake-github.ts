/**
 * A local HTTP server standing in for GitHub's REST API in tests. Routes are Octokit-style
 * ("GET /repos/{owner}/{repo}/pulls/{pull_number}/files"); every request is recorded and checked
 * against GitHub's OpenAPI description, so a request GitHub would reject fails the test
 * (see `violations`) even when a handler happily answers it.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest } from "./openapi.js";

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Path without the query and without a GHES `/api/v3` prefix. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the raw text for other bodies, undefined when empty. */
  body: unknown;
  /** The OpenAPI operation id, or undefined when the request is not a valid GitHub request. */
  operationId?: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a matched request; `params` holds the route's `{placeholders}`, URL-decoded. */
export type Handler = (request: RecordedRequest, params: Record<string, string>) => Reply | Promise<Reply>;

export interface FakeGitHub {
  /** Base URL to use as GITHUB_API_URL / baseUrl, e.g. http://127.0.0.1:51234 */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** One message per request that broke GitHub's OpenAPI description or matched no route. */
  violations: string[];
  /** Adds or replaces the handler of a route. */
  on(route: string, handler: Handler): void;
  /** Requests as "METHOD /path" strings, for compact assertions. */
  calls(): string[];
  close(): Promise<void>;
}

interface CompiledRoute {
  key: string;
  method: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  handler: Handler;
}

function compile(key: string, handler: Handler): CompiledRoute {
  const [method = "", template = ""] = key.split(" ");
  const names: string[] = [];
  const segments = template.split("/");
  const source = segments
    .map((s) => {
      const m = /^\{([^}]+)\}$/.exec(s);
      if (m) {
        names.push(m[1]!);
        return "([^/]+)";
      }
      return s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    })
    .join("/");
  const literals = segments.filter((s) => s !== "" && !s.startsWith("{")).length;
  return { key, method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, literals, handler };
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeGitHub(routes: Record<string, Handler> = {}): Promise<FakeGitHub> {
  const table = new Map<string, CompiledRoute>();
  for (const [key, handler] of Object.entries(routes)) table.set(key, compile(key, handler));
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const method = (req.method ?? "GET").toUpperCase();
        const url = req.url ?? "/";
        const parsed = new URL(url, "http://127.0.0.1");
        // GitHub Enterprise Server's prefixes: `/api/v3` for REST, `/api/graphql` for GraphQL.
        const path = parsed.pathname.startsWith("/api/v3/")
          ? parsed.pathname.slice(7)
          : parsed.pathname === "/api/graphql"
            ? "/graphql"
            : parsed.pathname;
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text === "" ? undefined : text;
        if (text !== "" && String(req.headers["content-type"] ?? "").includes("json")) {
          try {
            body = JSON.parse(text);
          } catch {
            violations.push(`${method} ${path}: body is not valid JSON`);
          }
        }
        const recorded: RecordedRequest = {
          method,
          url,
          path,
          query: parsed.searchParams,
          headers: req.headers,
          body,
        };
        requests.push(recorded);
        try {
          recorded.operationId = checkRequest(method, path, body).operationId;
        } catch (error) {
          violations.push((error as Error).message);
          return send(res, { status: 422, body: { message: (error as Error).message } });
        }
        const route = [...table.values()]
          .filter((r) => r.method === method && r.pattern.test(path))
          .sort((a, b) => b.literals - a.literals)[0];
        if (!route) {
          violations.push(`no handler for ${method} ${path} (${recorded.operationId})`);
          return send(res, { status: 404, body: { message: "Not Found (fake GitHub has no handler)" } });
        }
        const match = route.pattern.exec(path)!;
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
        try {
          send(res, await route.handler(recorded, params));
        } catch (error) {
          violations.push(`handler for ${route.key} threw: ${(error as Error).message}`);
          send(res, { status: 500, body: { message: "fake GitHub handler failed" } });
        }
      })();
    });
  });

  function send(res: ServerResponse, reply: Reply): void {
    const status = reply.status ?? 200;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    headers["content-type"] ??= "application/json; charset=utf-8";
    res
      .writeHead(status, headers)
      .end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    on(route, handler) {
      table.set(route, compile(route, handler));
    },
    calls() {
      return requests.map((r) => `${r.method} ${r.path}`);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
