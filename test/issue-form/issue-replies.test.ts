import { describe, expect, it } from "vitest";
import { issueReplyMarker } from "../../src/core/issue-form/issue-reply-marker.js";
import { renderProblems } from "../../src/core/issue-form/render-problems.js";
import { BODY_MAX_CHARS, renderReadyFile } from "../../src/core/issue-form/render-ready-file.js";
import { buildIssueForm } from "../../src/core/issue-form/build-issue-form.js";
import { campaignFromIssue } from "../../src/core/issue-form/campaign-from-issue.js";
import { defaultConfig } from "../../src/core/load/index.js";
import { findMarker } from "../../src/core/markers.js";

describe("issue replies", () => {
  it("lists the problems per field under the issue's marker", () => {
    const text = renderProblems(7, [
      { field: "type", message: "**Type** is empty: please fill it in." },
      { field: "peak", message: '**Expected peak** must be a number above 0, such as 40000: found "lots".' },
    ]);
    expect(findMarker(text, "issue-form")?.attributes).toEqual({ issue: "7" });
    expect(text).toContain("- **Type** is empty: please fill it in.\n- **Expected peak**");
  });

  it("gives the ready file and a create-file link with name and text encoded", () => {
    const file = { path: "campaigns/sale.yaml", text: 'id: sale\nnotes: "a ``` b & c"\n' };
    const text = renderReadyFile(3, { owner: "acme", name: "site", branch: "main" }, file);
    expect(text.startsWith(issueReplyMarker(3))).toBe(true);
    const link = /\]\((https:[^)]+)\)/.exec(text)?.[1] ?? "";
    const url = new URL(link);
    expect(url.pathname).toBe("/acme/site/new/main");
    expect(url.searchParams.get("filename")).toBe(file.path);
    expect(url.searchParams.get("value")).toBe(file.text);
    // The fence is longer than any backtick run in the file, so the file cannot close it.
    expect(text).toContain("````yaml\nid: sale");
  });
});

describe("GitHub's body limit", () => {
  it("leaves the create-file link out when it would push the comment past 65,536 characters", () => {
    const file = { path: "campaigns/sale.yaml", text: `id: sale\nnotes: "${"x".repeat(40_000)}"\n` };
    const text = renderReadyFile(3, { owner: "acme", name: "site", branch: "main" }, file);
    expect(text.length).toBeLessThanOrEqual(BODY_MAX_CHARS);
    expect(text).not.toContain("https://github.com/");
    expect(text).toContain("Add this file as `campaigns/sale.yaml` in a pull request (include `Closes #3`)");
    expect(text).toContain(file.text.trimEnd());
  });

  it("refuses an issue body longer than GitHub allows, in one plain problem", () => {
    const out = campaignFromIssue({
      body: "### Campaign name\n\n" + "x".repeat(BODY_MAX_CHARS),
      form: buildIssueForm(["www"]),
      author: "jane",
      config: defaultConfig(),
      capacity: undefined,
      campaigns: [],
      now: 0,
    });
    expect(out.problems).toEqual([
      { field: "form", message: expect.stringContaining("longer than GitHub allows") },
    ]);
    expect(out.text).toBeUndefined();
  });
});
