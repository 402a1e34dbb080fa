/**
 * numpy's reshape rules: the requested shape (one unknown dimension, any negative number, is
 * inferred) and the strides that give the new shape as a view of the same memory, by numpy's
 * `_attempt_nocopy_reshape`. A reshape copies only when no such strides exist, exactly as numpy.
 * @module
 */
import { ValueError, pyTypeName } from "./errors.js";

/** The shape `reshape(req)` asks for, with the unknown dimension filled in. */
export function reshapeDims(req: readonly unknown[], size: number): number[] {
  if (req.length === 1 && typeof req[0] === "number" && !Number.isInteger(req[0])) {
    throw new TypeError(`expected a sequence of integers or a single integer, got '${req[0]}'`);
  }
  const dims = req.map((d) => {
    if (typeof d !== "number" || !Number.isInteger(d)) throw new TypeError(`'${pyTypeName(d)}' object cannot be interpreted as an integer`);
    return d;
  });
  const text = () => shapeText(dims);
  const unknown = dims.findIndex((d) => d < 0);
  if (unknown >= 0) {
    if (dims.findIndex((d, i) => d < 0 && i > unknown) >= 0) throw new ValueError("can only specify one unknown dimension");
    let known = 1;
    dims.forEach((d, i) => {
      if (i !== unknown) known *= d;
    });
    if (known === 0 || size % known !== 0) throw new ValueError(`cannot reshape array of size ${size} into shape ${text()}`);
    const out = dims.slice();
    out[unknown] = size / known;
    return out;
  }
  let n = 1;
  for (const d of dims) n *= d;
  if (n !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${text()}`);
  return dims;
}

/** numpy's shape text in reshape errors: leading unknown dimensions are dropped, later ones print as "newaxis". */
function shapeText(dims: readonly number[]): string {
  const first = dims.findIndex((d) => d >= 0);
  if (first < 0) return "()";
  const rest = dims.slice(first + 1).map((d) => (d < 0 ? ",newaxis" : `,${d}`));
  return `(${dims[first]}${rest.join("")}${dims.length === 1 ? ",)" : ")"}`;
}

/**
 * Strides (in elements) that view memory of `shape`/`stride` as `newShape` in C order, or null
 * when the elements are not laid out so (numpy's `_attempt_nocopy_reshape`; sizes must match).
 */
export function nocopyStrides(shape: readonly number[], stride: readonly number[], newShape: readonly number[]): number[] | null {
  const newStrides = new Array<number>(newShape.length).fill(0);
  let size = 1;
  for (const d of shape) size *= d;
  if (size === 0) {
    // no elements: any strides will do; numpy's are the C strides
    let s = 1;
    for (let i = newShape.length - 1; i >= 0; i--) {
      newStrides[i] = s;
      s *= newShape[i] || 1;
    }
    return newStrides;
  }
  // axes of length 1 have no effect (their strides do not matter)
  const oldDims: number[] = [];
  const oldStrides: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] !== 1) {
      oldDims.push(shape[i]);
      oldStrides.push(stride[i]);
    }
  }
  const newNd = newShape.length;
  const oldNd = oldDims.length;
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newNd && oi < oldNd) {
    let np = newShape[ni];
    let op = oldDims[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= oldDims[oj++];
    }
    // the old axes oi..oj-1 must be contiguous with one another
    for (let ok = oi; ok < oj - 1; ok++) {
      if (oldStrides[ok] !== oldDims[ok + 1] * oldStrides[ok + 1]) return null;
    }
    newStrides[nj - 1] = oldStrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? newStrides[ni - 1] : 1;
  for (let nk = ni; nk < newNd; nk++) newStrides[nk] = last;
  return newStrides;
}
