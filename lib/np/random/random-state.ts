/**
 * numpy's legacy `RandomState`: MT19937 words turned into uniform doubles, bounded integers,
 * normal variates (the polar method) and permutations exactly the way numpy 2.x does it, so a
 * seeded stream here is numpy's stream.
 * @module
 */
import { type DType, allocate } from "../dtype.js";
import { formatShape, IndexError, OverflowError, ValueError } from "../errors.js";
import { NDArray, shapeSize } from "../ndarray.js";
import { checkSize, toInteger, toShape } from "../options.js";
import { log } from "./log.js";
import { MT19937 } from "./mt19937.js";

/** The largest seed numpy's legacy seeding accepts, 2**32 - 1. */
export const MAX_SEED = 0xffffffff;
/** 2**32, the number of distinct 32-bit words. */
const TWO_POW_32 = 4294967296;
/** int64 values live in float64 storage here, so bounds must stay within ±2**53. */
const MAX_SAFE_INT = Number.MAX_SAFE_INTEGER;

/** numpy's `size` argument: a length, or a shape. Omitted: one value, returned as a JS number. */
export type Size = number | readonly number[];

/** Throws numpy's seed error unless `seed` is an integer in [0, 2**32 - 1]. */
function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new ValueError("Seed must be between 0 and 2**32 - 1");
  }
  return seed;
}

/** A seed from the operating system's entropy, as numpy's `seed(None)`. */
function entropySeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

/** The shape a `size` argument stands for. */
function sizeToShape(size: Size, dtype: DType): number[] {
  const shape = toShape(typeof size === "number" ? [toInteger(size)] : size);
  checkSize(shape, dtype);
  return shape;
}

/** The smallest 2**k - 1 that is >= n (n < 2**53). */
function bitMask(n: number): number {
  let mask = 1;
  while (mask < n) mask = mask * 2 + 1;
  return mask;
}

/**
 * A seeded random number generator with numpy's legacy `RandomState` streams.
 *
 * @param seed - an integer in [0, 2**32 - 1]; omitted, a seed from the operating system.
 * @throws ValueError "Seed must be between 0 and 2**32 - 1" for any other seed.
 * @example
 * const rng = new np.random.RandomState(1);
 * rng.randn(2, 2); // array([[ 1.62434536, -0.61175641], [-0.52817175, -1.07296862]])
 */
export class RandomState {
  private readonly mt: MT19937;
  private hasGauss = false;
  private gaussCache = 0;

  constructor(seed?: number) {
    this.mt = new MT19937(seed === undefined ? entropySeed() : checkSeed(seed));
  }

  /**
   * Re-seeds the generator (MT19937's `init_genrand`) and forgets the cached normal value.
   *
   * @param seed - an integer in [0, 2**32 - 1]; omitted, a seed from the operating system.
   * @throws ValueError "Seed must be between 0 and 2**32 - 1".
   */
  seed(seed?: number): void {
    this.mt.seed(seed === undefined ? entropySeed() : checkSeed(seed));
    this.hasGauss = false;
    this.gaussCache = 0;
  }

  /** One double in [0, 1) from two 32-bit words, numpy's `random_sample()` scalar. */
  private nextDouble(): number {
    return this.mt.nextDouble();
  }

