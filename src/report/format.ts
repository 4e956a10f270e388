/** Formatting shared by every human-readable renderer: numbers, percentages, instants, escaping. */

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 12345.678 → "12,345.7". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** 0.3217 → "32%"; keeps one decimal below 10% so small loads do not read as 0%. */
export function formatPercent(ratio: number): string {
  const pct = ratio * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct).toString()}%`;
}

/**
 * An instant for people: "Fri 27 Nov 2026 06:00 EST" in the given IANA zone, UTC without one.
 * Accepts epoch ms or an ISO string.
 */
export function formatInstant(instant: number | string, timeZone = "UTC"): string {
  const date = typeof instant === "number" ? new Date(instant) : new Date(instant);
  const parts = formatter("en-GB", timeZone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  // Each locale knows its own region's abbreviations (en-US: EST, PDT; en-GB: CET, BST); prefer a name
  // to a bare "GMT-5".
  const us = formatter("en-US", timeZone, { timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  const zone = us && !/^GMT[+-]/.test(us) ? us : get("timeZoneName");
  return `${get("weekday")} ${get("day")} ${get("month")} ${get("year")} ${get("hour")}:${get("minute")} ${zone}`;
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

/** Intl formatters are costly to build; reports format thousands of instants in a few zones. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${options.weekday ? "full" : "zone"}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    FORMATTERS.set(key, f);
  }
  return f;
}
