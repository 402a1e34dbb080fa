/**
 * Helpers for the notebooks: TypeScript stand-ins for the lesson's shell cells, Python-like tracebacks
 * and warnings inside the tslab kernel and Deno's. This file only re-exports.
 * @module
 */
export { gpuInfo, nvidiaSmi, listFiles, ls, cd, shownPath, setShellLanguage } from "./shell.js";
export type { GpuInfo, ShellLanguage } from "./shell.js";
export { cellTraceback, frameKind, installCellTracebacks, type FrameKind } from "./traceback.js";
export { warn } from "./warnings.js";
export { inTslab, inDeno, inDenoKernel, kernelName } from "./kernel.js";
export type { KernelName } from "./kernel.js";
