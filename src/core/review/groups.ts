/**
 * Which review groups a pull request needs: the union of `require` of every rule whose `paths`
 * match at least one changed file.
 */
import picomatch from "picomatch";
import type { ReviewPolicy } from "../model.js";

export interface RequiredGroup {
  group: string;
  /** Names of the rules that require the group, in policy order. */
  rules: string[];
}

/** Groups required by the rules matching `changedPaths`, in the order they first appear in the rules. */
export function requiredGroups(policy: ReviewPolicy, changedPaths: readonly string[]): RequiredGroup[] {
  const byGroup = new Map<string, string[]>();
  for (const rule of policy.rules) {
    // `dot: true`: `.github/**` and files such as `.env` must match like any other path.
    const matches = picomatch(rule.paths, { dot: true });
    if (!changedPaths.some((path) => matches(path))) continue;
    for (const group of rule.require) {
      const rules = byGroup.get(group) ?? [];
      if (!rules.includes(rule.name)) rules.push(rule.name);
      byGroup.set(group, rules);
    }
  }
  return [...byGroup].map(([group, rules]) => ({ group, rules }));
}
