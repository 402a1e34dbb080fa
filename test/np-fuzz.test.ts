/**
 * The differential fuzz: replays every case of test/fixtures/np_fuzz.json (seeded random calls and
 * numpy 2.x's answers, made by scripts/fixtures/np_fuzz.py) through `np`. Values must be numpy's
 * exactly (NaN, ±Infinity and −0 included; transcendental functions and float matrix products
 * within a stated tolerance), with numpy's dtype and shape; errors must have numpy's class and
 * message. The few cases where np knowingly differs are listed in README's "Where np differs from
 * numpy" and checked here to differ exactly that way (see `knownDifference`).
 */
import test from "ava";
import { readFileSync } from "node:fs";
import { np } from "../lib/index.js";

type Num = number | string | boolean;
interface Arr {
  A: string;
  s: number[];
  d: Num[];
  /** a view argument: base.slice(ix), then .T */
  ix?: string;
  T?: boolean;
}
/** A string result (np.array_repr, np.array_str). */
interface Str {
  S: string;
}
type Enc = Arr | Str | Num | null | Enc[];

function isStr(e: unknown): e is Str {
  return typeof e === "object" && e !== null && "S" in e;
}

interface Case {
  f: string;
  args?: Enc[];
  kw?: Record<string, unknown>;
  self?: Arr;
  ix?: string;
  chain?: [string, ...unknown[]][];
  set?: [number[], Num];
  r?: Enc;
  e?: string;
  m?: string;
}

/** The committed fixture; NP_FUZZ_FIXTURE=path replays another one (a wider fuzz with other seeds). */
const fixturePath = process.env.NP_FUZZ_FIXTURE ?? new URL("./fixtures/np_fuzz.json", import.meta.url);
const fixture = JSON.parse(readFileSync(fixturePath, "utf8")) as {
  numpy: string;
  seed: number;
  cases: Case[];
};

const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 };

/** A number of the fixture; other strings (dtype names) stay strings. */
function num(v: Num): number | boolean {
  if (typeof v !== "string") return v;
  if (v.startsWith("i:")) return Number(v.slice(2));
  return v in SPECIAL ? SPECIAL[v] : (v as unknown as number);
}

function isArr(e: unknown): e is Arr {
  return typeof e === "object" && e !== null && !Array.isArray(e) && "A" in e;
}

function decode(e: Enc): unknown {
  if (isArr(e)) {
    let a = np.array(e.d.map(num) as number[], e.A as np.DType).reshape(e.s);
    if (e.ix) a = a.slice(e.ix);
    return e.T ? a.T : a;
  }
  if (Array.isArray(e)) return e.map(decode);
  if (isStr(e)) return e.S;
  return e === null ? null : num(e);
}

/** Runs one case through np, as scripts/fixtures/np_fuzz.py ran it through numpy. */
function run(c: Case): unknown {
  const args = (c.args ?? []).map(decode);
  if (c.f === "write") {
    const base = decode(c.self as Arr) as np.NDArray;
    let v = c.ix ? base.slice(c.ix) : base;
    for (const [step, ...stepArgs] of c.chain ?? []) {
      if (step === "T") v = v.T;
      else if (step === "squeeze") v = np.squeeze(v);
      else if (step === "ravel") v = v.ravel();
      else v = v.reshape(stepArgs[0] as number[]);
    }
    const [index, value] = c.set as [number[], Num];
    v.set(...index, num(value));
    return base;
  }
  if (c.f.startsWith("m:")) {
    const self = decode(c.self as Arr) as Record<string, (...a: unknown[]) => unknown>;
    return self[c.f.slice(2)](...args);
  }
  const fn = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.f];
  return c.kw === undefined ? fn(...args) : fn(...args, c.kw);
}

/** Functions whose float results may differ from numpy's by rounding (ulps), and products summed in BLAS's order. */
const ULPS: Record<string, number> = { tanh: 2, exp: 1, log: 1, log1p: 1, sin: 1, cos: 1, power: 1 };