  /**
   * One standard normal value by the legacy polar method: draw (x1, x2) uniform in the unit
   * disc, f = sqrt(-2 log(r2) / r2), return f*x2 and keep f*x1 for the next call.
   */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gaussCache;
      this.gaussCache = 0;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * log(r2)) / r2);
    this.gaussCache = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * A uniform integer in [0, max] by numpy's masked rejection sampling: draw words, keep the
   * low bits under the smallest all-ones mask >= max, retry while above max. One 32-bit word
   * per try when max < 2**32, two (high word first) otherwise.
   */
  private nextBounded(max: number): number {
    if (max === 0) return 0;
    if (max === MAX_SEED) return this.mt.nextUint32();
    const mask = bitMask(max);
    if (max < TWO_POW_32) {
      let v: number;
      do v = (this.mt.nextUint32() & mask) >>> 0;
      while (v > max);
      return v;
    }
    const maskHi = Math.floor(mask / TWO_POW_32);
    let v: number;
    do {
      const hi = this.mt.nextUint32() & maskHi;
      v = hi * TWO_POW_32 + this.mt.nextUint32();
    } while (v > max);
    return v;
  }

  /** `count` values from `draw`, as a JS number (no size) or an array of shape `size`. */
  private fill(size: Size | undefined, dtype: DType, draw: () => number): number | NDArray {
    if (size === undefined) return draw();
    const shape = sizeToShape(size, dtype);
    const data = allocate(dtype, shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = draw();
    return NDArray.fromData(data, shape, dtype);
  }

  /**
   * Uniform samples in [0, 1), numpy's `random_sample(size)` (also `random`).
   *
   * @param size - a length or shape; omitted, one value.
   * @returns a JS number without `size`, else a float64 NDArray of that shape.
   */
  random_sample(): number;
  random_sample(size: Size): NDArray;
  random_sample(size?: Size): number | NDArray {
    return this.fill(size, "float64", () => this.nextDouble());
  }

  /** The same as {@link RandomState.random_sample}, numpy's `random(size)`. */
  random(): number;
  random(size: Size): NDArray;
  random(size?: Size): number | NDArray {
    return this.fill(size, "float64", () => this.nextDouble());
  }

  /**
   * Uniform samples in [0, 1) of the given dimensions, numpy's `rand(d0, d1, ...)`.
   *
   * @param shape - the dimensions; none gives one value.
   * @returns a JS number for `rand()`, else a float64 NDArray of shape `(d0, d1, ...)`.
   * @example rs.rand(2, 3) // shape (2, 3)
   */
  rand(): number;
  rand(...shape: number[]): NDArray;
  rand(...shape: number[]): number | NDArray {
    return this.fill(shape.length === 0 ? undefined : shape, "float64", () => this.nextDouble());
  }

  /**
   * Standard normal samples of the given dimensions, numpy's `randn(d0, d1, ...)`.
   *
   * @param shape - the dimensions; none gives one value.
   * @returns a JS number for `randn()`, else a float64 NDArray of shape `(d0, d1, ...)`.
   * @example np.random.seed(1); np.random.randn(2, 2) // array([[ 1.62434536, -0.61175641], ...
   */
  randn(): number;
  randn(...shape: number[]): NDArray;
  randn(...shape: number[]): number | NDArray {
    return this.fill(shape.length === 0 ? undefined : shape, "float64", () => this.nextGauss());
  }

  /**
   * Normal samples with mean `loc` and standard deviation `scale`: loc + scale * gauss.
   *
   * @param loc - the mean (default 0).
   * @param scale - the standard deviation (default 1), >= 0.
   * @param size - a length or shape; omitted, one value.
   * @returns a JS number without `size`, else a float64 NDArray of that shape.
   * @throws ValueError "scale < 0".
   * @example rs.normal(0, 1, [4, 2]) // the lesson's W1 draw
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    if (scale < 0) throw new ValueError("scale < 0");
    return this.fill(size, "float64", () => loc + scale * this.nextGauss());
  }

  /**
   * Uniform samples in [low, high): low + (high - low) * random_sample().
   *
   * @param low - the lower bound (default 0).
   * @param high - the upper bound (default 1).
   * @param size - a length or shape; omitted, one value.
   * @returns a JS number without `size`, else a float64 NDArray of that shape.
   * @throws OverflowError "Range exceeds valid bounds" when high - low is not finite.
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
    return this.fill(size, "float64", () => low + range * this.nextDouble());
  }

  /**
   * Uniform integers in [low, high) (in [0, low) when `high` is omitted), numpy's legacy
   * `randint` with its masked rejection sampling, as int64.
   *
   * @param low - the lowest value (or the exclusive upper bound when `high` is omitted).
   * @param high - one above the highest value.
   * @param size - a length or shape; omitted, one value.
   * @returns a JS number without `size`, else an int64 NDArray of that shape.
   * @throws ValueError "low >= high" (or "high <= 0" for one bound); TypeError for non-integers.
   * @example rs.randint(0, 10, 5) // five digits
   */
  randint(low: number, high?: number | null): number;
  randint(low: number, high: number | null | undefined, size: Size): NDArray;
  randint(low: number, high?: number | null, size?: Size): number | NDArray {
    if (high === undefined || high === null) {
      if (!(low > 0)) {
        if (!Number.isInteger(low)) throw new TypeError(`randint: bounds must be integers, got ${low}`);
        throw new ValueError("high <= 0");
      }
      [low, high] = [0, low];
    }
    for (const b of [low, high]) {
      if (!Number.isInteger(b)) throw new TypeError(`randint: bounds must be integers, got ${b}`);
      if (Math.abs(b) > MAX_SAFE_INT) {
        throw new OverflowError(`randint: bound ${b} is outside ±2**53 (int64 values are stored as float64 here)`);
      }
    }
    if (low >= high) throw new ValueError("low >= high");
    const max = high - 1 - low;
    if (max > MAX_SAFE_INT) throw new OverflowError(`randint: range ${high - low} exceeds 2**53`);
    const lo = low;
    return this.fill(size, "int64", () => lo + this.nextBounded(max));
  }

  /**
   * Shuffles an array in place along its first axis (numpy's Fisher–Yates: for i from n-1 down
   * to 1, swap row i with a uniform row j in [0, i]).
   *
   * @param x - a writable NDArray with at least one dimension.
   * @throws IndexError for a 0-d array; ValueError for a read-only view.
   */
  shuffle(x: NDArray): void {
    if (x.ndim === 0) throw new IndexError("shuffle: a 0-d array has no axis to shuffle (len() of unsized object)");
    if (!x.writeable) throw new ValueError("assignment destination is read-only");
    const n = x.shape[0];
    if (x.size === 0) return;
    const data = x.nd.data;
    const rowStride = x.strides[0];
    // The storage offsets of row 0's elements, in C order; row i is these plus i * rowStride.
    const rowOffsets: number[] = [];
    if (x.ndim === 1) rowOffsets.push(x.nd.offset);
    else {
      const row = new NDArray(x.nd.pick(0), x.dtype, x.writeable);
      row.forEachOffset((o) => rowOffsets.push(o));
    }
    for (let i = n - 1; i >= 1; i--) {
      const j = this.nextBounded(i);
      if (j === i) continue;
      for (const o of rowOffsets) {
        const a = o + i * rowStride;
        const b = o + j * rowStride;
        const t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }

  /**
   * A shuffled copy: `permutation(n)` permutes `arange(n)` (int64); `permutation(arr)` permutes
   * a copy of `arr` along its first axis. The input is never changed.
   *
   * @param x - a length n >= 0, or an NDArray with at least one dimension.
   * @throws IndexError "x must be an integer or at least 1-dimensional".
   * @example rs.permutation(5) // e.g. array([2, 0, 1, 3, 4]) for seed 0
   */
  permutation(x: number | NDArray): NDArray {
    let arr: NDArray;
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new IndexError("x must be an integer or at least 1-dimensional");
      if (x < 0) throw new ValueError(`negative dimensions are not allowed (shape ${formatShape([x])})`);
      const data = allocate("int64", x);
      for (let i = 0; i < x; i++) data[i] = i;
      arr = NDArray.fromData(data, [x], "int64");
    } else {
      if (x.ndim === 0) throw new IndexError("x must be an integer or at least 1-dimensional");
      arr = x.copy();
    }
    this.shuffle(arr);
    return arr;
  }
}
