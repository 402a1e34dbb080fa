/**
 * The package's entries without packing it (the full proof, installed outside the repository, is
 * .ci/steps/50-package.sh): every "exports" target is built from a lib/ file; the web entry bundles for a
 * browser with no Node built-in and none of the Node-only modules; `dl-lesson2-ts/np` is np and scijs
 * ndarray alone; importing the main entry loads neither resvg nor cli-progress.
 */
import test from "ava";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  exports: Record<string, string | Record<string, string | Record<string, string>>>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The lib/ source of a dist/ target: dist/web.js -> lib/web.ts. */
const sourceOf = (target: string) => target.replace(/^\.\/dist\//, "lib/").replace(/\.d\.ts$|\.js$/, ".ts");

/** The lib/ files an esbuild browser bundle of `entry` reads (it fails on any Node built-in). */
async function browserInputs(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, metafile: true, logLevel: "silent" });
  return Object.keys(result.metafile.inputs);
}

test("every target in package.json's exports is built from a lib/ file", (t) => {
  const targets: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") targets.push(v);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  const fromLib = targets.filter((target) => target.startsWith("./dist/"));
  t.true(fromLib.length >= 12);
  for (const target of fromLib) t.true(existsSync(sourceOf(target)), `${target} has no ${sourceOf(target)}`);
});

test("the web entry bundles for a browser: no Node built-in, no Node-only module of lib/", async (t) => {
  const inputs = await browserInputs("lib/web.ts");
  t.true(inputs.includes("lib/lesson/train.ts") && inputs.includes("lib/plot/dataset.ts"));
  const nodeOnly = inputs.filter((p) => /^lib\/(notebook\/(?!kernel\.ts$|warnings\.ts$)|plot\/(png|export|display|boundary|live)\.ts)|resvg|cli-progress|plotly/.test(p));
  t.deepEqual(nodeOnly, []);
});

test("dl-lesson2-ts/np is np and scijs ndarray, nothing else", async (t) => {
  const inputs = await browserInputs("lib/np-entry.ts");
  const others = inputs.filter((p) => !p.startsWith("lib/np/") && p !== "lib/np-entry.ts");
  t.deepEqual(others.map((p) => p.replace(/^node_modules\/([^/]+)\/.*/, "$1")).sort(), ["iota-array", "is-buffer", "ndarray"]);
});

test("importing the main entry loads neither resvg nor cli-progress; they come when used", (t) => {
  const script = `
    import { createRequire } from "node:module";
    const lib = await import("./lib/index.ts");
    const loaded = () => new Set(Object.keys(createRequire(import.meta.url).cache).map((p) => /resvg-js|cli-progress/.exec(p)?.[0]).filter(Boolean)).size;
    const before = loaded();
    lib.plot.toPng(lib.plot.costCurves([1, 0.5]));
    const ok = () => true;
    const terminal = { isTTY: true, columns: 80, write: ok, cursorTo: ok, moveCursor: ok, clearLine: ok, clearScreenDown: ok };
    lib.trainingProgress(10, { stream: terminal, enabled: true }).stop();
    console.log(JSON.stringify([before, loaded()]));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  t.deepEqual(JSON.parse(out.trim().split("\n").pop()!), [0, 2]);
});

test("runtime packages are dependencies; the kernel and ndarray-ops (a test's) are dev dependencies", (t) => {
  for (const name of ["ndarray", "@types/ndarray", "plotly.js-dist", "cli-progress", "@resvg/resvg-js"]) t.truthy(pkg.dependencies[name], name);
  for (const name of ["tslab", "ndarray-ops"]) {
    t.falsy(pkg.dependencies[name], name);
    t.truthy(pkg.devDependencies[name], name);
  }
});
