/**
 * Reading `forecast.shape` (DESIGN 1.1) into the model's `Shape`: peak hours into minutes, the
 * airing and send instants into epoch ms in the campaign's zone. The schema has checked the keys
 * for each kind; here, what it cannot: instants that do not resolve or lie outside the window, and
 * a peak range that is empty. Each problem is a `window` finding on its line.
 */
import { finding } from "../findings.js";
import type { Finding } from "../findings.js";
import type { Shape } from "../model.js";
import { formatInstant } from "../format.js";
import { DEFAULT_OFF_PEAK } from "../shape/index.js";
import { hasOffset, resolveInstant } from "./instants.js";
import { LEFT_OUT } from "./left-out.js";
import type { CampaignGateCampaign } from "./schema-types.js";
import { valueAt } from "./yaml-source.js";
import type { DataPath, ParsedYaml } from "./yaml-source.js";

type ShapeData = NonNullable<CampaignGateCampaign["forecast"]["shape"]>;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The shape, or the findings that keep it from being read. `zone` is the campaign's canonical zone. */
export function resolveShape(
  parsed: ParsedYaml,
  data: ShapeData,
  zone: string | undefined,
  window: { start: number; end: number },
): { shape?: Shape; findings: Finding[] } {
  const findings: Finding[] = [];
  const problem = (path: DataPath, message: string) =>
    findings.push(finding("window", parsed.file, valueAt(parsed, path), message + LEFT_OUT));
  const instant = (text: string, path: DataPath, what: string): number | undefined => {
    if (!hasOffset(text) && zone === undefined) {
      problem(
        path,
        `${what} (${text}) has no offset and the campaign has no \`timezone\`; add one (timezone: Europe/Berlin) or write the offset (${text}+01:00)`,
      );
      return undefined;
    }
    const r = resolveInstant(text, "start", zone ?? "UTC");
    if (!r.ok) {
      problem(path, `${what} ${r.problem}`);
      return undefined;
    }
    if (r.ms < window.start || r.ms >= window.end) {
      problem(
        path,
        `${what} (${formatInstant(r.ms, zone)}) is outside the campaign's window (${formatInstant(window.start, zone)} to ${formatInstant(window.end, zone)}); move it into the window or widen the window`,
      );
      return undefined;
    }
    return r.ms;
  };
  const base = ["forecast", "shape"];
  switch (data.kind) {
    case "constant":
      return { shape: { kind: "constant" }, findings };
    case "daily": {
      const peak_hours = (data.peak_hours ?? []).map((range, i) => {
        const [from, to] = range.split("-").map(minutes) as [number, number];
        if (from === to)
          problem(
            [...base, "peak_hours", i],
            `\`forecast.shape.peak_hours\` has the empty range ${range}; write it as start-end, for example 19:00-22:00`,
          );
        return { from, to };
      });
      const shape: Shape = { kind: "daily", peak_hours, off_peak: data.off_peak ?? DEFAULT_OFF_PEAK };
      return findings.length > 0 ? { findings } : { shape, findings };
    }
    case "spike": {
      const texts = Array.isArray(data.at) ? data.at : [];
      const at = texts.flatMap(
        (t, i) => instant(t, [...base, "at", i], `The airing \`forecast.shape.at\``) ?? [],
      );
      const shape: Shape = { kind: "spike", at, half_life_minutes: data.half_life_minutes! };
      if (data.lasts_minutes !== undefined) shape.lasts_minutes = data.lasts_minutes;
      return findings.length > 0 ? { findings } : { shape, findings };
    }
    case "front_loaded": {
      const at =
        typeof data.at === "string"
          ? instant(data.at, [...base, "at"], "The send instant `forecast.shape.at`")
          : window.start;
      if (at === undefined) return { findings };
      return { shape: { kind: "front_loaded", at, half_life_hours: data.half_life_hours! }, findings };
    }
  }
}
