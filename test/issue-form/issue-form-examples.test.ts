// The README's and docs/issue-form.md's example texts of the app's answers are produced here, by
// the same functions the app calls, from issue bodies as GitHub writes them from the form and the
// Acme example repository. The e2e tests (test/app-coordination/issue-form*.test.ts) check the app
// posts these functions' texts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildIssueForm } from "../../src/core/issue-form/build-issue-form.js";
import { campaignFromIssue } from "../../src/core/issue-form/campaign-from-issue.js";
import { issueReplyMarker } from "../../src/core/issue-form/issue-reply-marker.js";
import { planCampaignPull } from "../../src/core/issue-form/plan-campaign-pull.js";
import { renderProblems } from "../../src/core/issue-form/render-problems.js";
import { renderPullLink } from "../../src/core/issue-form/render-pull-link.js";
import { readLocalRepository } from "../../src/io/local-repo.js";

const NOW = Date.parse("2026-11-23T09:00:00Z");

/** An issue body as GitHub writes it from the form. */
function body(answers: Record<string, string>): string {
  return Object.entries(answers)
    .map(([label, answer]) => `### ${label}\n\n${answer}`)
    .join("\n\n");
}

const answers = {
  "Campaign name": "Spring outlet weekend",
  Type: "email",
  Start: "2027-04-10",
  End: "2027-04-11",
  "Time zone": "America/New_York",
  "Other time zone": "_No response_",
  Sites: "- [ ] shop\n- [ ] brand\n- [ ] kids\n- [X] outlet",
  "Expected peak": "3000",
  "Peak unit": "people on the site at the same time",
  "Pessimistic estimate": "4000",
  Confidence: "historical",
  Basis: "Last spring's outlet weekend peaked at 2,400.",
  Notes: "_No response_",
};

/** The app's answer to `answers` on issue #42 by jane in the Acme example. */
async function answer(changed: Record<string, string> = {}) {
  const repo = await readLocalRepository("examples/acme");
  return campaignFromIssue({
    body: body({ ...answers, ...changed }),
    form: buildIssueForm(["shop", "brand", "kids", "outlet"]),
    author: "jane",
    config: repo.config,
    capacity: repo.capacity,
    campaigns: repo.campaigns,
    now: NOW,
  });
}

/** A text as the docs show it: in a fence, without the hidden marker GitHub does not display. */
const shown = (text: string) => "```\n" + text.replace(/^<!-- campaign-gate:[^>]*-->\n/, "") + "\n```";

describe("the docs' examples of the app's answers", () => {
  it("the README shows the problems comment for a request with a missing type, a word for the peak and no site", async () => {
    const built = await answer({
      Type: "_No response_",
      "Expected peak": "about 3k",
      Sites: "- [ ] shop\n- [ ] outlet",
    });
    const comment = renderProblems(42, built.problems);
    expect(comment.startsWith(issueReplyMarker(42))).toBe(true);
    expect(readFileSync("README.md", "utf8")).toContain(shown(comment));
    expect(readFileSync("docs/issue-form.md", "utf8")).toContain(shown(comment));
  });

  it("docs/issue-form.md shows the pull request and the comment linking it for a request that passes", async () => {
    const built = await answer();
    expect(built.problems).toEqual([]);
    const pull = planCampaignPull({
      issue: 42,
      author: "jane",
      name: built.name!,
      path: built.path!,
      findings: built.findings,
      ...(built.summary ? { summary: built.summary } : {}),
    });
    const doc = readFileSync("docs/issue-form.md", "utf8");
    expect(doc).toContain(shown(`${pull.title}\n\n${pull.body.replace(/^<!--[^>]*-->\n/, "")}`));
    expect(doc).toContain(shown(renderPullLink(42, { number: 43, path: built.path! })));
    expect(doc).toContain("```yaml\n" + built.text);
  });
});
