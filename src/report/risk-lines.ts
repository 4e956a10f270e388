/**
 * The risk of overload in words, shared by the text and markdown reports (and so the Action's
 * summary and PR comment): one sentence per service and per campaign with a chance of at least
 * 0.1%, the highest first, at most MAX_LINES of each.
 */
import type { Report } from "../core/report.js";
import { formatInstant, formatPercent, listIds } from "../core/format.js";

/** Below this a chance is not worth a line (the JSON still has it). */
const SHOWN = 0.001;
const MAX_LINES = 10;

export function riskLines(report: Report): { services: string[]; campaigns: string[] } {
  const risk = report.risk;
  if (!risk) return { services: [], campaigns: [] };
  const zoneOf = new Map(report.campaigns.map((c) => [c.id, c.timezone]));
  const byChance = <T extends { probability: number }>(rows: T[]) =>
    rows.filter((r) => r.probability >= SHOWN).sort((a, b) => b.probability - a.probability);
  const more = (n: number, what: string) =>
    n > MAX_LINES ? [`… and ${n - MAX_LINES} more ${what} (see the JSON report)`] : [];
  const services = byChance(risk.services);
  const campaigns = byChance(risk.campaigns);
  return {
    services: [
      ...services
        .slice(0, MAX_LINES)
        .map(
          (s) =>
            `${formatPercent(s.probability)} chance ${s.service} overloads on ${formatInstant(s.at!)}` +
            (s.campaigns.length > 0 ? ` (campaigns then: ${listIds(s.campaigns)})` : ""),
        ),
      ...more(services.length, "services"),
    ],
    campaigns: [
      ...campaigns
        .slice(0, MAX_LINES)
        .map(
          (c) =>
            `${c.id}: ${formatPercent(c.probability)} chance ${c.service} overloads on ${formatInstant(c.at!, zoneOf.get(c.id))}`,
        ),
      ...more(campaigns.length, "campaigns"),
    ],
  };
}
