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

/**
 * A short fingerprint of everything in `reviews` that can change a decision (id, state, commit),
 * independent of list order. Review ids only grow and a dismissal changes a state, so two reads
 * with the same fingerprint saw the same reviews: the app re-checks it after publishing to know
 * whether the world moved under its evaluation. FNV-1a (32 bit) plus the count and newest id.
 */
export function reviewsFingerprint(reviews: readonly Review[]): string {
  const text = [...reviews]
    .sort((a, b) => a.id - b.id)
    .map((r) => `${r.id}:${r.state}:${r.commit_id ?? ""}`)
    .join(",");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const newest = reviews.reduce((max, r) => Math.max(max, r.id), 0);
  return `${reviews.length}-${newest}-${hash.toString(16).padStart(8, "0")}`;
}
