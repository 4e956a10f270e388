/** "Did you mean" suggestions for misspelt names. */
import { closest, distance } from "fastest-levenshtein";

/** The closest candidate when it is plausibly a typo of `name`, else undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, [...candidates]);
  const limit = Math.max(2, Math.floor(name.length / 3));
  return distance(name, best) <= limit ? best : undefined;
}

/** " (did you mean `x`?)" or "" when nothing is close. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const best = closestName(name, candidates);
  return best === undefined ? "" : ` (did you mean \`${best}\`?)`;
}

/** Quotes a found value for a message, shortened so a huge value cannot flood the report. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (value === null || value === undefined) text = "nothing";
  else if (typeof value === "object") text = Array.isArray(value) ? "a list" : "a mapping";
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    text = String(value);
  else text = typeof value;
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return `\`${text.replace(/`/g, "'")}\``;
}
