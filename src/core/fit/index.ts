/**
 * "When can I run it?" (issue 13): the plain model of service load steps and limits, the search
 * for windows that fit, and each site's weekly headroom. Pure and browser-safe: the dashboard
 * bundles these very functions into its page.
 */
export { fitModel } from "./fit-model.js";
export type { FitModel, FitService, FitSite } from "./fit-model.js";
export { findWindows, FitError } from "./find-windows.js";
export type { FitAnswer, FitRequest, FitWindow, WorkWindow } from "./find-windows.js";
export { siteHeadroom } from "./site-headroom.js";
export type { Headroom } from "./site-headroom.js";
export { classifyLoad, noWorkLimit } from "./classify-load.js";
