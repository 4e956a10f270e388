/**
 * Per site and week, the headroom: the largest extra campaign (in the site's own unit: users when
 * the site has `rps_per_user`, else requests/s) that could run that whole week and need no IT
 * work. The same limits as `findWindows` (`noWorkLimit` is the closed form of its "fine" class).
 */
import { DAY_MS } from "../capacity/deadlines.js";
import { lastStepBefore } from "../capacity/assess.js";
import { stepAt } from "../capacity/sweep.js";
import { noWorkLimit } from "./classify-load.js";
import type { FitModel } from "./fit-model.js";

export interface Headroom {
  /** Week i is [starts[i], starts[i] + 7 days), the first starting at `now`. */
  starts: number[];
  sites: { site: string; unit: "users" | "rps"; values: number[] }[];
}

/** Headroom for the `weeks` weeks from the model's `now` on. */
export function siteHeadroom(model: FitModel, weeks = 8): Headroom {
  const starts = Array.from({ length: weeks }, (_, i) => model.now + i * 7 * DAY_MS);
  const sites = model.sites.map((site) => {
    const unit: "users" | "rps" = site.rps_per_user !== undefined ? "users" : "rps";
    const perUnit = site.rps_per_user ?? 1;
    const values = starts.map((start) => {
      let room = Infinity;
      for (const service of model.services) {
        const factor = site.uses[service.name];
        if (factor === undefined || factor <= 0) continue;
        const lo = stepAt(service.times, start);
        const hi = lastStepBefore(service.times, start + 7 * DAY_MS);
        for (let i = Math.max(lo, 0); i <= hi; i++) {
          const free =
            noWorkLimit(service, service.factors[i]!, model.failover_utilization) - service.loads[i]!;
          room = Math.min(room, free / (perUnit * factor));
        }
      }
      return room === Infinity ? 0 : Math.max(0, Math.floor(room));
    });
    return { site: site.name, unit, values };
  });
  return { starts, sites };
}
