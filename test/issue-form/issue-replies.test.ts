import { describe, expect, it } from "vitest";
import { issueReplyMarker } from "../../src/core/issue-form/issue-reply-marker.js";
import { renderProblems } from "../../src/core/issue-form/render-problems.js";
import { renderReadyFile } from "../../src/core/issue-form/render-ready-file.js";
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
