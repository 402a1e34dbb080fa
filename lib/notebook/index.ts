/**
 * Helpers for the notebooks: TypeScript stand-ins for the lesson's shell cells, Python-like tracebacks
 * and warnings inside the tslab kernel. This file only re-exports.
 * @module
 */
export { gpuInfo, nvidiaSmi, listFiles, ls, cd, shownPath, setShellLanguage } from "./shell.js";
export type { GpuInfo, ShellLanguage } from "./shell.js";
export { cellTraceback, frameKind, installCellTracebacks, type FrameKind } from "./traceback.js";
export { warn } from "./warnings.js";
export { inTslab } from "./kernel.js";