function ulps(a: number, b: number, dtype: string): number {
  if (dtype === "float32") {
    const i = new Int32Array(new Float32Array([a, b]).buffer);
    return Math.abs(i[0] - i[1]);
  }
  const i = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

function sameNumber(got: number, want: number, c: Case, dtype: string): boolean {
  if (Object.is(got, want)) return true;
  if (Number.isNaN(want) || Number.isNaN(got) || !Number.isFinite(want) || !Number.isFinite(got)) return false;
  if ((c.f === "dot" || c.f === "matmul") && (dtype === "float32" || dtype === "float64")) {
    return Math.abs(got - want) <= (dtype === "float32" ? 1e-5 : 1e-12) * Math.max(1, Math.abs(want));
  }
  // float32: np rounds the float64 result once; numpy's float32 SIMD loops are within a few ulps
  const tol = ULPS[c.f] === undefined ? undefined : dtype === "float32" ? 4 : ULPS[c.f];
  return tol !== undefined && (dtype === "float32" || dtype === "float64") && Math.sign(got) === Math.sign(want) && ulps(got, want, dtype) <= tol;
}

/** Why `got` is not numpy's `want`, or undefined when it is. */
function mismatch(got: unknown, want: Enc, c: Case): string | undefined {
  if (isArr(want)) {
    let dtype = want.A;
    let shape: readonly number[] = [];
    let values: number[];
    if (got instanceof np.NDArray) {
      if (got.dtype !== want.A) return `dtype ${got.dtype}, numpy ${want.A}`;
      shape = got.shape;
      values = Array.from(got.values());
    } else if (typeof got === "number" || typeof got === "boolean") {
      values = [Number(got)];
    } else return `got ${String(got)}, numpy an array`;
    if (shape.length !== want.s.length || shape.some((d, i) => d !== want.s[i])) return `shape (${shape}), numpy (${want.s})`;
    const w = want.d.map((v) => Number(num(v)));
    for (let i = 0; i < w.length; i++) {
      if (!sameNumber(values[i], w[i], c, dtype)) return `element ${i}: ${values[i]}, numpy ${w[i]}`;
    }
    dtype = "";
    return undefined;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return `got ${JSON.stringify(got)}, numpy a list of ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const m = mismatch(got[i], want[i], c);
      if (m !== undefined) return `[${i}] ${m}`;
    }
    return undefined;
  }
  if (isStr(want)) return got === want.S ? undefined : `got\n${String(got)}\nnumpy\n${want.S}`;
  const w = num(want as Num);
  if (typeof w === "boolean") return got === w ? undefined : `got ${String(got)}, numpy ${w}`;
  return typeof got === "number" && sameNumber(got, w, c, "float64") ? undefined : `got ${String(got)}, numpy ${w}`;
}

/** numpy's error classes as np names them. */
const ERROR_CLASS: Record<string, string> = { UFuncTypeError: "TypeError", _UFuncNoLoopError: "TypeError", ZeroDivisionError: "RangeError" };

/** The outcome of one case: undefined when np answers as numpy did, else what differs. */
function check(c: Case): string | undefined {
  let got: unknown;
  try {
    got = run(c);
  } catch (err) {
    const e = err as Error;
    if (c.e === undefined) return `threw ${e.name}: ${e.message}`;
    const want = ERROR_CLASS[c.e] ?? c.e;
    if (e.name !== want || e.message !== c.m) return `threw ${e.name}: ${e.message}; numpy ${c.e}: ${c.m}`;
    return undefined;
  }
  if (c.e !== undefined) return `returned ${String(got)}; numpy raised ${c.e}: ${c.m}`;
  return mismatch(got, c.r as Enc, c);
}

/**
 * The documented differences (README, "Where np differs from numpy"): returns the reason when case
 * `c` is one of them and np's outcome `outcome` is exactly the documented one.
 */
function knownDifference(c: Case, outcome: string): string | undefined {
  const want = c.r;
  // numpy's float16 / int8 / uint64 results: np has no such dtype and answers in float64 / int64
  const narrow = isArr(want) ? { float16: "float64", int8: "int64", uint64: "int64" }[want.A] : undefined;
  if (isArr(want) && narrow !== undefined && outcome === `dtype ${narrow}, numpy ${want.A}`) {
    const got = run(c);
    const values = got instanceof np.NDArray ? Array.from(got.values()) : [Number(got)];
    const close = want.d.every((v, i) => {
      const w = Number(num(v));
      // float16 keeps 11 significant bits: np's float64 value rounds to numpy's
      return Object.is(values[i], w) || (want.A === "float16" && Math.abs(values[i] - w) <= 2 ** -11 * Math.abs(w) + 2 ** -24);
    });
    return close ? `numpy ${want.A}, np ${narrow} with the same values` : undefined;
  }
  // a bool array's item() is a number here (1/0), numpy's a Python bool
  if (c.f === "m:item" && typeof want === "boolean" && outcome === `got ${Number(want)}, numpy ${want}`) return "item() of bool gives 1/0";
  // a[i] with an integer for every axis is a 0-d copy here, numpy's scalar refuses item assignment
  // (or refuses the value as numpy's own array assignment would: "Python integer 300 out of bounds for uint8")
  if (c.f === "write" && c.m?.endsWith("object does not support item assignment") && /^threw (OverflowError|ValueError): (Python integer|cannot convert)/.test(outcome)) {
    return "the 0-d copy refuses the value as numpy's arrays do";
  }
  if (c.f === "write" && c.m?.endsWith("object does not support item assignment") && outcome.startsWith("returned ")) {
    const base = run(c) as np.NDArray;
    return mismatch(base, c.self as Arr, { ...c, f: "copy" }) === undefined ? "a 0-d copy takes the write, the base is unchanged" : undefined;
  }
  return undefined;
}

test(`np answers the ${fixture.cases.length} fuzz cases (seed ${fixture.seed}) as numpy ${fixture.numpy} does`, (t) => {
  const failures: string[] = [];
  let documented = 0;
  fixture.cases.forEach((c, i) => {
    const outcome = check(c);
    if (outcome === undefined) return;
    if (knownDifference(c, outcome) !== undefined) {
      documented++;
      return;
    }
    failures.push(`case ${i} ${c.f}(${JSON.stringify(c.args ?? c.self).slice(0, 160)}${c.kw ? `, ${JSON.stringify(c.kw)}` : ""}${c.ix !== undefined ? ` ix=${c.ix} chain=${JSON.stringify(c.chain)} set=${JSON.stringify(c.set)}` : ""}): ${outcome}`);
  });
  t.log(`${fixture.cases.length - failures.length - documented} identical to numpy, ${documented} documented differences, ${failures.length} failures`);
  t.deepEqual(failures, []);
});
