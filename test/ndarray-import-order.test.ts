/**
 * lib/np/ndarray.ts is the class core and imports no np function; its chained methods come from
 * lib/np/methods-*.ts, which lib/np/index.ts imports. These tests hold that structure:
 * - each lib/np module imported FIRST in a fresh Node process, then np: no TDZ error ("Cannot
 *   access 'NDArray' before initialization"), and every array has its methods;
 * - lib/np's value imports have no cycle;
 * - a module that calls an attached method imports np's index (so it never depends on another
 *   module having loaded the methods first), and np's own modules call functions, not methods.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const npDir = join(root, "lib", "np");

/** Every .ts file under a folder, as absolute paths, sorted. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What the child prints: each method's result on one array, and how printing shows it. */
const PROBE = `
const np = await import(${JSON.stringify(pathToFileURL(join(npDir, "index.ts")).href)});
const a = np.arange(6).reshape(2, 3);
const util = await import("node:util");
console.log(JSON.stringify({
  sum: a.sum(), argmax: a.argmax({ axis: 1 }).tolist(), slice: a.slice("1, ::-1").tolist(),
  ops: a.add(1).mul(a.rsub(10)).dot(a.T).tolist(), unary: a.neg().exp().sum(),
  str: String(a), inspect: util.inspect(a),
}));
`;

/** Runs PROBE in a fresh Node process (tsx loader) after importing `first`. */
function probeAfter(first: string): Promise<string> {
  const script = `await import(${JSON.stringify(pathToFileURL(first).href)});\n${PROBE}`;
  return new Promise((done, fail) =>
    execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root }, (err, stdout, stderr) =>
      err ? fail(new Error(`importing ${relative(root, first)} first: ${stderr || err.message}`)) : done(stdout.trim()),
    ),
  );
}

test("each lib/np module imported first, in a fresh process: np loads and arrays have all their methods", async (t) => {
  const modules = tsFiles(npDir);
  t.true(modules.length >= 20, `${modules.length} modules`);
  const expected = await probeAfter(join(npDir, "index.ts"));
  const parsed = JSON.parse(expected) as { str: string; inspect: string };
  t.true(parsed.str.startsWith("array([[0, 1, 2],"), parsed.str); // numpy's repr, not "[object Object]"
  t.is(parsed.inspect, parsed.str);
  // two children at a time: the machine may be small and shared
  for (let i = 0; i < modules.length; i += 2) {
    const outs = await Promise.all(modules.slice(i, i + 2).map(probeAfter));
    outs.forEach((out, k) => t.is(out, expected, relative(root, modules[i + k])));
  }
});

/** The relative modules a file imports for their values (not `import type`), as absolute .ts paths. */
function valueImports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const re = /^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?"(\.[^"]+)"/gm;
  return [...src.matchAll(re)].map((m) => resolve(dirname(file), m[1].replace(/\.js$/, ".ts")));
}

test("lib/np's value imports have no cycle (ndarray.ts imports no np function)", (t) => {
  const graph = new Map(tsFiles(npDir).map((f) => [f, valueImports(f)]));
  t.true(graph.get(join(npDir, "index.ts"))!.length > 10); // the parser sees the imports
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const visit = (f: string, path: string[]) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "open") {
      cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(npDir, p)).join(" → "));
      return;
    }
    state.set(f, "open");
    for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
    state.set(f, "done");
  };
  for (const f of graph.keys()) visit(f, []);
  t.deepEqual(cycles, []);
});

test("modules that call an attached NDArray method import np's index; np's own modules call functions", (t) => {
  // this repository's lib, and one test file as a control: it calls many attached methods and imports lib/index.ts
  const control = join(root, "test", "ndarray-methods.test.ts");
  const files = [...tsFiles(join(root, "lib")), control];
  const methodModules = new Set(files.filter((f) => /[/\\]np[/\\]methods(-[a-z]+)?\.ts$/.test(f)));
  t.true(methodModules.size >= 5);
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, types: ["node"] });
  const checker = program.getTypeChecker();
  const entries = new Set([join(npDir, "index.ts"), join(npDir, "methods.ts"), join(root, "lib", "index.ts")]);
  const problems: string[] = [];
  let calls = 0;
  let controlCalls = 0;
  for (const file of files) {
    if (methodModules.has(file)) continue;
    const sf = program.getSourceFile(file)!;
    const used: string[] = [];
    const walk = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decls = checker.getSymbolAtLocation(node.name)?.declarations ?? [];
        if (decls.some((d) => methodModules.has(resolve(d.getSourceFile().fileName)))) {
          used.push(`${node.name.text} (line ${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
        }
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
    calls += used.length;
    if (file === control) controlCalls = used.length;
    if (used.length === 0) continue;
    const rel = relative(root, file);
    if (file.startsWith(npDir)) problems.push(`${rel} is part of np but calls ${used.join(", ")}: call the np function instead`);
    else if (!valueImports(file).some((f) => entries.has(f))) problems.push(`${rel} calls ${used.join(", ")} without importing np's index`);
  }
  t.deepEqual(problems, []);
  t.true(controlCalls >= 20, `the control calls ${controlCalls} attached methods`); // the checker does find calls
  t.log(`${calls} calls of attached methods checked (${controlCalls} in the control)`);
});
