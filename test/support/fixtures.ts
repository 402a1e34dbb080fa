/**
 * Test support: the committed fixtures (test/fixtures/*.json, written by scripts/fixtures/*.py with numpy,
 * scikit-learn and matplotlib) and NDArrays built from their nested lists with `np.array`.
 * @module
 */
import { readFileSync } from "node:fs";
import { np } from "../../lib/index.js";
import type { Parameters } from "../../lib/lesson/network.js";

/**
 * Reads test/fixtures/NAME.json.
 *
 * @param name - the fixture's name without ".json": "lesson", "np_ops", "random", "print", "plot", ...
 * @returns the parsed JSON, typed as the caller says
 */
export function loadFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), "utf8")) as T;
}

/** test/fixtures/lesson.json (scripts/fixtures/lesson.py): the lesson with numpy and scikit-learn. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const lessonFixture: any = loadFixture("lesson");

/** A nested list as JSON holds it. */
export type Nested = number | boolean | Nested[];

/**
 * A nested JSON list as an NDArray, by `np.array` (float64 unless told).
 *
 * @param nested - the list, e.g. `fx.X`
 * @param dtype - the dtype (default "float64")
 * @returns the array
 */
export function arr(nested: Nested, dtype: np.DType = "float64"): np.NDArray {
  return np.array(nested as np.NestedArray, dtype);
}

/**
 * The lesson's parameters `{ W1, b1, W2, b2 }` from a fixture's nested lists.
 *
 * @param p - the fixture's parameters
 * @returns float64 NDArrays
 */
export function parameters(p: Record<"W1" | "b1" | "W2" | "b2", Nested>): Parameters {
  return { W1: arr(p.W1), b1: arr(p.b1), W2: arr(p.W2), b2: arr(p.b2) };
}

/** The numbers of a nested JSON list, in C order. */
export function flatten(nested: Nested): number[] {
  const out: number[] = [];
  const walk = (v: Nested) => (Array.isArray(v) ? v.forEach(walk) : out.push(Number(v)));
  walk(nested);
  return out;
}

/**
 * The largest absolute difference between an NDArray (or numbers) and a nested JSON list;
 * Infinity when their sizes differ.
 *
 * @param a - the values computed
 * @param expected - the fixture's values
 * @returns max |a − expected|
 */
export function maxDiff(a: np.NDArray | ArrayLike<number>, expected: Nested): number {
  const got = a instanceof np.NDArray ? a.values() : a;
  const exp = flatten(expected);
  if (got.length !== exp.length) return Infinity;
  let d = 0;
  for (let i = 0; i < exp.length; i++) d = Math.max(d, Math.abs(got[i] - Number(exp[i])));
  return d;
}
