/**
 * Part 3 of the lesson: the learning rate as a function of the iteration, α = α(n_iter).
 * Each factory returns a {@link Schedule}: a plain function of the iteration number (0, 1, 2, ...)
 * with a `label` for legends. `nnModel(..., { schedule })` calls it once per iteration.
 * @module
 */
import { ValueError } from "../np/errors.js";

/** A learning-rate schedule: α(nIter) for nIter = 0, 1, 2, ... */
export interface Schedule {
  (nIter: number): number;
  /** A short description for legends, e.g. "step(1.2, every 2000, ×0.5)". */
  readonly label: string;
}

function schedule(label: string, f: (n: number) => number): Schedule {
  const s = (nIter: number) => {
    if (!Number.isInteger(nIter) || nIter < 0) throw new ValueError(`nIter must be an integer >= 0, got ${nIter}`);
    return f(nIter);
  };
  return Object.assign(s, { label });
}

function positive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) throw new ValueError(`${name} must be a finite number > 0, got ${v}`);
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!(Number.isFinite(v) && v >= 0)) throw new ValueError(`${name} must be a finite number >= 0, got ${v}`);
  return v;
}

/**
 * The lesson's constant rate: α(n) = α0.
 *
 * @param alpha0 - the rate, > 0 (the lesson uses 1.2)
 * @returns the schedule
 * @throws ValueError when alpha0 is not a finite positive number
 * @example constantSchedule(1.2)(5000) // 1.2
 */
export function constantSchedule(alpha0: number): Schedule {
  positive("alpha0", alpha0);
  return schedule(`constant(${alpha0})`, () => alpha0);
}

/**
 * Step decay: α(n) = α0 · factor^⌊n / every⌋ — the rate drops by `factor` every `every` iterations.
 *
 * @param alpha0 - the starting rate, > 0
 * @param options.every - iterations between drops (integer ≥ 1, default 1000)
 * @param options.factor - the drop, in (0, 1] (default 0.5)
 * @returns the schedule
 * @throws ValueError on a bad parameter
 * @example stepSchedule(1.2, { every: 1000, factor: 0.5 })(2500) // 0.3
 */
export function stepSchedule(alpha0: number, options: { every?: number; factor?: number } = {}): Schedule {
  positive("alpha0", alpha0);
  const every = options.every ?? 1000;
  const factor = options.factor ?? 0.5;
  if (!Number.isInteger(every) || every < 1) throw new ValueError(`every must be an integer >= 1, got ${every}`);
  if (!(factor > 0 && factor <= 1)) throw new ValueError(`factor must be in (0, 1], got ${factor}`);
  return schedule(`step(${alpha0}, every ${every}, ×${factor})`, (n) => alpha0 * Math.pow(factor, Math.floor(n / every)));
}

/**
 * Exponential decay: α(n) = α0 · e^(−k·n).
 *
 * @param alpha0 - the starting rate, > 0
 * @param options.k - the decay rate per iteration, ≥ 0 (default 1e-4)
 * @returns the schedule
 * @throws ValueError on a bad parameter
 * @example exponentialSchedule(1.2, { k: 1e-4 })(10000) // 1.2 / e ≈ 0.4415
 */
export function exponentialSchedule(alpha0: number, options: { k?: number } = {}): Schedule {
  positive("alpha0", alpha0);
  const k = nonNegative("k", options.k ?? 1e-4);
  return schedule(`exponential(${alpha0}, k=${k})`, (n) => alpha0 * Math.exp(-k * n));
}

/**
 * Inverse-time decay: α(n) = α0 / (1 + k·n).
 *
 * @param alpha0 - the starting rate, > 0
 * @param options.k - the decay per iteration, ≥ 0 (default 1e-3)
 * @returns the schedule
 * @throws ValueError on a bad parameter
 * @example inverseTimeSchedule(1.2, { k: 1e-3 })(1000) // 0.6
 */
export function inverseTimeSchedule(alpha0: number, options: { k?: number } = {}): Schedule {
  positive("alpha0", alpha0);
  const k = nonNegative("k", options.k ?? 1e-3);
  return schedule(`inverse-time(${alpha0}, k=${k})`, (n) => alpha0 / (1 + k * n));
}

/**
 * Cosine annealing: α(n) = αmin + ½(α0 − αmin)(1 + cos(π·n / total)) for n ≤ total, αmin after.
 *
 * @param alpha0 - the starting rate, > 0
 * @param options.total - iterations of the half cosine (integer ≥ 1, default 10000)
 * @param options.alphaMin - the final rate, in [0, alpha0] (default 0)
 * @returns the schedule
 * @throws ValueError on a bad parameter
 * @example cosineSchedule(1.2, { total: 10000 })(5000) // 0.6
 */
export function cosineSchedule(alpha0: number, options: { total?: number; alphaMin?: number } = {}): Schedule {
  positive("alpha0", alpha0);
  const total = options.total ?? 10000;
  const alphaMin = nonNegative("alphaMin", options.alphaMin ?? 0);
  if (!Number.isInteger(total) || total < 1) throw new ValueError(`total must be an integer >= 1, got ${total}`);
  if (alphaMin > alpha0) throw new ValueError(`alphaMin (${alphaMin}) must not exceed alpha0 (${alpha0})`);
  return schedule(`cosine(${alpha0}, total ${total})`, (n) =>
    n >= total ? alphaMin : alphaMin + 0.5 * (alpha0 - alphaMin) * (1 + Math.cos((Math.PI * n) / total)),
  );
}
