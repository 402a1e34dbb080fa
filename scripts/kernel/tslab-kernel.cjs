#!/usr/bin/env node
/**
 * tslab's kernel (this checkout's node_modules/tslab), started with one change: Shift-Tab (Jupyter's
 * inspect request) shows a TSDoc comment as it is written. tslab 1.0.22's `printQuickInfo`
 * (dist/inspect.js) puts a line break between the parts TypeScript splits a comment into, so
 * `{@link np.dot}` comes out over three lines, and it drops the name of every tag but @param, so
 * @returns, @throws and @example lose their labels. This replaces that one function, which tslab's
 * dist/jupyter.js calls through its module object, before the kernel starts; the rest is tslab's
 * own `main()`, as node_modules/tslab/bin/tslab runs it. scripts/install-kernel.sh registers it.
 *
 * It also keeps a compile cache of the cells (scripts/kernel/compile-cache.cjs): tslab's
 * `createConverter`, which dist/main.js also calls through its module object, is wrapped so that a
 * cell compiled before (same source, same declarations before it, same files) is not compiled again
 * and the TypeScript program is created only when a cell, Shift-Tab or completion needs it. Measured
 * on the lesson's cells through Jupyter (bench/notebooks/time_cells.py, CPU seconds of the kernel):
 * see README's speed section. TSLAB_COMPILE_CACHE=0 turns it off.
 *
 *   node scripts/kernel/tslab-kernel.cjs kernel --config-path CONNECTION_FILE [--js]
 */
"use strict";
const path = require("node:path");

const tslab = path.join(__dirname, "..", "..", "node_modules", "tslab", "dist");

/**
 * The text of TypeScript's display parts (a string in older TypeScript versions). A `{@link X}` comes
 * as the parts "{@link ", X, "}" (kind "link" for the braces): it is shown as X.
 */
function text(parts) {
  if (typeof parts === "string") return parts;
  return (parts || []).filter((p) => p.kind !== "link").map((p) => p.text).join("");
}

/**
 * TypeScript's quick info as one text: the signature, the comment, then each tag with its name
 * (`@param X - ...`, `@returns ...`, `@throws ...`, `@example ...`), a blank line between them.
 */
function printQuickInfo(info) {
  const out = [text(info.displayParts)];
  const doc = text(info.documentation).trim();
  if (doc) out.push(doc);
  for (const tag of info.tags || []) {
    const body = text(tag.text).trim();
    out.push(body ? `@${tag.name} ${body}` : `@${tag.name}`);
  }
  return out.filter((s) => s !== "").join("\n\n");
}

module.exports = { printQuickInfo };

if (require.main === module) {
  require(path.join(tslab, "inspect.js")).printQuickInfo = printQuickInfo;
  require("./compile-cache.cjs").cacheTslab(tslab, path.join(__dirname, "..", ".."));
  require(path.join(tslab, "main.js")).main();
}
