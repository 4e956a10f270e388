/**
 * Distinct reviewers as a maximum bipartite matching between groups and people: one person fills at
 * most one group, and a person in two teams fills whichever group leaves the most groups filled.
 */

/**
 * Assigns people to groups so that as many groups as possible are filled and nobody fills two.
 * `candidates` maps each group to the people who may fill it. Kuhn's augmenting paths: O(groups ×
 * edges), trivial for review-sized inputs. Deterministic: groups in the given order, candidates in
 * their given order.
 */
export function matchReviewers(
  groups: readonly string[],
  candidates: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const groupOf = new Map<string, string>(); // person -> group
  const tryAssign = (group: string, seen: Set<string>): boolean => {
    for (const person of candidates.get(group) ?? []) {
      if (seen.has(person)) continue;
      seen.add(person);
      const holder = groupOf.get(person);
      if (holder === undefined || tryAssign(holder, seen)) {
        groupOf.set(person, group);
        return true;
      }
    }
    return false;
  };
  for (const group of groups) tryAssign(group, new Set());
  const personOf = new Map<string, string>();
  for (const [person, group] of groupOf) personOf.set(group, person);
  return personOf;
}
