/**
 * Writes the dashboard into a folder: DIR/index.html and the campaign calendar DIR/calendar.ics
 * (the same feed as `campaign-gate calendar`, linked from the page), each replaced atomically (a temporary file
 * renamed), so a reader or a Pages upload never sees half a page. The shells (CLI `report --html`,
 * the Action) call this after running the check.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Campaign, Capacity } from "../../core/model.js";
import type { FitModel } from "../../core/fit/index.js";
import type { Report } from "../../core/report.js";
import { calendarEvents } from "../../core/calendar/calendar-events.js";
import { renderCalendar } from "../calendar.js";
import { CLIENT_SCRIPT } from "./client-script.generated.js";
import { dashboardData } from "./dashboard-data.js";
import { renderPage } from "./render-page.js";

export interface DashboardSource {
  report: Report;
  campaigns: Campaign[];
  capacity: Capacity;
  model: FitModel;
  /** "owner/name": part of every calendar UID (see docs/calendar.md). */
  repository: string;
}

/**
 * @param dir the output folder (created when missing)
 * @param fileBase prefix of links to campaign files: a repository URL ending in "/", or a path
 *   relative to `dir` (the CLI's default: back to the repository root)
 * @returns the path of index.html
 */
export async function writeDashboard(
  dir: string,
  source: DashboardSource,
  fileBase: string,
): Promise<string> {
  const html = renderPage(dashboardData({ ...source, fileBase }), CLIENT_SCRIPT);
  const now = Date.parse(source.report.now);
  const events = calendarEvents({
    campaigns: source.campaigns,
    summaries: source.report.campaigns,
    capacity: source.capacity,
    now,
    repository: source.repository,
  });
  const ics = renderCalendar(events, {
    now,
    // The feed's URL field must be absolute: relative links (the CLI's) stay out of it.
    ...(/^https?:\/\//.test(fileBase) ? { fileUrl: (file: string) => fileBase + file } : {}),
  });
  await mkdir(dir, { recursive: true });
  await writeAtomically(path.join(dir, "calendar.ics"), ics);
  const file = path.join(dir, "index.html");
  await writeAtomically(file, html);
  return file;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  await rename(temp, file);
}
