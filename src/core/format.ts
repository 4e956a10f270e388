/**
 * Plain-language formatting shared by messages (core) and every renderer: instants in a
 * campaign's own zone ("Fri 27 Nov 2026 06:00 EST"), numbers, percentages, lists, escaping.
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

function formatter(zone: string, locale = "en-US"): Intl.DateTimeFormat {
  const key = `${locale} ${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
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
    formatters.set(key, f);
  }
  return f;
}

/** The zone's UTC offset (ms) and short name ("EST", "CET") at instant ms. */
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
    state = { offset: local - bucket, name: zoneName(parts.timeZoneName, bucket, zone) };
    if (zoneStates.size > 100_000) zoneStates.clear();
    zoneStates.set(key, state);
  }
  return state;
}

/**
 * Each locale knows its own region's abbreviations (en-US: EST, PDT; en-GB: CET, BST): prefer a
 * name to a bare "GMT+1".
 */
function zoneName(us: string | undefined, ms: number, zone: string): string {
  if (us && !/^GMT[+-]/.test(us)) return us;
  const gb = formatter(zone, "en-GB")
    .formatToParts(ms)
    .find((p) => p.type === "timeZoneName")?.value;
  return gb ?? us ?? zone;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "Fri 27 Nov 2026 06:00 EST" in `zone` (default UTC); accepts epoch ms or an ISO string. */
export function formatInstant(instant: number | string, zone = "UTC"): string {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
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
  const abs = Math.abs(rounded);
  // Past 1e21 `toFixed` writes an exponent; the general form below keeps what it always printed.
  if (abs >= 1e21) return formatLarge(rounded);
  const sign = rounded < 0 ? "-" : "";
  // Whole numbers below 2^53: `String` writes the same digits as `toFixed`, without the ".0" to cut.
  if (Number.isInteger(abs) && abs <= Number.MAX_SAFE_INTEGER) return sign + groupThousands(String(abs));
  const fixed = abs.toFixed(1);
  const fraction = fixed.charCodeAt(fixed.length - 1) === 48 ? "" : fixed.slice(-2);
  return sign + groupThousands(fixed.slice(0, -2)) + fraction;
}

/**
 * "1234567" → "1,234,567": slices instead of a regular expression, split and template (formatNumber
 * runs for every number of every message, tens of thousands of times on a large repository).
 */
function groupThousands(digits: string): string {
  const n = digits.length;
  if (n <= 3) return digits;
  const head = n % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < n; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/** formatNumber's original form, kept for values of 1e21 and more (an exponent in `toFixed`). */
function formatLarge(rounded: number): string {
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

/**
 * At most this many ids in one message or table cell: with thousands of overlapping campaigns a
 * full list would make every message thousands of ids long (output growing as findings × campaigns).
 */
export const LIST_LIMIT = 5;

/**
 * "a, b and c"; beyond LIST_LIMIT ids "a, b, c, d, e and 1,995 more" (remembered per array:
 * findings of one breach share their contributor list).
 */
export function listIds(ids: readonly string[]): string {
  let text = lists.get(ids);
  if (text === undefined) {
    if (ids.length > LIST_LIMIT)
      text = `${ids.slice(0, LIST_LIMIT).join(", ")} and ${formatNumber(ids.length - LIST_LIMIT)} more`;
    else text = ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
    lists.set(ids, text);
  }
  return text;
}

/** 0.3217 → "32%"; keeps one decimal below 10% so small loads do not read as 0%. */
export function formatPercent(ratio: number): string {
  const pct = ratio * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct).toString()}%`;
}

/**
 * Makes user-written text safe inside markdown tables and GitHub comments: no table breaks, no
 * HTML, no accidental @-mentions of people or teams.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b")
    .replace(/\r?\n/g, " ");
}

/** "1 error", "3 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * The exclusive end of a window as people read it: an end at local midnight is shown as the end
 * of the day before ("end of Mon 30 Nov 2026"), matching how an `end: 2026-11-30` date was written.
 */
export function formatWindowEnd(end: number | string, zone = "UTC"): string {
  const ms = typeof end === "number" ? end : Date.parse(end);
  const text = formatInstant(ms, zone);
  if (!/ 00:00 /.test(text)) return text;
  const dayBefore = formatInstant(ms - 1, zone)
    .split(" ")
    .slice(0, 4)
    .join(" ");
  return `end of ${dayBefore}`;
}
