/**
 * Replays every case of test/fixtures/np_ops.json (numpy's answers, made by
 * scripts/fixtures/np_ops.py) through `np`: values exactly, or within the case's stated tolerance
 * (ulps for transcendental functions and pow, a relative bound for float matrix products whose
 * summation order is BLAS's); shapes and dtypes exactly; errors by type and message.
 */
import test from "ava";
import { np } from "../lib/index.js";
import { decodeFloat as num, ulps } from "./support/floats.js";
import { loadFixture } from "./support/fixtures.js";

type Enc =
  | { values: (number | string)[]; shape: number[]; dtype: string }
  | { int: number }
  | { float: number | string }
  | { bool: boolean }
  | { list: Enc[] }
  | { ints: number[] }
  | { nested: np.NestedArray }
  | { scalar: number | string | boolean; dtype: string }
  | string
  | null;

interface Case {
  call: string;
  args: Enc[];
  kwargs: Record<string, unknown>;
  tol?: { ulp?: number; rel?: number };
  out?: Enc;
  error?: { type: string; message: string };
}

const fixture = loadFixture<{ numpy: string; cases: Case[] }>("np_ops");

/** Decodes an argument: arrays become NDArrays, Python scalars JavaScript numbers/booleans. */
function decode(e: Enc): unknown {
  if (e === null || typeof e === "string") return e;
  if ("values" in e) return np.array(e.values.map(num), e.dtype as np.DType).reshape(e.shape);
  if ("int" in e) return e.int;
  if ("float" in e) return num(e.float);
  if ("bool" in e) return e.bool;
  if ("list" in e) return e.list.map(decode);
  if ("ints" in e) return e.ints;
  if ("nested" in e) return e.nested;
  throw new Error(`cannot decode ${JSON.stringify(e)}`);
}

type Fn = (args: unknown[], kw: Record<string, unknown>) => unknown;
const A = (x: unknown) => x as np.NDArray;
const binary = (f: (a: np.ArrayLike, b: np.ArrayLike) => np.NDArray): Fn => (a) => f(a[0] as np.ArrayLike, a[1] as np.ArrayLike);
const unary = (f: (a: np.ArrayLike) => np.NDArray): Fn => (a) => f(a[0] as np.ArrayLike);
const reduction = (f: (a: np.ArrayLike, o: np.ReduceOptions) => number | np.NDArray): Fn => (a, kw) =>
  f(A(a[0]), kw as np.ReduceOptions);

