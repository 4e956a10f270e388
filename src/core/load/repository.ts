/** Loading a whole campaigns repository: capacity first (campaigns are checked against its sites), then campaigns. */
import type { Finding } from "../findings.js";
import type { Campaign, Capacity, Config, SourceFile } from "../model.js";
import { loadCampaigns } from "./campaigns.js";
import { loadCapacity } from "./capacity.js";

/** Orders findings by file, then line, then column (stable for equal positions). */
export function sortByPosition(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

/** Loads capacity and campaigns; findings sorted by file, line, column. */
export function loadRepository(input: {
  config: Config;
  capacity: SourceFile | undefined;
  campaigns: SourceFile[];
}): {
  campaigns: Campaign[];
  capacity?: Capacity;
  findings: Finding[];
} {
  const capacity = loadCapacity(input.capacity, input.config.capacity);
  const campaigns = loadCampaigns(input.campaigns, capacity.capacity);
  const result: { campaigns: Campaign[]; capacity?: Capacity; findings: Finding[] } = {
    campaigns: campaigns.campaigns,
    findings: sortByPosition([...capacity.findings, ...campaigns.findings]),
  };
  if (capacity.capacity) result.capacity = capacity.capacity;
  return result;
}
