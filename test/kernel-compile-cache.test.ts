/**
 * The tslab kernel's compile cache (scripts/kernel/compile-cache.cjs) around tslab's own converter,
 * in this process: a cached converter answers every cell as tslab's converter does (JavaScript,
 * declarations, type errors, the cell's value), a second kernel answers from the cache without
 * creating the TypeScript program, and a changed declaration file or a module that appears makes
 * the cell compile again. The kernel itself runs through Jupyter in test/kernel/kernel_test.py.
 */
import test from "ava";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const converterPath = require.resolve("tslab/dist/converter.js");
const { createConverter } = require(converterPath) as { createConverter: CreateConverter };
const ts = createRequire(converterPath)("@tslab/typescript-for-tslab") as object;
const { cachedConverters } = require("../scripts/kernel/compile-cache.cjs") as {
  cachedConverters: (create: CreateConverter, ts: object, where: { projectRoot: string; versions: string }) => CreateConverter;
};

interface Converted {
  output?: string;
  declOutput?: string;
  diagnostics: { messageText: string }[];
  lastExpressionVar?: string;
}
interface Converter {
  convert(prevDecl: string, src: string): Converted;
  close(): void;
}
type CreateConverter = (options: { isJS: boolean; isBrowser: boolean }) => Converter;

const OPTIONS = { isJS: false, isBrowser: false };

/** tslab's converter, counting how many the cache created. */
function countingCreate(): { create: CreateConverter; created: () => number } {
  let n = 0;
  return {
    create: (options) => {
      n++;
      return createConverter(options);
    },
    created: () => n,
  };
}

/** Runs cells as tslab's executor does: each after the declarations the cells before it left. */
function runCells(conv: Converter, cells: readonly string[]): Converted[] {
  let prevDecl = "";
  return cells.map((src) => {
    const r = conv.convert(prevDecl, src);
    if (r.diagnostics.length === 0) prevDecl = r.declOutput ?? "";
    return r;
  });
}

// One temporary folder is the kernel's working folder for the whole file, as a kernel has one: tslab
// compiles relative to process.cwd(), and its TypeScript resolves "./m" wrongly in a second converter
// created in another folder of the same process (a kernel never does that).
const dir = mkdtempSync(join(tmpdir(), "compile-cache-test-"));
const cwd = process.cwd();
test.before(() => process.chdir(dir));
test.after.always(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

const CELLS = [
  "/** Doubles a number. */\nfunction double(x: number): number {\n  return 2 * x;\n}\nconst base = 21;",
  "double(base)",
  'const wrong: string = double(1); // a type error: students rely on it',
  "const list = [1, 2, 3].map(double);\nlist",
];

test.serial("a cached converter answers each cell as tslab's converter, and a second kernel answers from the cache alone", (t) => {
  const real = createConverter(OPTIONS);
  const expected = runCells(real, CELLS);
  real.close();
  t.true(expected[2].diagnostics.length > 0, "the type error is reported");
  t.is(expected[1].lastExpressionVar !== undefined, true);

  const where = { projectRoot: dir, versions: "test" };
  process.env.TSLAB_COMPILE_CACHE = join(dir, "cache1");
  t.teardown(() => delete process.env.TSLAB_COMPILE_CACHE);
  const first = countingCreate();
  const kernel1 = cachedConverters(first.create, ts, where)(OPTIONS);
  t.deepEqual(JSON.parse(JSON.stringify(runCells(kernel1, CELLS))), JSON.parse(JSON.stringify(expected)));
  t.is(first.created(), 1);
  kernel1.close();

  const second = countingCreate();
  const kernel2 = cachedConverters(second.create, ts, where)(OPTIONS);
  t.deepEqual(JSON.parse(JSON.stringify(runCells(kernel2, CELLS))), JSON.parse(JSON.stringify(expected)));
  t.is(second.created(), 0, "no TypeScript program: every cell came from the cache");
  kernel2.close();
});

test.serial("a changed declaration file, or a module that appears, makes the cell compile again", (t) => {
  process.env.TSLAB_COMPILE_CACHE = join(dir, "cache2");
  t.teardown(() => delete process.env.TSLAB_COMPILE_CACHE);
  const where = { projectRoot: dir, versions: "test" };
  writeFileSync(join(dir, "m.d.ts"), "export declare const x: number;\n");
  const cells = ['import { x } from "./m";\nconst y: number = x;', 'import { z } from "./later";\nconst w: number = z;'];

  const kernel = (n: ReturnType<typeof countingCreate>) => cachedConverters(n.create, ts, where)(OPTIONS);
  const before = countingCreate();
  const k1 = kernel(before);
  t.deepEqual(k1.convert("", cells[0]).diagnostics, []);
  t.true(k1.convert("", cells[1]).diagnostics.length > 0, "./later does not exist yet");
  k1.close();

  writeFileSync(join(dir, "m.d.ts"), "export declare const x: string;\n");
  writeFileSync(join(dir, "later.d.ts"), "export declare const z: number;\n");
  const after = countingCreate();
  const k2 = kernel(after);
  t.true(k2.convert("", cells[0]).diagnostics.length > 0, "x is a string now: the cached answer is not used");
  t.deepEqual(k2.convert("", cells[1]).diagnostics, [], "./later exists now");
  t.is(after.created(), 1);
  k2.close();
});
