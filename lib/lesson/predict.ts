/**
 * Prediction (In[12]): `predict` thresholds the network's output A2 = sigmoid(W2·tanh(W1·X + b1) + b2).
 *
 * The lesson calls it on its 400 points and, through `plot_decision_boundary`, on a grid of about
 * a million points (`predict(parameters, np.c_[xx.ravel(), yy.ravel()].T)`). So after checking its
 * input once, `predict` runs one fused loop over the points, reading X through its strides (the
 * grid's X is a transposed view: no copy) and keeping nothing but the answers: numpy's version
 * makes Z1, A1 (4 x 8 MB on the grid), Z2 and A2.
 *
 * Each answer is the one the lesson's two lines give with `np` (`implementation: "np"`): the same
 * products and sums in the same order, `np`'s own tanh (lib/np/fastmath.ts), the same comparison.
 * test/lesson-predict.test.ts checks it point for point on the whole grid.
 *
 * Two loops do it, chosen per call:
 * - `exactRange`: per chunk of points, Z1 for the chunk, the activation's own array loop over it (tanh's
 *   is fastmath's `tanhInto`; a WebAssembly SIMD tanh of the same bits replaces it in one line), then
 *   z2 = W2·A1 + b2 and the comparison. Any activation, any threshold.
 * - `signFilterRange`, for tanh with the threshold 0.5 (the lesson's): the answer is the sign of z2,
 *   and almost every point of a grid is far from the boundary z2 = 0. It bounds z2 first over blocks
 *   of 16 points (interval arithmetic on their bounding box), then point by point with tanh read from
 *   a table (linear interpolation, a few operations instead of an exp and a division), each with a
 *   proven bound on how far it can be from the exact loop's z2. Where a bound decides the sign, that
 *   is the answer the exact loop gives; elsewhere (points near the boundary) it computes z2 exactly as
 *   `exactRange` does. A filtered predicate, as in exact geometric computation (Shewchuk, 1997).
 *   Measured on the lesson's grid (1008 x 1030 points, one core, CPU time): see PREDICT_FILTER below.
 *
 * Both take a range of points `(start, end)` and write only `out[start..end)`, so a pool of workers can
 * split a large grid between them (each range is independent; see `predictRange`).
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { type TypedArray, allocateOutput } from "../np/dtype.js";
import { ValueError } from "../np/errors.js";
import { exp as fexp, tanh as ftanh } from "../np/fastmath.js";
import { type Activation, type ActivationName, getActivation, tanhActivation } from "./activations.js";
import { type Parameters, checkParameters } from "./network.js";
import { forwardStep } from "./steps.js";
import * as np from "../np/index.js";
import { checkFinite, checkOptions, describe } from "./validate.js";

/** Options of {@link predict}. */
export interface PredictOptions {
  /** The hidden activation the parameters were trained with (default "tanh"). */
  activation?: ActivationName | Activation;
  /** "fused" (default) or "np" (the lesson's two lines on `np`). */
  implementation?: "fused" | "np";
}

/**
 * Predicts a class for each example (In[12]): 1 where the network's output A2 > threshold, else 0.
 *
 * @param parameters - `{ W1, b1, W2, b2 }` from {@link nnModel}
 * @param X - input data, shape (n_x, m): one column per example (any strides: `P.T` is not copied)
 * @param threshold - the cut on A2, a number in [0, 1] (default 0.5)
 * @param options - `activation` ("tanh"), `implementation` ("fused" | "np")
 * @returns int64 predictions 0/1, shape (1, m)
 * @throws ValueError when X does not fit the parameters (naming X and the (n_x, m) it needs), holds
 *   NaN, or the threshold is outside [0, 1]; TypeError on an unknown option
 * @example predict(parameters, X) // array([[0, 1, 1, ...]])
 */
export function predict(parameters: Parameters, X: NDArray, threshold = 0.5, options: PredictOptions = {}): NDArray {
  if (typeof threshold !== "number") {
    throw new TypeError(`predict(parameters, X, threshold, options): threshold must be a number in [0, 1], got ${describe(threshold)}`);
  }
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new ValueError(`threshold must be a number in [0, 1] (a cut on the sigmoid output A2), got ${threshold}`);
  }
  const [, , nY] = checkParameters(parameters, X);
  const { activation, implementation = "fused" } = checkOptions(options, ["activation", "implementation"], "predict");
  if (implementation !== "fused" && implementation !== "np") {
    throw new ValueError(`implementation must be "fused" or "np", got ${String(implementation)}`);
  }
  const g = getActivation(activation ?? "tanh");
  if (implementation === "np" || nY !== 1) {
    checkFinite(X.values(), "X");
    const [A2] = forwardStep(X, parameters, g);
    return np.greater(A2, threshold).astype("int64");
  }
  const m = X.shape[1];
  const job = predictJob(parameters, X, threshold, g, allocateOutput("int64", m) as Float64Array);
  predictRange(job, 0, m);
  return NDArray.fromData(job.out, [1, m], "int64");
}

