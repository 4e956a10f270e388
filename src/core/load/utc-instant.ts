/**
 * The instant of the one time form nearly every file uses — `2026-11-21T11:00:00Z`, or with a
 * numeric offset like `+01:00` — computed directly instead of through temporal-polyfill, whose
 * general ISO parser cost about 10 µs per value (a third of loading a campaign).
 *
 * It never guesses: anything but `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`,
 * with every field in its everyday range (no 24:00, no second 60, no February 30, no year
 * before 100), is left to Temporal, so unusual values keep exactly Temporal's reading or message.
 * test/load/utc-instant.test.ts compares both over valid, edge and invalid strings.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ZERO = 0x30;
const DASH = 0x2d;
const PLUS = 0x2b;
const COLON = 0x3a;
const DOT = 0x2e;
const T = 0x54;
const Z = 0x5a;

/** Epoch milliseconds of `text` when it is the common UTC-or-offset form, else undefined (use Temporal). */
export function readUtcInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 17) return undefined;
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== T ||
    text.charCodeAt(13) !== COLON
  )
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  // Date.UTC reads years 0–99 as 1900–1999: those (never real campaign dates) go to Temporal.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return undefined;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  let at = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(at) === COLON) {
    second = digits(text, 17, 2);
    if (second < 0 || second > 59) return undefined;
    at = 19;
    if (text.charCodeAt(at) === DOT) {
      const first = ++at;
      while (at < length && isDigit(text.charCodeAt(at))) at++;
      const count = at - first;
      if (count < 1 || count > 9) return undefined;
      // Temporal keeps nanoseconds and floors them to milliseconds: the first three digits.
      for (let i = 0; i < 3; i++) ms = ms * 10 + (i < count ? text.charCodeAt(first + i) - ZERO : 0);
    }
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(at);
  if (sign === Z) {
    if (at + 1 !== length) return undefined;
  } else if (sign === PLUS || sign === DASH) {
    if (at + 6 !== length || text.charCodeAt(at + 3) !== COLON) return undefined;
    const offsetHour = digits(text, at + 1, 2);
    const offsetMinute = digits(text, at + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return undefined;
    offsetMinutes = (sign === PLUS ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** The number written by `count` ASCII digits at `at`, or -1 when any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - ZERO);
  }
  return value;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= ZERO + 9;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
