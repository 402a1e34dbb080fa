/**
 * makeView builds the view scijs's public constructor `ndarray(data, shape, stride, offset)` builds
 * (same class, fields and elements) for every storage type and number of dimensions, and takes
 * its fast positional path only where a check shows it builds the same view.
 */
import test, { type ExecutionContext } from "ava";
import ndarray from "ndarray";
import type { TypedArray } from "../lib/np/dtype.js";
import { type NdView, makeCView, makeView, positionalViewClass } from "../lib/np/ndarray.js";

const STORAGE: (new (n: number) => TypedArray)[] = [Float64Array, Float32Array, Int32Array, Uint8Array];

/** The fields that make a scijs view, and its elements read through its own `get` (the class is compared by `same`). */
function describe(v: NdView): unknown {
  const elements: number[] = [];
  const idx = new Array<number>(v.shape.length).fill(0);
  const size = v.shape.reduce((a, b) => a * b, 1);
  for (let k = 0; k < size; k++) {
    elements.push(v.get(...idx));
    for (let d = idx.length - 1; d >= 0 && ++idx[d] === v.shape[d]; d--) idx[d] = 0;
  }
  return { data: v.data, shape: v.shape, stride: v.stride, offset: v.offset, keys: Object.keys(v).sort(), elements };
}

function same(t: ExecutionContext, view: NdView, expected: NdView): void {
  t.is(Object.getPrototypeOf(view), Object.getPrototypeOf(expected));
  t.deepEqual(describe(view), describe(expected));
}

test("makeView and makeCView give the public constructor's view for every storage type, 0-5 dimensions, any strides and offset", (t) => {
  let cases = 0;
  for (const Storage of STORAGE) {
    const data = new Storage(720).map((_, i) => i % 251);
    for (let d = 0; d <= 5; d++) {
      for (let trial = 0; trial < 3; trial++) {
        const shape = Array.from({ length: d }, (_, i) => 1 + ((i + trial) % 3));
        // C order, reversed axes, and a strided view with a negative step and an offset
        const c = ndarray(data, shape).stride;
        const strides = [c, [...c].reverse(), c.map((s, i) => (i === 0 ? -2 * s : 2 * s))];
        for (const stride of strides) {
          const offset = stride.reduce((o, s, i) => o + (s < 0 ? -s * (shape[i] - 1) : 0), trial);
          // twice: the first view of a kind comes from the public constructor, the next by position
          for (let again = 0; again < 2; again++) {
            same(t, makeView(data, shape, stride, offset), ndarray(data, shape.slice(), stride.slice(), offset));
            cases++;
          }
        }
        same(t, makeCView(data, shape), ndarray(data, shape.slice()));
      }
    }
  }
  t.true(cases > 400, `${cases} views compared`);
});

test("positionalViewClass accepts scijs's view classes and refuses a class that builds another view by position", (t) => {
  for (const Storage of STORAGE) {
    for (let d = 0; d <= 4; d++) {
      const view = ndarray(new Storage(64), Array<number>(d).fill(2));
      t.is<unknown, unknown>(positionalViewClass(view), view.constructor, `${Storage.name} ${d}-D`);
    }
  }
  // a view class whose constructor reads its arguments in another order (offset first)
  class OtherOrder {
    data: TypedArray;
    shape: number[];
    stride: number[];
    offset: number;
    constructor(data: TypedArray, offset: number, ...rest: number[]) {
      this.data = data;
      this.offset = offset;
      this.shape = rest.slice(0, rest.length / 2);
      this.stride = rest.slice(rest.length / 2);
    }
  }
  const fake = new OtherOrder(new Float64Array(8), 1, 2, 2, 2, 1) as unknown as NdView;
  t.is(positionalViewClass(fake), null);
  class Throws {
    data = new Float64Array(1);
    shape = [1];
    stride = [1];
    offset = 0;
    constructor(data?: unknown) {
      if (data !== undefined) throw new Error("no");
    }
  }
  t.is(positionalViewClass(new Throws() as unknown as NdView), null);
});
