/**
 * Risk of overload (DESIGN 2, "Risk of overload"): campaign peaks as independent log-normals and
 * the chance their sum exceeds a capacity. lognormal.ts (parameters), normal.ts (Φ, Φ⁻¹),
 * samples.ts (the Latin hypercube: stratified normals, seeded orders), factor-table.ts (e^{σz}
 * once per σ), term-table.ts (terms as rows of doubles, their bounds computed once),
 * overload-risk.ts (closed form, samples' range, sampling), risk-sum.ts (dense points' sums in
 * whole units, carried from point to point), factor-cache.ts (each campaign's samples computed
 * once per report), risk-job.ts (a report's every point as one job of plain data, for any thread),
 * risk-work.ts (whether a job is worth a thread of its own).
 */
export {
  BLOCK,
  BLOCKS,
  factorSamples,
  overloadRisk,
  SAMPLED,
  sampledRisk,
  tableRisk,
  withBlockHighs,
} from "./overload-risk.js";
export { DENSE } from "./overload-risk.js";
export type { FactorSamples, RiskTerm } from "./overload-risk.js";
export { RiskSum, RowMarks } from "./risk-sum.js";
export type { RowSamples } from "./risk-sum.js";
export { sumUnit, TermTable, termUnits, TERM_CAP, UNITS } from "./term-table.js";
export { FactorCache } from "./factor-cache.js";
export { factorTable } from "./factor-table.js";
export { planningFactor, Z90 } from "./lognormal.js";
export type { LogNormal } from "./lognormal.js";
export { normalCdf, normalQuantile } from "./normal.js";
export { shuffle, stratifiedNormals, streamSeed, RISK_SAMPLES, RISK_SEED } from "./samples.js";
export { computeNow, computeRisk } from "./risk-job.js";
export { riskWork, SHARE_FROM, splitRest, THREAD_WORK, worthAThread } from "./risk-work.js";
export type { RiskJob, RiskRun, RiskRunner } from "./risk-job.js";
