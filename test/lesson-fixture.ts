/** Loads test/fixtures/lesson.json (made by scripts/fixtures/lesson.py with numpy and scikit-learn). */
import { readFileSync } from "node:fs";
import { NDArray } from "../lib/np/ndarray.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fx: any = JSON.parse(readFileSync(new URL("./fixtures/lesson.json", import.meta.url), "utf8"));

type Nested = number | boolean | Nested[];

/** A nested JSON array as an NDArray (float64 unless told). */
export function arr(nested: Nested, dtype: NDArray["dtype"] = "float64"): NDArray {
  const shape: number[] = [];
  let cur: Nested = nested;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  const flat = flatten(nested);
  const out = NDArray.empty(shape, dtype);
  const v = out.values();
  flat.forEach((x, i) => (v[i] = Number(x)));
  return out;
}

/** Largest absolute difference between an NDArray (or numbers) and a nested JSON array. */
export function maxDiff(a: NDArray | ArrayLike<number>, expected: Nested): number {
  const got = a instanceof NDArray ? a.values() : a;
  const exp = flatten(expected);
  if (got.length !== exp.length) return Infinity;
  let d = 0;
  for (let i = 0; i < exp.length; i++) d = Math.max(d, Math.abs(got[i] - Number(exp[i])));
  return d;
}

/** The numbers of a nested JSON array, in C order. */
export function flatten(nested: Nested): number[] {
  const out: number[] = [];
  const walk = (v: Nested) => (Array.isArray(v) ? v.forEach(walk) : out.push(Number(v)));
  walk(nested);
  return out;
}