/**
 * Everything the fused loops read, as typed arrays and numbers: the points (X's storage, offset and
 * strides), the parameters, the threshold, the activation and where the answers go. A worker that
 * gets these (X and `out` in shared memory) can run {@link predictRange} on its share of the points.
 */
export interface PredictJob {
  /** X's storage: point i's feature k at x[offset + k * sk + i * si]. */
  readonly x: TypedArray;
  readonly offset: number;
  readonly sk: number;
  readonly si: number;
  readonly nX: number;
  readonly nH: number;
  /** W1 (nH, nX) in C order, b1 (nH), W2 (nH), b2. */
  readonly W1: TypedArray;
  readonly b1: TypedArray;
  readonly W2: TypedArray;
  readonly b2: number;
  readonly threshold: number;
  readonly g: Activation;
  /** The answers, 0 or 1, one per point (int64 storage). */
  readonly out: Float64Array;
  /** X itself, to name its first NaN or infinity in the error (read only when a z is not finite). */
  readonly X: NDArray;
}

/** The flat view of one `predict` call (no copies: the parameters' and X's own storage). */
export function predictJob(parameters: Parameters, X: NDArray, threshold: number, g: Activation, out: Float64Array): PredictJob {
  const { data: x, stride, offset } = X.nd;
  const [nH, nX] = parameters.W1.shape;
  return {
    x, offset, sk: stride[0], si: stride[1], nX, nH,
    W1: parameters.W1.values(), b1: parameters.b1.values(), W2: parameters.W2.values(), b2: parameters.b2.values()[0],
    threshold, g, out, X,
  };
}

/**
 * Predicts points `start` to `end - 1` of a job into `job.out[start..end)`; ranges are independent,
 * so splitting [0, m) into ranges (for workers) gives the same answers as one call.
 */
export function predictRange(job: PredictJob, start: number, end: number): void {
  if (PREDICT_FILTER && job.g === tanhActivation && job.threshold === 0.5) signFilterRange(job, start, end);
  else exactRange(job, start, end);
}

/** Points per chunk of `exactRange`: the chunk's hidden layer (nH x 1024 doubles) stays in the CPU's cache. */
const CHUNK = 1024;

/**
 * The exact loop, chunk by chunk: Z1 = W1·x + b1 for the chunk's points (unit by unit), A1 = g(Z1)
 * by the activation's own array loop, z2 = W2·A1 + b2, and the threshold.
 */
function exactRange(job: PredictJob, start: number, end: number): void {
  const { x, offset, sk, si, nX, nH, W1, b1, W2, b2, threshold, g, out } = job;
  const z1 = new Float64Array(nH * CHUNK); // hidden unit h of the chunk's point i at h * CHUNK + i
  const a1 = new Float64Array(nH * CHUNK);
  for (let c = start; c < end; c += CHUNK) {
    const n = Math.min(CHUNK, end - c);
    for (let h = 0; h < nH; h++) {
      const bh = b1[h];
      for (let i = 0; i < n; i++) {
        const o = offset + (c + i) * si;
        let z = 0;
        for (let k = 0; k < nX; k++) z += W1[h * nX + k] * x[o + k * sk];
        z += bh;
        if (z - z !== 0) checkFinite(job.X.values(), "X"); // NaN or ±inf: name the bad value of X, if it is there
        z1[h * CHUNK + i] = z;
      }
    }
    g.forwardInto(z1, a1); // the chunk's activation: for tanh fastmath's tanhInto (the one line a SIMD kernel replaces)
    for (let i = 0; i < n; i++) {
      let z2 = 0;
      for (let h = 0; h < nH; h++) z2 += W2[h] * a1[h * CHUNK + i];
      z2 += b2;
      out[c + i] = answer(z2, threshold);
    }
  }
}

/**
 * A2 = 1/(1 + e^{−z2}) > threshold, as 1 or 0. For 0.5 this is z2 > 0, except for z2 within 1e-15
 * of 0, where e^{−z2} rounds to 1: the exp is only needed there, or for another threshold.
 */
function answer(z2: number, threshold: number): number {
  if (threshold === 0.5 && (z2 <= 0 || z2 > 1e-15)) return z2 > 0 ? 1 : 0;
  return 1 / (1 + fexp(-z2)) > threshold ? 1 : 0;
}

