/**
 * Helpers for the notebooks: TypeScript stand-ins for the lesson's shell cells. This file only re-exports.
 * @module
 */
export { gpuInfo, nvidiaSmi, listFiles, ls, cd, shownPath } from "./shell.js";
export type { GpuInfo } from "./shell.js";
