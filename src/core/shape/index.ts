/**
 * Traffic shapes and time-of-week profiles (DESIGN 2, "Shapes"): pure time arithmetic the capacity
 * engine turns into load. shape-pieces.ts (a campaign's shape as pieces), daily.ts, decay.ts (the
 * discretised decay and its exact curve), week-profile.ts (a site's baseline by time of week),
 * zone-clock.ts (cheap local time in an IANA zone).
 */
export { shapePieces, DEFAULT_OFF_PEAK } from "./shape-pieces.js";
export { decaySteps, exactDecay, DECAY_FLOOR, DECAY_STEPS, STEPS_PER_HALF_LIFE } from "./decay.js";
export type { Piece } from "./decay.js";
export { dailyPieces } from "./daily.js";
export { profileShare, profileSlots } from "./week-profile.js";
export type { ProfileSlots } from "./week-profile.js";
export { zoneClock } from "./zone-clock.js";
