/**
 * What a previously published feed says about each event, so SEQUENCE and LAST-MODIFIED follow
 * the content: an event keeps both while its digest is unchanged and gets SEQUENCE + 1 when it
 * changes (RFC 5545 3.8.7.4). Without a previous feed every event starts at SEQUENCE 0.
 */

export interface Revision {
  digest: string;
  sequence: number;
  /** Epoch ms. */
  lastModified: number;
}

/** The property carrying an event's content digest in the feed. */
export const DIGEST_PROPERTY = "X-CAMPAIGN-GATE-DIGEST";

/**
 * Reads UID, SEQUENCE, LAST-MODIFIED and the digest of each VEVENT of an iCalendar text. Lenient:
 * anything it cannot read (another producer's feed, a truncated file) is skipped, which only means
 * those events count as new.
 */
export function readRevisions(ics: string): Map<string, Revision> {
  const revisions = new Map<string, Revision>();
  // Unfold (RFC 5545 3.1): a line break followed by one space or tab continues the line.
  const lines = ics.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  let event: Partial<Record<string, string>> | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") event = {};
    else if (line === "END:VEVENT" && event) {
      const sequence = Number(event.SEQUENCE);
      const lastModified = parseUtc(event["LAST-MODIFIED"]);
      if (event.UID && event[DIGEST_PROPERTY] && Number.isInteger(sequence) && lastModified !== undefined)
        revisions.set(unescapeText(event.UID), {
          digest: event[DIGEST_PROPERTY],
          sequence,
          lastModified,
        });
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(":");
      if (colon > 0) event[line.slice(0, colon).split(";")[0]!.toUpperCase()] = line.slice(colon + 1);
    }
  }
  return revisions;
}

/** 20261123T090000Z → epoch ms. */
function parseUtc(text: string | undefined): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? "");
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
