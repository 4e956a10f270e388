// A small hand-computable repository for `fit`: one service `web` (100 requests/s per instance,
// target 0.5: today's 2 instances carry 100 requests/s safely, max scale 10 carries 500), one site
// `shop` (1 request/s per user, baseline 20 requests/s) and one `sale` campaign on 1-4 Dec adding 60.
import { runCheckModel } from "../../src/core/check.js";
import type { FitModel } from "../../src/core/fit/index.js";
import { defaultConfig } from "../../src/core/load/index.js";

export const NOW = Date.UTC(2026, 10, 23); // Mon 23 Nov 2026 00:00 UTC
export const DAY = 86_400_000;
export const at = (iso: string): number => Date.parse(iso);

export function capacityYaml(freeze?: { start: string; end: string }): string {
  return [
    "defaults: { target_utilization: 0.5, failover_utilization: 0.9, notice_days: 14 }",
    "services:",
    "  web: { per_instance_rps: 100, instances: 2, max_instances: 10 }",
    "sites:",
    "  shop: { rps_per_user: 1, baseline_rps: 20, uses: { web: 1 } }",
    "  api: { baseline_rps: 10, uses: { web: 1 } }",
    ...(freeze
      ? ["freezes:", `  - { name: Winter freeze, start: "${freeze.start}", end: "${freeze.end}" }`]
      : []),
    "",
  ].join("\n");
}

export const SALE = [
  "id: sale",
  "name: December sale",
  'owner: "@jane"',
  "type: flash_sale",
  'window: { start: "2026-12-01T00:00:00Z", end: "2026-12-04T00:00:00Z" }',
  "targets: [{ site: shop }]",
  "forecast: { peak_concurrent_users: 60, confidence: historical, high: 60, basis: last year }",
  "",
].join("\n");

export const FILES = {
  capacity: (freeze?: { start: string; end: string }) => ({
    path: "infra/capacity.yaml",
    text: capacityYaml(freeze),
  }),
  sale: { path: "campaigns/sale.yaml", text: SALE },
};

export function model(freeze?: { start: string; end: string }): FitModel {
  const { model, report } = runCheckModel({
    config: defaultConfig(),
    capacity: FILES.capacity(freeze),
    campaigns: [FILES.sale],
    now: NOW,
  });
  if (!model) throw new Error(JSON.stringify(report.findings));
  return model;
}
