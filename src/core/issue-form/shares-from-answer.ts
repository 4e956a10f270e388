/**
 * Reads the form's "Share per site" answer: one line per ticked site, such as `shop: 70%`, giving
 * the part of the expected peak that reaches that site (the campaign's `targets[].share`). A
 * checkbox cannot carry a number, so the shares live in their own free-text field; every mistake
 * becomes a plain-language problem on that field instead of a share silently dropped.
 */
/** A problem on one form field (the shape of `FieldProblem`, without importing back up). */
interface FieldProblem {
  field: string;
  message: string;
}

const LABEL = "Share per site";

/** Site → share (0 < share ≤ 1) for the lines of `answer`; problems go to the `shares` field. */
export function sharesFromAnswer(
  answer: string | undefined,
  ticked: readonly string[],
  offered: readonly string[],
  problems: FieldProblem[],
): Map<string, number> {
  const shares = new Map<string, number>();
  if (answer === undefined) return shares;
  const example = `${ticked[0] ?? "shop"}: 70%`;
  for (const raw of answer.split(/\r?\n/)) {
    const line = raw.trim().replace(/^[-*]\s+/, "");
    if (line === "") continue;
    const m = /^(.+?)\s*[:=]\s*(.+)$/.exec(line) ?? /^(\S+)\s+(\S+)$/.exec(line);
    const typed = m?.[1]?.trim();
    const value = m?.[2]?.trim();
    // "Shop: 70%" means the site shop: names are matched whatever their case.
    const site = [...ticked, ...offered].find((s) => s.toLowerCase() === typed?.toLowerCase()) ?? typed;
    if (!site || !value) {
      problems.push({
        field: "shares",
        message: `**${LABEL}**: write one line per site, such as \`${example}\`; found "${line}".`,
      });
      continue;
    }
    if (!ticked.includes(site)) {
      problems.push({
        field: "shares",
        message: offered.includes(site)
          ? `**${LABEL}** gives a share to "${site}", which is not ticked under **Sites**: tick it, or remove the line.`
          : `**${LABEL}** gives a share to "${site}", which is not one of the **Sites** (${offered.join(", ")}): correct the name, or remove the line.`,
      });
      continue;
    }
    if (shares.has(site)) {
      problems.push({
        field: "shares",
        message: `**${LABEL}** gives "${site}" two shares: keep one line per site.`,
      });
      continue;
    }
    const share = shareOf(value);
    if (share === undefined) {
      problems.push({
        field: "shares",
        message: `**${LABEL}**: the share of "${site}" must be a percentage above 0% and at most 100%, such as \`${site}: 70%\`; found "${value}".`,
      });
      continue;
    }
    shares.set(site, share);
  }
  return shares;
}

/** "70%", "70 %", "0.7" → 0.7; anything else (or outside (0, 1]) → undefined. */
function shareOf(value: string): number | undefined {
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(value);
  const n = percent?.[1]
    ? Number(percent[1].replace(",", ".")) / 100
    : /^\d*[.,]\d+$|^1$/.test(value)
      ? Number(value.replace(",", "."))
      : NaN;
  return Number.isFinite(n) && n > 0 && n <= 1 ? Math.round(n * 1e6) / 1e6 : undefined;
}
