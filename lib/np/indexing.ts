/**
 * numpy's basic indexing as views: integers, slices (`start:stop:step`), `:` and `...`.
 * `a.slice(0, null)` is numpy's `a[0, :]`; `a.slice("0, :")` is the same in numpy's own syntax.
 * @module
 */
import { IndexError, ValueError, indexError } from "./errors.js";
import { NDArray, makeView } from "./ndarray.js";

/**
 * One index: an integer (picks one position and drops the axis), `null` (numpy's `:`, the whole
 * axis), `[start, stop, step?]` (numpy's `start:stop:step`, `null` for a default), or `"..."`
 * (numpy's Ellipsis: as many `:` as needed).
 */
export type Index = number | null | "..." | readonly [(number | null)?, (number | null)?, (number | null)?];

/** Parses numpy's index syntax ("0, :", "1:3, ::-1", "..., 0") into `Index` items. */
export function parseIndex(text: string): Index[] {
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const p = part.trim();
    if (p === "...") return "...";
    const num = (s: string): number | null => {
      const t = s.trim();
      if (t === "") return null;
      if (!/^[+-]?\d+$/.test(t)) throw new IndexError(`invalid index '${t}' in "${text}": only integers, slices (\`:\`) and ellipsis (\`...\`) are valid indices`);
      return Number(t);
    };
    const parts = p.split(":");
    if (parts.length === 1) {
      const n = num(parts[0]);
      if (n === null) throw new IndexError(`empty index in "${text}"`);
      return n;
    }
    if (parts.length > 3) throw new IndexError(`invalid slice '${p}' in "${text}"`);
    return [num(parts[0]), num(parts[1]), parts.length === 3 ? num(parts[2]) : null] as const;
  });
}

/** Python's `slice.indices`: the start, step and length of start:stop:step on an axis of size n. */
export function sliceIndices(n: number, start: number | null | undefined, stop: number | null | undefined, step: number | null | undefined): [number, number, number] {
  const st = step ?? 1;
  if (!Number.isInteger(st)) throw new IndexError(`slice indices must be integers or None, got step ${st}`);
  if (st === 0) throw new ValueError("slice step cannot be zero");
  for (const v of [start, stop]) {
    if (v !== null && v !== undefined && !Number.isInteger(v)) throw new IndexError(`slice indices must be integers or None, got ${v}`);
  }
  let b: number;
  let e: number;
  if (st > 0) {
    b = start == null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    e = stop == null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
  } else {
    b = start == null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    e = stop == null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
  }
  const len = st > 0 ? Math.max(0, Math.ceil((e - b) / st)) : Math.max(0, Math.ceil((b - e) / -st));
  return [b, st, len];
}

/**
 * The view `a[index...]` for numpy's basic indexing. Keeps `a`'s writeability. An integer for
 * every axis (no "...") gives a 0-d copy, as numpy gives a scalar; `a[i, ...]` stays a 0-d view.
 */
export function basicIndex(a: NDArray, index: readonly Index[]): NDArray {
  const { shape, stride } = a.nd;
  const ellipses = index.filter((x) => x === "...").length;
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const consumed = index.length - ellipses;
  if (consumed > shape.length) {
    throw new IndexError(`too many indices for array: array is ${shape.length}-dimensional, but ${consumed} were indexed`);
  }
  const full: Index[] = [];
  for (const x of index) {
    if (x === "...") for (let k = 0; k < shape.length - consumed; k++) full.push(null);
    else full.push(x);
  }
  while (full.length < shape.length) full.push(null);
  let offset = a.nd.offset;
  const outShape: number[] = [];
  const outStride: number[] = [];
  full.forEach((x, d) => {
    const n = shape[d];
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new IndexError(`only integers, slices (\`:\`), ellipsis (\`...\`) are valid indices, got ${x}`);
      if (x < -n || x >= n) throw indexError(x, d, n);
      offset += (x < 0 ? x + n : x) * stride[d];
    } else if (x === null) {
      outShape.push(n);
      outStride.push(stride[d]);
    } else if (Array.isArray(x)) {
      const [b, st, len] = sliceIndices(n, x[0], x[1], x[2]);
      if (len > 0) offset += b * stride[d];
      outShape.push(len);
      outStride.push(stride[d] * st);
    } else {
      throw new IndexError(`only integers, slices (\`:\`), ellipsis (\`...\`) are valid indices, got ${String(x)}`);
    }
  });
  const view = new NDArray(makeView(a.nd.data, outShape, outStride, offset), a.dtype, a.writeable);
  // an integer for every axis picks one element: numpy gives a scalar (a copy), not a view
  return outShape.length === 0 && ellipses === 0 ? view.copy() : view;
}
