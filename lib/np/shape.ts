/**
 * Shape manipulation: `reshape`, `ravel`, `transpose`, `squeeze`, `expand_dims`, `broadcast_to`,
 * and the broadcasting rule every elementwise op uses (`broadcastShapes`). Views where numpy
 * returns views.
 * @module
 */
import { ValueError, broadcastError, formatShape, normalizeAxis, pyTypeName } from "./errors.js";
import { checkOptions, toInteger } from "./options.js";
import { type ArrayLike, NDArray, makeView } from "./ndarray.js";
import { asarray } from "./creation.js";

/**
 * numpy's broadcasting rule: shapes are aligned on the right; two dimensions match when they are
 * equal or one of them is 1.
 * @throws ValueError "operands could not be broadcast together with shapes (2,3) (4,)".
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    const off = nd - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else throw broadcastError(...shapes);
    }
  }
  return out;
}

/**
 * The strides that read `a` as if it had the broadcast shape `shape` (0 along broadcast axes).
 * `a`'s shape must broadcast to `shape` (checked by the caller).
 */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const { shape: s, stride } = a.nd;
  const off = shape.length - s.length;
  const out = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < s.length; i++) out[off + i] = s[i] === 1 ? 0 : stride[i];
  return out;
}

/**
 * A read-only view of `a` with the shape `shape`, as numpy's `np.broadcast_to`. The view repeats
 * elements without copying, so it can never be written (numpy marks it read-only too).
 * @param a - the array to broadcast.
 * @param shape - the target shape.
 * @throws ValueError when `a`'s shape does not broadcast to `shape`.
 */
export function broadcast_to(a: ArrayLike, shapeArg: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const shape = (typeof shapeArg === "number" ? [shapeArg] : Array.isArray(shapeArg) ? shapeArg : [shapeArg]).map(toInteger);
  if (shape.some((d) => d < 0)) throw new ValueError("all elements of broadcast shape must be non-negative");
  const s = arr.shape;
  const off = shape.length - s.length;
  const ok = off >= 0 && s.every((d, i) => d === shape[off + i] || d === 1);
  if (!ok) {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(s)}  and requested shape ${formatShape(shape)}`,
    );
  }
  return new NDArray(makeView(arr.nd.data, shape.slice(), broadcastStrides(arr, shape), arr.nd.offset), arr.dtype, false);
}

/**
 * Gives `a` a new shape, as numpy's `np.reshape` (a view when `a` is C-contiguous). One dimension
 * may be -1 and is inferred.
 * @param a - the array.
 * @param shape - the new dimensions (or one number for 1-D).
 * @throws ValueError "cannot reshape array of size 6 into shape (4,2)".
 * @example
 * ```ts
 * np.reshape(np.arange(6), [2, -1]).shape; // [2, 3]
 * ```
 */
export function reshape(a: ArrayLike, shape: number | readonly number[]): NDArray {
  return asarray(a).reshape(typeof shape === "number" ? [shape] : shape);
}

/** The elements as 1-D in C order, as numpy's `np.ravel` (a view when `a` is C-contiguous). */
export function ravel(a: ArrayLike): NDArray {
  return asarray(a).ravel();
}

/**
 * Permutes the axes (a view), as numpy's `np.transpose`; without `axes` reverses them.
 * @param a - the array.
 * @param axes - a permutation of 0..ndim-1 (negative values count from the end).
 */
export function transpose(a: ArrayLike, axes?: readonly number[] | null): NDArray {
  const arr = asarray(a);
  if (axes === undefined || axes === null) return arr.transpose();
  if (!Array.isArray(axes)) throw new TypeError(`transpose(): axes must be a list of integers, got ${pyTypeName(axes)}`);
  // an empty list is a permutation only of a 0-d array's axes
  if (axes.length === 0 && arr.ndim > 0) throw new ValueError("axes don't match array");
  return arr.transpose(...axes);
}

/**
 * Removes axes of length 1 (a view), as numpy's `np.squeeze`.
 * @param a - the array.
 * @param options - `{ axis }`: only these axes (each must have length 1).
 * @throws ValueError "cannot select an axis to squeeze out which has size not equal to one".
 */
export function squeeze(a: ArrayLike, options: { axis?: number | readonly number[] | null } = {}): NDArray {
  checkOptions("squeeze", options, ["axis"]);
  const arr = asarray(a);
  // numpy lets a 0-d array be squeezed along axis 0 or -1
  if (arr.ndim === 0 && (options.axis === 0 || options.axis === -1)) return arr;
  const { shape, stride } = arr.nd;
  let drop: Set<number>;
  if (options.axis === undefined || options.axis === null) {
    drop = new Set(shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  } else {
    const axes = typeof options.axis === "number" ? [options.axis] : Array.isArray(options.axis) ? options.axis : [options.axis];
    drop = new Set(axes.map((ax) => normalizeAxis(ax, shape.length)));
    if (drop.size !== axes.length) throw new ValueError("duplicate value in 'axis'");
    for (const ax of drop) {
      if (shape[ax] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
    }
  }
  const keep = shape.map((_, i) => i).filter((i) => !drop.has(i));
  return new NDArray(makeView(arr.nd.data, keep.map((i) => shape[i]), keep.map((i) => stride[i]), arr.nd.offset), arr.dtype, arr.writeable);
}

/**
 * Inserts axes of length 1 (a view), as numpy's `np.expand_dims`.
 * @param a - the array.
 * @param axis - where the new axis (or axes) stand in the result.
 * @throws AxisError when an axis is out of range for the result's dimensions.
 * @example
 * ```ts
 * np.expand_dims(np.zeros(3), 0).shape; // [1, 3]
 * ```
 */
export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const axes = typeof axis === "number" ? [axis] : axis;
  const nd = arr.ndim + axes.length;
  const positions = axes.map((ax) => normalizeAxis(ax, nd));
  if (new Set(positions).size !== positions.length) throw new ValueError("repeated axis");
  const shape: number[] = [];
  const stride: number[] = [];
  let k = 0;
  for (let i = 0; i < nd; i++) {
    if (positions.includes(i)) {
      shape.push(1);
      stride.push(0);
    } else {
      shape.push(arr.nd.shape[k]);
      stride.push(arr.nd.stride[k]);
      k++;
    }
  }
  return new NDArray(makeView(arr.nd.data, shape, stride, arr.nd.offset), arr.dtype, arr.writeable);
}

