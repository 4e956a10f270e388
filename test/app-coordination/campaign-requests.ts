/**
 * Campaign request issues in the fake world: the issue body as GitHub writes it from the form, the
 * base repository with the form, and real `issues` payloads from @octokit/webhooks-examples.
 */
import { issueFormBody } from "../helpers/issue-form-body.js";
import { createRequire } from "node:module";
import { buildIssueForm, ISSUE_FORM_PATH } from "../../src/core/issue-form/build-issue-form.js";
import type { Payload } from "../helpers/app-probot.js";
import { BASE_SHA, newWorld, type World, type WorldIssue } from "./world.js";

/** An issue body exactly as GitHub writes it from the form: `### <label>`, blank line, answer. */
export function requestBody(answers: Partial<Record<string, string>> = {}): string {
  return issueFormBody({
    "Campaign name": "Easter mail",
    Type: "email",
    Start: "2027-03-01",
    End: "2027-03-01",
    "Time zone": "UTC",
    Sites: "- [X] shop",
    "Expected peak": "100",
    "Peak unit": "requests per second",
    Confidence: "historical",
    Basis: "Last Easter's mailing peaked at 80 requests/s.",
    ...answers,
  });
}

/** The base repository with the form, and issue #1 by mona from it. */
export function requestWorld(body = requestBody()): { world: World; issue: WorldIssue } {
  const world = newWorld();
  world.commits[BASE_SHA]![ISSUE_FORM_PATH] = buildIssueForm(["shop"]);
  return { world, issue: addRequest(world, 1, body) };
}

/** Issue `number` by mona, from the form, in `world`. */
export function addRequest(world: World, number: number, body = requestBody()): WorldIssue {
  const issue: WorldIssue = {
    number,
    title: "Campaign: Easter mail",
    body,
    labels: ["campaign-request"],
    assignees: [],
    state: "open",
    user: "mona",
  };
  world.issues.push(issue);
  return issue;
}

/** A real `issues` payload for `issue` (the handler reads the issue again; the payload names it). */
export function issuePayload(action: string, issue: WorldIssue): Payload {
  // The examples have no `closed`; `reopened` has the same shape.
  const payload = issueExample(action === "closed" ? "reopened" : action);
  const label = { ...payload.issue.labels[0], name: "campaign-request" };
  Object.assign(payload, { action, installation: { id: 1, node_id: "MDIzOkluc3RhbGxhdGlvbjE=" } });
  Object.assign(payload.issue, {
    number: issue.number,
    body: issue.body,
    labels: [label],
    state: issue.state,
  });
  payload.issue.user.login = issue.user;
  if (action === "labeled") payload.label = label;
  return payload;
}

type Definitions = { name: string; examples: Payload[] }[];
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Definitions;

/** A deep copy of the first `issues` example with `action`. */
function issueExample(action: string): Payload {
  const found = examples.find((d) => d.name === "issues")?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no issues.${action} example`);
  return structuredClone(found);
}
