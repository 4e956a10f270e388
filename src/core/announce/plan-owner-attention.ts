/**
 * How the app asks for the attention of the owners of campaigns a pull request's maintenance window
 * or freeze touches (issue 14: "mention, or review request where they are collaborators — not for
 * approval"). A review request notifies a person in GitHub's review queue; it decides nothing: the
 * review check counts only approvals by members of the required groups (src/core/review/), so an
 * owner's review is advice. Owners whom GitHub will not take as reviewers (not collaborators, a team
 * of another organisation) are mentioned in one comment instead; e-mail owners cannot be notified
 * on GitHub and are left to the announcement's text.
 */
import type { Announcement } from "./announce-windows.js";

export interface OwnerAttentionInput {
  announcements: readonly Pick<Announcement, "campaigns">[];
  /** The pull request's author (login): never asked about their own change. */
  author: string;
  /** The repository's owner: only its teams can be requested as reviewers. */
  org: string;
  /** Review requests outstanding on the pull request (logins, team slugs). */
  requested: { users: readonly string[]; teams: readonly string[] };
  /** Logins who already reviewed: their attention was had, a new request would only nag. */
  reviewed: readonly string[];
}

export interface OwnerAttention {
  /** Every owner to notify, as written (`@jane`, `@acme/shop`), each once, in announcement order. */
  owners: string[];
  /** Of them, whom to request a review from in one request (logins without `@`, team slugs). */
  reviewers: string[];
  team_reviewers: string[];
  /** Of them, who can only be mentioned (teams of another organisation). */
  mention: string[];
}

/** Whom to ask, and how. Owners already requested, or who already reviewed, are left out. */
export function planOwnerAttention(input: OwnerAttentionInput): OwnerAttention {
  const lower = (list: readonly string[]) => new Set(list.map((s) => s.toLowerCase()));
  const requestedUsers = lower(input.requested.users);
  const requestedTeams = lower(input.requested.teams);
  const reviewed = lower(input.reviewed);
  const plan: OwnerAttention = { owners: [], reviewers: [], team_reviewers: [], mention: [] };
  const seen = new Set<string>();
  for (const owner of input.announcements.flatMap((a) => a.campaigns.map((c) => c.owner))) {
    // A GitHub handle; an e-mail address (also holding "@") cannot be notified here.
    const handle = /^@([A-Za-z0-9-]+)(?:\/([A-Za-z0-9._-]+))?$/.exec(owner);
    if (!handle || seen.has(owner.toLowerCase())) continue;
    seen.add(owner.toLowerCase());
    const [, login, team] = handle as unknown as [string, string, string | undefined];
    if (team === undefined) {
      const who = login.toLowerCase();
      if (who === input.author.toLowerCase() || requestedUsers.has(who) || reviewed.has(who)) continue;
      plan.owners.push(owner);
      plan.reviewers.push(login);
    } else if (login.toLowerCase() === input.org.toLowerCase()) {
      if (requestedTeams.has(team.toLowerCase())) continue;
      plan.owners.push(owner);
      plan.team_reviewers.push(team);
    } else {
      plan.owners.push(owner);
      plan.mention.push(owner);
    }
  }
  return plan;
}