/** How each fixture call is made with `np` (numpy's keyword arguments become an options object). */
const CALLS: Record<string, Fn> = {
  add: binary(np.add), subtract: binary(np.subtract), multiply: binary(np.multiply), divide: binary(np.divide),
  power: binary(np.power), maximum: binary(np.maximum), minimum: binary(np.minimum),
  greater: binary(np.greater), greater_equal: binary(np.greater_equal), less: binary(np.less),
  less_equal: binary(np.less_equal), equal: binary(np.equal), not_equal: binary(np.not_equal),
  where: (a) => np.where(a[0] as np.ArrayLike, a[1] as np.ArrayLike, a[2] as np.ArrayLike),
  negative: unary(np.negative), abs: unary(np.abs), sign: unary(np.sign), square: unary(np.square),
  tanh: unary(np.tanh), exp: unary(np.exp), log: unary(np.log), log1p: unary(np.log1p), sqrt: unary(np.sqrt),
  sin: unary(np.sin), cos: unary(np.cos),
  sum: reduction(np.sum), mean: reduction(np.mean), max: reduction(np.max), min: reduction(np.min),
  prod: reduction(np.prod), argmax: reduction(np.argmax as never), argmin: reduction(np.argmin as never),
  dot: binary(np.dot), matmul: binary(np.matmul),
  arange: (a) => np.arange(...(a as [number, number?, number?])),
  linspace: (a, kw) => np.linspace(a[0] as number, a[1] as number, a[2] as number, kw as np.LinspaceOptions),
  zeros: (a, kw) => np.zeros(a[0] as number[], kw.dtype as np.DType),
  ones: (a, kw) => np.ones(a[0] as number[], kw.dtype as np.DType),
  full: (a, kw) => np.full(a[0] as number[], a[1] as number, kw.dtype as np.DType),
  zeros_like: unary(np.zeros_like), ones_like: unary(np.ones_like),
  meshgrid: (a, kw) => np.meshgrid(A(a[0]), A(a[1]), kw as np.MeshgridOptions),
  array: (a) => np.array(a[0] as np.NestedArray, a[1] as np.DType | undefined),
  astype: (a) => A(a[0]).astype(a[1] as np.DType),
  c_: (a) => np.c_(...(a as np.NDArray[])),
  concatenate: (a, kw) => np.concatenate(a[0] as np.NDArray[], kw as { axis?: number | null }),
  stack: (a, kw) => np.stack(a[0] as np.NDArray[], kw as { axis?: number }),
  column_stack: (a) => np.column_stack(a[0] as np.NDArray[]),
  // views (the fixture's arguments arrive C-ordered; these take the view numpy's case takes)
  c_columns: (a) => np.c_(A(a[0]).slice(":, 0"), A(a[0]).slice(":, 2")),
  c_reversed: (a) => np.c_(A(a[0]).slice("::-1"), A(a[1])),
  concatenate_T: (a, kw) => np.concatenate((a[0] as np.NDArray[]).map((x) => x.T), kw as { axis?: number }),
  concatenate_swap: (a, kw) => np.concatenate((a[0] as np.NDArray[]).map((x) => np.transpose(x, [0, 2, 1])), kw as { axis?: number }),
  stack_strided: (a, kw) => np.stack([A((a[0] as unknown[])[0]).slice("::-1"), A((a[0] as unknown[])[1]).slice("::2")], kw as { axis?: number }),
  ravel_T: (a) => np.ravel(A(a[0]).T),
  reshape: (a) => np.reshape(A(a[0]), a[1] as number[]),
  transpose: (a) => np.transpose(A(a[0]), a[1] as number[] | undefined),
  ravel: unary(np.ravel),
  squeeze: (a, kw) => np.squeeze(A(a[0]), kw as { axis?: number }),
  expand_dims: (a) => np.expand_dims(A(a[0]), a[1] as number),
  broadcast_to: (a) => np.broadcast_to(A(a[0]), a[1] as number[]),
  slice: (a) => A(a[0]).slice(a[1] as string),
  tolist: (a) => np.tolist(A(a[0])),
};

function describe(c: Case): string {
  const args = JSON.stringify(c.args.map((a) => (a !== null && typeof a === "object" && "shape" in a ? `${a.dtype}${JSON.stringify(a.shape)}` : a)));
  return `np.${c.call}(${args.slice(1, -1)}${Object.keys(c.kwargs).length ? `, ${JSON.stringify(c.kwargs)}` : ""})`;
}

/** Compares one result with numpy's, returning a failure description or null. */
function compare(got: unknown, want: Enc, tol: Case["tol"]): string | null {
  if (want !== null && typeof want === "object" && "list" in want) {
    if (!Array.isArray(got) || got.length !== want.list.length) return `expected a list of ${want.list.length}`;
    for (let i = 0; i < got.length; i++) {
      const r = compare(got[i], want.list[i], tol);
      if (r) return `[${i}] ${r}`;
    }
    return null;
  }
  if (want !== null && typeof want === "object" && "scalar" in want) {
    // numpy scalar: np gives a JavaScript number, or a 0-d array (e.g. a[0, 0, 0], np.dot of vectors)
    const value = got instanceof np.NDArray ? (got.ndim === 0 ? got.item() : NaN) : (got as number);
    if (got instanceof np.NDArray && got.dtype !== want.dtype) return `dtype ${got.dtype} != ${want.dtype}`;
    return checkValues([Number(value)], [typeof want.scalar === "boolean" ? Number(want.scalar) : num(want.scalar)], want.dtype, tol);
  }
  if (want === null || typeof want !== "object" || !("values" in want)) return `unexpected fixture ${JSON.stringify(want)}`;
  if (Array.isArray(got)) {
    // np.tolist: compare the nested structure with the values
    const flat = (got as unknown[]).flat(Infinity) as number[];
    return checkValues(flat, want.values.map(num), want.dtype, tol);
  }
  if (!(got instanceof np.NDArray)) return `expected an NDArray, got ${String(got)}`;
  if (JSON.stringify(got.shape) !== JSON.stringify(want.shape)) return `shape ${JSON.stringify(got.shape)} != ${JSON.stringify(want.shape)}`;
  if (got.dtype !== want.dtype) return `dtype ${got.dtype} != ${want.dtype}`;
  return checkValues(Array.from(got.values()), want.values.map(num), want.dtype, tol);
}