/**
 * Whether `predictRange` filters by sign (tanh, threshold 0.5). What it buys, measured on the
 * lesson's grid (1008 x 1030 points, 4 hidden units; taskset -c 0, CPU time, medians of 15 calls
 * alternating with the exact loop and with the previous predict in one process, on a loaded 2-vCPU
 * machine): 16-21 ms against 54-86 ms for the previous predict (0.24-0.30x) and 60-80 ms for
 * `exactRange`. The point-by-point stage alone made it 28 ms against 53 (0.52x); the blocks leave
 * 3.8 % of the points to it, and it leaves 10 of the 1,038,240 to the exact loop. Off, every point
 * takes `exactRange`.
 */
const PREDICT_FILTER = true;

/** tanh at the table's nodes x_j = j/64 − 8 (j = 0..1024), and the differences to the next node (0 after the last). */
const TANH_NODES = new Float64Array(1025);
const TANH_STEPS = new Float64Array(1025);
for (let j = 0; j <= 1024; j++) TANH_NODES[j] = ftanh(j / 64 - 8);
for (let j = 0; j < 1024; j++) TANH_STEPS[j] = TANH_NODES[j + 1] - TANH_NODES[j];

/** 2^-51 and 2^-52, the units of the rounding bounds below. */
const EPS51 = 2 ** -51;
const EPS52 = 2 ** -52;

/**
 * How far the table's tanh can be from fastmath's tanh, for any z: linear interpolation between
 * nodes h = 1/64 apart errs by at most h²/8 · max|tanh''| = (1/64)²/8 · 4/(3√3) = 2.3493e-5; beyond
 * ±8 (the table's ends) by 1 − tanh(8) = 2.3e-7; fastmath's tanh is within 1 ulp of tanh, and the
 * table's own roundings (its nodes, u = (z + 8)·64, the interpolation) add below 1e-14. So 2.4e-5.
 * test/lesson-predict.test.ts checks the bound (at the nodes, the midpoints and 300,000 random z's).
 */
export const TANH_TABLE_ERROR = 2.4e-5;

/** fastmath's tanh read from the table (within TANH_TABLE_ERROR of it; NaN for NaN). */
export function tableTanh(z: number): number {
  const u = Math.min(Math.max((z + 8) * 64, 0), 1024);
  const j = u | 0;
  return TANH_NODES[j] + (u - j) * TANH_STEPS[j];
}

/**
 * The sign filter for tanh and the threshold 0.5, in two stages.
 *
 * Per point: z_h = W1·x + b1 exactly as the exact loop computes them, t_h from the table,
 * s = Σ W2_h t_h + b2 in the exact loop's order. The exact loop's z2 (with fastmath's tanh) differs
 * from s by at most Σ|W2_h| · TANH_TABLE_ERROR + the rounding of both sums; each sum, of nH products
 * and nH + 1 additions of terms below Σ|W2_h|(1 + 2.4e-5) + |b2|, errs by at most (nH + 1)·2^-53 of that
 * (Higham's γ), here bounded by `rounding` = (nH + 1)·2^-52·(2Σ|W2_h| + |b2|). So s < −margin means
 * z2 < 0 (answer 0), and s > margin + 1e-15 means z2 > 1e-15 (answer 1, see `answer`); anything else,
 * a NaN or an infinite z included, is computed exactly.
 *
 * Per block of BLOCK points first (see `blockSign`): bounds on z2 over the block's bounding box;
 * where they decide the sign, the whole block gets that answer without looking at its points one by one.
 */
function signFilterRange(job: PredictJob, start: number, end: number): void {
  const { x, offset, sk, si, nX, nH, W1, b1, W2, b2, out, X } = job;
  let sumW2 = 0;
  for (let h = 0; h < nH; h++) sumW2 += Math.abs(W2[h]);
  const rounding = (nH + 1) * EPS52 * (2 * sumW2 + Math.abs(b2));
  const margin = sumW2 * TANH_TABLE_ERROR + rounding;
  const above = margin + 1e-15;
  const near: number[] = []; // the points the bound leaves open, computed exactly after the loop
  const box = new Float64Array(2 * nX);
  for (let c = start; c < end; c += BLOCK) {
    const cEnd = Math.min(c + BLOCK, end);
    const sign = blockSign(job, c, cEnd, box, rounding);
    if (sign >= 0) {
      out.fill(sign, c, cEnd);
      continue;
    }
    for (let i = c; i < cEnd; i++) {
      const o = offset + i * si;
      let s = 0;
      for (let h = 0; h < nH; h++) {
        let z = 0;
        if (nX === 2) {
          z += W1[h * 2] * x[o];
          z += W1[h * 2 + 1] * x[o + sk];
        } else for (let k = 0; k < nX; k++) z += W1[h * nX + k] * x[o + k * sk];
        z += b1[h];
        // z * 0 is 0, or NaN where z is NaN or ±inf (X holds one: the exact point throws, naming it; or W1·x + b1 overflowed)
        s += W2[h] * tableTanh(z) + z * 0;
      }
      s += b2;
      if (s < -margin) out[i] = 0;
      else if (s > above) out[i] = 1;
      else near.push(i);
    }
  }
  for (let q = 0; q < near.length; q++) {
    const i = near[q];
    out[i] = exactPoint(x, offset + i * si, sk, W1, b1, W2, b2, X);
  }
}

