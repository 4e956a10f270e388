/**
 * Reduces a pull request's review history to each person's standing decision. APPROVED and
 * CHANGES_REQUESTED are decisive; COMMENTED (and PENDING drafts) are not; a DISMISSED review
 * withdraws whatever that person had decided.
 */

/** A pull request review as GitHub reports it (the fields the policy needs). */
export interface Review {
  id: number;
  /** Login of the reviewer; undefined for deleted ("ghost") accounts. */
  user: string | undefined;
  state: string;
  /** The commit the review was submitted on. */
  commit_id: string | null;
  /** ISO instant; undefined for pending drafts. */
  submitted_at?: string | undefined;
}

/** A person's standing decision: their latest decisive review. */
export interface Decision {
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED";
  review_id: number;
  commit_id: string | null;
}

/**
 * The latest decisive review per person, keyed by lowercase login. People whose latest decisive
 * review was dismissed, or who only commented, have no entry. Order is by `submitted_at`, then by
 * review id (GitHub's ids grow over time), so the result does not depend on the list order.
 */
export function latestDecisions(reviews: readonly Review[]): Map<string, Decision> {
  const ordered = [...reviews].sort(
    (a, b) => (a.submitted_at ?? "").localeCompare(b.submitted_at ?? "") || a.id - b.id,
  );
  const decisions = new Map<string, Decision>();
  for (const review of ordered) {
    if (!review.user) continue;
    const key = review.user.toLowerCase();
    if (review.state === "DISMISSED") decisions.delete(key);
    else if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED")
      decisions.set(key, {
        user: review.user,
        state: review.state,
        review_id: review.id,
        commit_id: review.commit_id,
      });
  }
  return decisions;
}