function checkValues(got: number[], want: number[], dtype: string, tol: Case["tol"]): string | null {
  if (got.length !== want.length) return `length ${got.length} != ${want.length}`;
  const scale = tol?.rel ? Math.max(...want.map((w) => (Number.isFinite(w) ? Math.abs(w) : 0)), 1e-300) : 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i];
    const w = want[i];
    if (Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w)) || (g === 0 && w === 0)) continue;
    if (tol?.ulp !== undefined && ulps(g, w, dtype) <= tol.ulp) continue;
    if (tol?.rel !== undefined && Math.abs(g - w) <= tol.rel * scale) continue;
    return `element ${i}: ${g} != numpy's ${w}${tol ? ` (${JSON.stringify(tol)})` : ""}`;
  }
  return null;
}

/** numpy's exception types as np raises them (Python's ZeroDivisionError is a RangeError here). */
const ERROR_NAMES: Record<string, string[]> = {
  ValueError: ["ValueError"],
  AxisError: ["AxisError"],
  IndexError: ["IndexError"],
  TypeError: ["TypeError"],
  OverflowError: ["OverflowError"],
  ZeroDivisionError: ["RangeError"],
};

/**
 * Where np differs from numpy on purpose, for dtypes np does not have: bool ** bool is int8 in
 * numpy, the sum or product of unsigned integers uint64; np gives int64 with the same values.
 */
function knownDifference(c: Case): string | null {
  const dt = c.out && typeof c.out === "object" && "dtype" in c.out ? c.out.dtype : null;
  if (c.call === "power" && dt === "int8") return "int64";
  if ((c.call === "sum" || c.call === "prod") && dt === "uint64") return "int64";
  return null;
}

const byCall = new Map<string, Case[]>();
for (const c of fixture.cases) byCall.set(c.call, [...(byCall.get(c.call) ?? []), c]);

for (const [call, cases] of byCall) {
  test(`np.${call} matches numpy ${fixture.numpy} on ${cases.length} fixture cases`, (t) => {
    const fn = CALLS[call];
    t.truthy(fn, `no dispatcher for ${call}`);
    for (const c of cases) {
      const what = describe(c);
      const args = c.args.map(decode);
      if (c.error) {
        const err = t.throws(() => fn(args, c.kwargs), undefined, what);
        t.is(err?.message, c.error.message, `${what}: message`);
        t.true(ERROR_NAMES[c.error.type]?.includes(err?.name ?? ""), `${what}: ${err?.name} for numpy's ${c.error.type}`);
        continue;
      }
      const got = fn(args, c.kwargs);
      const dt = knownDifference(c);
      if (dt !== null) {
        const g = got as np.NDArray;
        if (g instanceof np.NDArray) t.is(g.dtype as string, dt, `${what}: np's documented dtype`);
        const want = c.out as { values?: number[]; scalar?: number };
        t.deepEqual(g instanceof np.NDArray ? Array.from(g.values()) : [got], want.values ?? [want.scalar], `${what}: values`);
        continue;
      }
      const failure = compare(got, c.out as Enc, c.tol);
      t.is(failure, null, what);
    }
  });
}
