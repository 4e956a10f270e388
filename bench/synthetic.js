// Synthetic campaigns repositories for the benchmark: deterministic (seeded), realistic shapes.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32) so every run benchmarks the same repository. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `profile`: "stress" (the default: most campaigns need IT work or break a limit, and 2% have a
 * schema mistake) or "clean" (small forecasts well ahead of every deadline: few findings).
 *
 * @param {{ campaigns: number, sites: number, services: number, now: number, seed?: number, profile?: "stress" | "clean" }} o
 * @returns {{ config: string, capacity: string, campaigns: { path: string, text: string }[] }}
 */
export function syntheticRepository(o) {
  const random = rng(o.seed ?? 42);
  const clean = o.profile === "clean";
  const pick = (n) => Math.floor(random() * n);
  const services = [];
  for (let i = 0; i < o.services; i++) {
    services.push(
      i % 5 === 4
        ? `  svc-${i}:\n    max_rps: ${200_000 + pick(400_000)}\n`
        : `  svc-${i}:\n    per_instance_rps: ${200 + pick(300)}\n    instances: ${4 + pick(8)}\n    max_instances: ${400 + pick(400)}\n    zones: ${1 + pick(3)}\n`,
    );
  }
  const sites = [];
  for (let i = 0; i < o.sites; i++) {
    const a = pick(o.services);
    const b = (a + 1 + pick(o.services - 1)) % o.services;
    sites.push(
      `  site-${i}:\n    rps_per_user: 0.${1 + pick(4)}\n    baseline_users: ${100 + pick(2000)}\n    uses: { svc-${a}: 1, svc-${b}: 0.${1 + pick(8)} }\n`,
    );
  }
  const capacity = `defaults:\n  notice_days: 14\nservices:\n${services.join("")}sites:\n${sites.join("")}maintenance:\n  - name: DB upgrade\n    services: [svc-4]\n    start: ${iso(o.now + 40 * DAY)}\n    end: ${iso(o.now + 40 * DAY + 7_200_000)}\n    capacity_factor: 0.5\nfreezes:\n  - name: Holiday freeze\n    start: ${iso(o.now + 60 * DAY)}\n    end: ${iso(o.now + 70 * DAY)}\n`;
  const types = ["tv_spot", "email", "flash_sale", "social", "paid", "press", "other"];
  const confidences = ["historical", "model", "guess"];
  const campaigns = [];
  for (let i = 0; i < o.campaigns; i++) {
    const start = clean
      ? o.now + (24 * 30 + pick(300 * 24)) * 3_600_000
      : o.now + (pick(365 * 24) - 24 * 20) * 3_600_000;
    const end = start + (1 + pick(24 * 14)) * 3_600_000;
    const targets = [];
    const n = 1 + pick(3);
    const used = new Set();
    for (let t = 0; t < n; t++) {
      const s = pick(o.sites);
      if (used.has(s)) continue;
      used.add(s);
      targets.push(`  - site: site-${s}\n    share: 0.${1 + pick(9)}\n`);
    }
    const expected = clean ? 1 + pick(5) : 50 + pick(3000);
    const confidence = confidences[pick(3)];
    const high =
      (confidence === "guess" && !(clean && random() < 0.02)) || random() < 0.5
        ? `  high: ${expected * 2}\n`
        : "";
    const typo = !clean && random() < 0.02;
    campaigns.push({
      path: `campaigns/c-${String(i).padStart(5, "0")}.yaml`,
      text:
        `# yaml-language-server: $schema=https://example.invalid/campaign.schema.json\n` +
        `id: c-${i}\nname: Synthetic campaign ${i}\nowner: "@marketer${pick(40)}"\ntype: ${types[pick(types.length)]}\n` +
        `window:\n  start: ${iso(start)}\n  end: ${iso(end)}\ntargets:\n${targets.join("")}` +
        `${typo ? "forcast" : "forecast"}:\n  peak_concurrent_users: ${expected}\n${high}  confidence: ${confidence}\n  basis: "synthetic benchmark forecast"\n` +
        `notes: "generated"\n`,
    });
  }
  return { config: "", capacity, campaigns };
}

/** Writes a synthetic repository under `dir` (infra/capacity.yaml and campaigns/). */
export function writeRepository(dir, repo) {
  mkdirSync(path.join(dir, "infra"), { recursive: true });
  mkdirSync(path.join(dir, "campaigns"), { recursive: true });
  writeFileSync(path.join(dir, "infra", "capacity.yaml"), repo.capacity);
  for (const c of repo.campaigns) writeFileSync(path.join(dir, c.path), c.text);
}

function iso(ms) {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

const HOURS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.6, 0.7, 0.7, 0.75, 0.8, 0.75, 0.7, 0.7, 0.75, 0.8, 0.9, 1, 1,
  0.9, 0.7, 0.5,
];
const SHAPES = [
  () => `  shape:\n    kind: daily\n    peak_hours: ["12:00-14:00", "19:00-22:00"]\n`,
  (start) => `  shape:\n    kind: spike\n    at: ["${start}"]\n    half_life_minutes: 15\n`,
  () => `  shape:\n    kind: front_loaded\n    half_life_hours: 6\n`,
];

/** The synthetic repository with shapes on every third campaign and a profile on every site. */
export function shapedRepository(repo) {
  const capacity = repo.capacity.replace(
    /( {4}uses: \{[^\n]*\}\n)/g,
    `$1    profile: { timezone: Europe/Berlin, hours: [${HOURS.join(", ")}], weekdays: [1, 1, 1, 1, 1, 0.8, 0.7] }\n`,
  );
  const campaigns = repo.campaigns.map((f, i) => {
    if (i % 3 !== 0) return f;
    const start = /\n {2}start: (\S+)\n/.exec(f.text)[1];
    return {
      ...f,
      text: f.text.replace('\nnotes: "generated"', `\n${SHAPES[(i / 3) % 3](start)}notes: "generated"`),
    };
  });
  return { ...repo, capacity, campaigns };
}
