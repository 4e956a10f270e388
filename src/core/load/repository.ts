/** Loading a whole campaigns repository: capacity first (campaigns are checked against its sites), then campaigns. */
import { sortFindings, type Finding } from "../findings.js";
import type { Campaign, Capacity, Config, SourceFile } from "../model.js";
import { loadCampaigns } from "./campaigns.js";
import { loadCapacity } from "./capacity.js";

/** Loads capacity and campaigns; findings in the one order of `sortFindings`. */
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
    findings: sortFindings([...capacity.findings, ...campaigns.findings]),
  };
  if (capacity.capacity) result.capacity = capacity.capacity;
  return result;
}
