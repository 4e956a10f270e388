/**
 * Plain-language rendering of instants and numbers for messages: instants in the campaign's own
 * zone ("Fri 27 Nov 2026 06:00 EST"), else UTC; requests/s with thousands separators.
 */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Zone offsets change only at quarter hours: one Intl lookup per zone and quarter hour. */
const QUARTER_HOUR = 900_000;

interface ZoneState {
  offset: number;
  name: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const zoneStates = new Map<string, ZoneState>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset (ms) and short name ("EST", "GMT+1") at instant ms. */
function zoneState(ms: number, zone: string): ZoneState {
  const bucket = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${zone} ${bucket}`;
  let state = zoneStates.get(key);
  if (!state) {
    const parts: Record<string, string> = {};
    for (const p of formatter(zone).formatToParts(bucket)) parts[p.type] = p.value;
    const local = Date.UTC(
      +parts.year!,
      +parts.month! - 1,
      +parts.day!,
      +parts.hour!,
      +parts.minute!,
      +parts.second!,
    );
    state = { offset: local - bucket, name: parts.timeZoneName ?? zone };
    if (zoneStates.size > 100_000) zoneStates.clear();
    zoneStates.set(key, state);
  }
  return state;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "Fri 27 Nov 2026 06:00 EST" in `zone` (default UTC). */
export function formatInstant(ms: number, zone = "UTC"): string {
  const { offset, name } = zone === "UTC" ? { offset: 0, name: "UTC" } : zoneState(ms, zone);
  const d = new Date(ms + offset);
  return (
    `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${name}`
  );
}

/** "5,600" or "12.5" or "-3": rounded to one decimal, with thousands separators (en-US). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (!Number.isFinite(rounded)) return String(rounded);
  const [whole = "0", fraction] = Math.abs(rounded).toFixed(1).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction && fraction !== "0" ? `.${fraction}` : ""}`;
}

/** "3.5 days" / "-2 days" / "1 day". */
export function formatDays(ms: number): string {
  const days = Math.round((ms / 86_400_000) * 10) / 10;
  return `${formatNumber(days)} ${Math.abs(days) === 1 ? "day" : "days"}`;
}

/** Rounds a JSON number to 6 decimals. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const lists = new WeakMap<readonly string[], string>();

/** "a, b and c" (remembered per array: findings of one breach share their contributor list). */
export function listIds(ids: readonly string[]): string {
  let text = lists.get(ids);
  if (text === undefined) {
    text = ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
    lists.set(ids, text);
  }
  return text;
}
