/**
 * Warnings in the cell that caused them, as Python prints them (`Where: Category: message` on stderr).
 *
 * Node's `process.emitWarning` prints a warning on a later tick; tslab runs those ticks only when its
 * next message arrives, so the warning lands under some later cell, or nowhere when nbclient executes the
 * notebook. Inside the kernel {@link warn} writes it to stderr at once, while the cell runs (tslab sends
 * the cell's stderr as its output). Deno's kernel sends only what `console` prints (a
 * `process.stderr.write` or `Deno.stderr.writeSync` there reaches no cell: tried with Deno 2.9), so in
 * Deno's kernel it is `console.error`, also while the cell runs. Elsewhere it is `process.emitWarning`
 * (a `warning` event, printed by Node on stderr), and in a web page `console.warn`.
 * @module
 */
import { inDenoKernel, inTslab } from "./kernel.js";

/**
 * Issues a warning, like Python's `warnings.warn(message, category)`.
 *
 * @param message - the warning text.
 * @param category - its class name, e.g. `"DataConversionWarning"` (the `name` of the warning event).
 * @param where - what raised it, shown first as Python shows the file and line (e.g. `"LogisticRegression.fit"`).
 * @example
 * ```ts
 * warn("A column-vector y was passed when a 1d array was expected.", "DataConversionWarning", "LogisticRegression.fit");
 * // stderr, in a notebook under the running cell:
 * // LogisticRegression.fit: DataConversionWarning: A column-vector y was passed when a 1d array was expected.
 * ```
 */
export function warn(message: string, category = "UserWarning", where?: string): void {
  const line = `${where ? where + ": " : ""}${category}: ${message}`;
  if (inTslab()) {
    process.stderr.write(line + "\n");
    return;
  }
  if (inDenoKernel()) {
    console.error(line);
    return;
  }
  if (typeof process === "undefined" || typeof process.emitWarning !== "function") {
    // a web page (the `web` entry): the browser's console is where warnings go
    console.warn(line);
    return;
  }
  process.emitWarning(message, category);
}
