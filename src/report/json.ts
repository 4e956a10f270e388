/** The JSON report of DESIGN section 4: exactly one document, stable key order. */
import type { Report } from "../core/report.js";

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
