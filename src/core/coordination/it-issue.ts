/**
 * The IT preparation issue opened when a PR whose campaigns need IT work is merged: the scale-up
 * plan (service, instances, deadline, campaigns) in one place IT already watches, assigned to IT.
 *
 * Decision: the issue lists every plan entry that involves at least one of the PR's campaigns,
 * with the entry's full instance count and all its campaigns (IT scales a service once, for
 * everything that lands on it), and names which campaigns come from this PR. Plan entries that
 * only concern other campaigns are left out: they belong to the PRs that brought them.
 *
 * Idempotent through a hidden marker per PR: before creating, the app searches open and closed
 * issues for it and creates nothing when one exists.
 */
import type { Config, ReviewGroup } from "../model.js";
import { requiredGroups } from "../review/groups.js";
import type { Report } from "../report.js";
import { escapeMarkdown, formatInstant } from "../format.js";
import { hiddenMarker } from "../markers.js";
import { groupMentions } from "./mentions.js";

/** The label of IT preparation issues. */
export const IT_PREP_LABEL = "it-prep";
/** GitHub accepts at most 10 assignees per issue. */
const MAX_ASSIGNEES = 10;
const DAY_MS = 86_400_000;

export interface ItPrepInput {
  pr: { number: number; title: string; url: string; author: string };
  /** Files the PR changed; its campaigns are the report's campaigns in these files. */
  changedFiles: string[];
  /** The capacity check of the merged content. */
  report: Report;
  itGroup: ReviewGroup;
  org: string;
}

export interface ItPrepIssue {
  title: string;
  body: string;
  labels: string[];
  /** Users of the IT group (issues cannot be assigned to teams; teams are mentioned in the body). */
  assignees: string[];
  marker: string;
}

/** The marker that identifies the IT preparation issue of one PR. */
export function itPrepMarker(prNumber: number): string {
  return hiddenMarker("it-prep", { pr: prNumber });
}

/** The IT preparation issue for a merged PR, or undefined when its campaigns need no IT work. */
export function itPrepIssue(input: ItPrepInput): ItPrepIssue | undefined {
  const { pr, report } = input;
  const changed = new Set(input.changedFiles);
  const ours = report.campaigns.filter((campaign) => changed.has(campaign.file));
  const ourIds = new Set(ours.map((campaign) => campaign.id));
  const plan = report.plan.filter((entry) => entry.campaigns.some((id) => ourIds.has(id)));
  if (plan.length === 0) return undefined;

  const timeZone = ours.find((campaign) => campaign.timezone)?.timezone ?? "UTC";
  const now = Date.parse(report.now);
  const first = plan.reduce((a, b) => (Date.parse(b.by) < Date.parse(a.by) ? b : a));
  const marker = itPrepMarker(pr.number);
  const services = plan.map((entry) => entry.service).join(", ");
  const title = `IT prep: scale ${services} by ${first.by.slice(0, 10)} (PR #${pr.number})`;

  const mentions = groupMentions(input.itGroup, input.org);
  const planned = [...new Set(plan.flatMap((entry) => entry.campaigns))]
    .filter((id) => ourIds.has(id))
    .sort();
  const mark = (id: string) => (ourIds.has(id) ? `**${id}**` : id);
  const rows = plan.map((entry) => {
    const by = Date.parse(entry.by);
    const local = timeZone === "UTC" ? "" : `<br>${formatInstant(by, timeZone)}`;
    const deadline = `${formatInstant(by)}${local} (${daysLeft(by - now)})`;
    return `| ${entry.service} | ${entry.instances} | ${deadline} | ${entry.campaigns.map(mark).join(", ")} |`;
  });
  const body = [
    `Pull request [#${pr.number}](${pr.url}) “${escapeMarkdown(pr.title)}” by @${pr.author} was merged. ` +
      `Its campaigns need more capacity than runs today.`,
    "",
    ...(mentions.length > 0 ? [`${mentions.join(" ")}: please prepare the following.`, ""] : []),
    "| service | instances | deadline | campaigns |",
    "| --- | ---: | --- | --- |",
    ...rows,
    "",
    `Campaigns from this pull request are in **bold**: ${planned.join(", ")}.`,
    "",
    ...plan.map(
      (entry) =>
        `- [ ] Scale ${entry.service} to ${entry.instances} instances before ${formatInstant(entry.by)}`,
    ),
    `- [ ] Close this issue when the capacity is in place`,
    "",
    marker,
  ].join("\n");

  return {
    title,
    body,
    labels: [IT_PREP_LABEL],
    assignees: input.itGroup.users.map((user) => user.replace(/^@/, "")).slice(0, MAX_ASSIGNEES),
    marker,
  };
}

/** "in 4 days", "in 5 hours", "overdue by 2 days": how much time IT has left. */
function daysLeft(ms: number): string {
  const days = Math.floor(Math.abs(ms) / DAY_MS);
  const amount =
    days >= 1 ? `${days} ${days === 1 ? "day" : "days"}` : `${Math.floor(Math.abs(ms) / 3_600_000)} hours`;
  return ms >= 0 ? `in ${amount}` : `overdue by ${amount}`;
}

/**
 * Which group is IT, the one the prep issue is for: the first group the review rules require for a
 * change to the capacity file (IT keeps that file); else a group named `it`; else nobody (no one
 * is assigned or mentioned).
 */
export function itGroup(config: Config): ReviewGroup {
  const policy = config.review;
  if (!policy) return { teams: [], users: [] };
  const name = requiredGroups(policy, [config.capacity])[0]?.group ?? "it";
  return policy.groups[name] ?? { teams: [], users: [] };
}