/**
 * Points per block of the sign filter's first stage. On the lesson's grid (rows of 1030 points) 3.8 %
 * of the points lie in blocks of 16 whose bounds leave the sign open, 7.8 % with 32, 1.7 % with 8.
 */
const BLOCK = 16;

/**
 * The answer every point of the block [c, cEnd) gets, when bounds on z2 over the block decide it: 0 or
 * 1; −1 when they do not. Interval arithmetic over the block's bounding box (`box` is scratch space):
 * - each feature k between lo_k and hi_k (Math.min/max carry a NaN; a NaN or an infinity in X leaves
 *   the block to the per-point stage, which names it);
 * - z_h = Σ_k W1_hk x_k + b1_h between Σ min(W1_hk lo_k, W1_hk hi_k) + b1_h and the same with max, widened
 *   by (nX + 2)·2^-51 times the size of its terms: the rounding of each point's z and of these sums
 *   (Higham's γ, with room to spare);
 * - tanh is increasing, so fastmath's tanh over that interval lies within the table's values at its
 *   ends ∓ TANH_TABLE_ERROR (which covers fastmath's 1 ulp);
 * - z2 between the sums of the smaller and of the larger W2_h·t_h, plus b2, give or take `rounding`
 *   (as the per-point stage). Below −rounding every z2 < 0; above rounding + 1e-15 every z2 > 1e-15.
 */
function blockSign(job: PredictJob, c: number, cEnd: number, box: Float64Array, rounding: number): number {
  const { x, offset, sk, si, nX, nH, W1, b1, W2, b2 } = job;
  for (let k = 0; k < nX; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    let finite = 0; // stays 0 unless a value is NaN or ±inf (v * 0 is NaN then)
    for (let i = c, o = offset + c * si + k * sk; i < cEnd; i++, o += si) {
      const v = x[o];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      finite += v * 0;
    }
    if (finite !== 0) return -1;
    box[2 * k] = lo;
    box[2 * k + 1] = hi;
  }
  let sLo = 0;
  let sHi = 0;
  for (let h = 0; h < nH; h++) {
    let zLo = b1[h];
    let zHi = b1[h];
    let size = Math.abs(b1[h]);
    for (let k = 0; k < nX; k++) {
      const w = W1[h * nX + k];
      const p = w * box[2 * k];
      const q = w * box[2 * k + 1];
      zLo += Math.min(p, q);
      zHi += Math.max(p, q);
      size += Math.max(Math.abs(p), Math.abs(q));
    }
    const slack = (nX + 2) * EPS51 * size;
    const zL = zLo - slack;
    const zH = zHi + slack;
    if (!(zL <= zH)) return -1; // NaN: an overflow to ∞ − ∞
    const tLo = tableTanh(zL) - TANH_TABLE_ERROR;
    const tHi = tableTanh(zH) + TANH_TABLE_ERROR;
    const w2 = W2[h];
    sLo += Math.min(w2 * tLo, w2 * tHi);
    sHi += Math.max(w2 * tLo, w2 * tHi);
  }
  sLo += b2;
  sHi += b2;
  if (sHi < -rounding) return 0;
  if (sLo > rounding + 1e-15) return 1;
  return -1; // open
}

/**
 * One point's answer by the exact loop's arithmetic: z_h, fastmath's tanh, z2 in the same order,
 * `answer`. (Plain arguments, not the job: it runs for a few points per call, and V8 would otherwise
 * drop its optimized caller each time it reads the job's fields with no feedback on them.)
 */
function exactPoint(x: TypedArray, o: number, sk: number, W1: TypedArray, b1: TypedArray, W2: TypedArray, b2: number, X: NDArray): number {
  const nH = b1.length;
  const nX = W1.length / nH;
  let z2 = 0;
  for (let h = 0; h < nH; h++) {
    let z = 0;
    for (let k = 0; k < nX; k++) z += W1[h * nX + k] * x[o + k * sk];
    z += b1[h];
    if (z - z !== 0) checkFinite(X.values(), "X"); // NaN or ±inf: name the bad value of X, if it is there
    z2 += W2[h] * ftanh(z);
  }
  z2 += b2;
  return answer(z2, 0.5);
}
