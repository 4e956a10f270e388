/**
 * When the capacity file does not load, no campaign can be checked against capacity. That must
 * fail loudly, once, naming the campaigns that went unchecked — never "Checked 0 campaigns".
 */
import { listIds } from "../format.js";
import { finding, type Finding } from "../findings.js";
import type { Campaign } from "../model.js";

/** The one `unchecked` error for campaigns that loaded but could not be checked; none when there are none. */
export function uncheckedCampaigns(capacityFile: string, campaigns: readonly Campaign[]): Finding[] {
  if (campaigns.length === 0) return [];
  const ids = campaigns.map((c) => c.id).sort();
  const message =
    `${campaigns.length === 1 ? "1 campaign was" : `${campaigns.length.toLocaleString("en-US")} campaigns were`} not checked against capacity because ` +
    `${capacityFile} did not load (its own findings say why): ${listIds(ids)}. Fix the capacity file and every campaign is checked again.`;
  return [finding("unchecked", capacityFile, { line: 1, column: 1 }, message, { campaigns: ids })];
}
