/**
 * Which Jupyter kernel runs this code: tslab (which sets `globalThis.__tslab__` before the first cell
 * runs) or Deno's (`deno jupyter`, where `Deno.jupyter` exists; in any other Deno program reading
 * `Deno.jupyter` throws). Nothing here imports a Node built-in, so it is safe in a web page.
 * @module
 */

/** The kernels the library knows how to display in. */
export type KernelName = "tslab" | "deno";

/** The parts of Deno's Jupyter API that the library uses (`Deno.jupyter.display` with a raw MIME bundle). */
export interface DenoJupyter {
  /** Sends `obj` as a `display_data` (or, with `update`, `update_display_data`) message; resolves when sent. */
  display(obj: unknown, options?: { raw?: boolean; update?: boolean; display_id?: string }): Promise<void>;
}

/** True inside a tslab kernel. */
export function inTslab(): boolean {
  return typeof (globalThis as { __tslab__?: unknown }).__tslab__ === "object";
}

/** True when the Deno runtime runs this code (a kernel or not). */
export function inDeno(): boolean {
  const deno = (globalThis as { Deno?: { version?: { deno?: unknown } } }).Deno;
  return typeof deno?.version?.deno === "string";
}

/**
 * Deno's Jupyter API when this code runs in Deno's kernel (`deno jupyter --kernel`), otherwise null
 * (outside that subcommand Deno's `Deno.jupyter` getter throws, which this catches).
 */
export function denoJupyter(): DenoJupyter | null {
  if (!inDeno()) return null;
  try {
    const jupyter = (globalThis as unknown as { Deno: { jupyter?: DenoJupyter } }).Deno.jupyter;
    return typeof jupyter?.display === "function" ? jupyter : null;
  } catch {
    return null;
  }
}

/** True inside Deno's Jupyter kernel. */
export function inDenoKernel(): boolean {
  return denoJupyter() !== null;
}

/**
 * The Jupyter kernel this code runs in, or null outside a kernel (a script, a test, a web page).
 *
 * @example
 * ```ts
 * kernelName()   // "tslab" in the TypeScript (tslab) kernel, "deno" in Deno's, null under `node` or `tsx`
 * ```
 */
export function kernelName(): KernelName | null {
  if (inTslab()) return "tslab";
  if (inDenoKernel()) return "deno";
  return null;
}
