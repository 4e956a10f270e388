import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRequest } from "../helpers/openapi.js";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";

describe("checkRequest (GitHub's OpenAPI description)", () => {
  it("names the operation of a real endpoint, ignoring the query and a GHES /api/v3 prefix", () => {
    expect(checkRequest("GET", "/repos/o/r/pulls/7/files?per_page=100&page=2", undefined).operationId).toBe(
      "pulls/list-files",
    );
    expect(
      checkRequest("patch", "https://ghe.example/api/v3/repos/o/r/issues/comments/5", { body: "x" }),
    ).toEqual({
      operationId: "issues/update-comment",
    });
  });

  it("prefers a literal segment over a template ({pull_number} vs comments)", () => {
    expect(checkRequest("GET", "/repos/o/r/pulls/comments", undefined).operationId).toBe(
      "pulls/list-review-comments-for-repo",
    );
  });

  it("rejects unknown endpoints, wrong methods, missing and invalid bodies", () => {
    expect(() => checkRequest("GET", "/repos/o/r/nope", undefined)).toThrow(
      /no endpoint GET \/repos\/o\/r\/nope/,
    );
    expect(() => checkRequest("DELETE", "/repos/o/r/pulls/1/files", undefined)).toThrow(/exists for GET/);
    expect(() => checkRequest("POST", "/repos/o/r/issues/1/comments", undefined)).toThrow(
      /requires a request body/,
    );
    expect(() => checkRequest("POST", "/repos/o/r/issues/1/comments", { bdy: "x" })).toThrow(
      /must have required property 'body'/,
    );
    expect(() => checkRequest("PATCH", "/repos/o/r/issues/comments/5", { body: 5 })).toThrow(
      /\/body must be string/,
    );
    expect(() =>
      checkRequest("POST", "/repos/o/r/check-runs", { name: "x", head_sha: "a", status: "bogus" }),
    ).toThrow(/\/status must be equal to one of the allowed values/);
  });
});

describe("fake GitHub server", () => {
  let gh: FakeGitHub;
  beforeAll(async () => {
    gh = await startFakeGitHub({
      "GET /repos/{owner}/{repo}/pulls/{pull_number}": (_req, p) => ({
        body: { number: Number(p.pull_number) },
      }),
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": (req) => ({ status: 201, body: req.body }),
    });
  });
  afterAll(() => gh.close());

  it("routes, records and validates every request", async () => {
    const pr = await fetch(`${gh.url}/repos/o/r/pulls/12`).then((r) => r.json());
    expect(pr).toEqual({ number: 12 });
    const created = await fetch(`${gh.url}/repos/o/r/issues/12/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: "hello" }),
    });
    expect(created.status).toBe(201);
    const bad = await fetch(`${gh.url}/repos/o/r/issues/12/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hello" }),
    });
    expect(bad.status).toBe(422);
    const unrouted = await fetch(`${gh.url}/repos/o/r/issues/12`);
    expect(unrouted.status).toBe(404);
    expect(gh.calls()).toEqual([
      "GET /repos/o/r/pulls/12",
      "POST /repos/o/r/issues/12/comments",
      "POST /repos/o/r/issues/12/comments",
      "GET /repos/o/r/issues/12",
    ]);
    expect(gh.requests[1]!.body).toEqual({ body: "hello" });
    expect(gh.requests[1]!.operationId).toBe("issues/create-comment");
    expect(gh.violations).toHaveLength(2);
    expect(gh.violations[0]).toMatch(/required property 'body'/);
    expect(gh.violations[1]).toMatch(/no handler for GET \/repos\/o\/r\/issues\/12/);
  });
});
