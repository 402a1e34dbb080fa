/**
 * Reading an environment variable from anywhere the library runs: Node, Deno, a web page.
 * @module
 */

/**
 * The value of environment variable `name`, or undefined where there is none to read: in a web page
 * (no `process`), and in a Deno program run without `--allow-env` (there reading `process.env` throws
 * `NotCapable`: a library must not stop a program over an optional setting). Deno's Jupyter kernel
 * runs with every permission, so there the variables are read.
 *
 * @param name - e.g. `"NP_DEBUG_FILL_NAN"`.
 * @returns the value, or undefined.
 */
export function readEnv(name: string): string | undefined {
  try {
    return typeof process === "undefined" ? undefined : process.env?.[name];
  } catch {
    return undefined;
  }
}
