/**
 * Risk of overload (DESIGN 2, "Risk of overload"): campaign peaks as independent log-normals and
 * the chance their sum exceeds a capacity. lognormal.ts (parameters, Φ), samples.ts (seeded
 * streams), overload-risk.ts (closed form, union bound, Monte Carlo), factor-cache.ts (each
 * campaign's samples computed once per report).
 */
export { factorSamples, overloadRisk, sampledRisk } from "./overload-risk.js";
export type { FactorSamples, RiskTerm } from "./overload-risk.js";
export { FactorCache } from "./factor-cache.js";
export type { TimedRiskTerm } from "./factor-cache.js";
export { planningFactor, normalCdf, Z90 } from "./lognormal.js";
export type { LogNormal } from "./lognormal.js";
export { normals, streamSeed, RISK_SAMPLES, RISK_SEED } from "./samples.js";
