/**
 * Input checks for the lesson's public functions: shapes, empty input, NaN/infinity, 0/1 labels.
 * Every check throws `ValueError` with a message that names the argument, its shape and the bad
 * value, in the words numpy and scikit-learn use. Inner loops trust what passed these checks.
 * @module
 */
import { NDArray } from "../np/ndarray.js";
import { ValueError, formatShape } from "../np/errors.js";

/** Label vectors the metrics accept: an NDArray (1-D, a row or a column), a JS array or a typed array. */
export type LabelsLike = NDArray | readonly number[] | ArrayLike<number>;

/** Throws unless `a` is a 2-D NDArray; `what` describes the expected shape, e.g. `"(n_x, m)"`. */
export function checkMatrix(a: unknown, name: string, what: string): NDArray {
  if (!(a instanceof NDArray)) {
    throw new TypeError(`${name} must be an NDArray of shape ${what}, got ${describe(a)}`);
  }
  if (a.ndim !== 2) {
    throw new ValueError(`${name} must be 2-D with shape ${what}, got shape ${formatShape(a.shape)}`);
  }
  return a;
}

/** Throws scikit-learn's message when the array has no samples along `axis`. */
export function checkNotEmpty(a: NDArray, name: string, axis: number): void {
  if (a.shape[axis] === 0) {
    throw new ValueError(
      `Found array with 0 sample(s) (${name} shape=${formatShape(a.shape)}) while a minimum of 1 is required.`,
    );
  }
}

/** Throws scikit-learn's message when `values` hold NaN or ±infinity. */
export function checkFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) {
      throw new ValueError(
        Number.isNaN(v)
          ? `Input ${name} contains NaN (at flat index ${i}).`
          : `Input ${name} contains infinity (${v} at flat index ${i}).`,
      );
    }
  }
}

/** Throws unless every value is exactly 0 or 1 (the lesson's binary labels). */
export function checkBinaryLabels(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== 0 && v !== 1) {
      throw new ValueError(`${name} must hold the labels 0 and 1 only, found ${v} at flat index ${i}`);
    }
  }
}

/** Throws unless `a` and `b` have the same number of columns (examples). */
export function checkSameColumns(a: NDArray, aName: string, b: NDArray, bName: string): void {
  if (a.shape[1] !== b.shape[1]) {
    throw new ValueError(
      `${aName} and ${bName} must have the same number of examples (columns): ` +
        `${aName} has shape ${formatShape(a.shape)}, ${bName} has shape ${formatShape(b.shape)}`,
    );
  }
}

/**
 * A label vector as a flat Float64Array. NDArrays may be 1-D, a row `(1, m)` or a column `(m, 1)`
 * (scikit-learn takes 1-D or a column; the lesson's `Y` is a row).
 */
export function labelValues(y: LabelsLike, name: string): Float64Array {
  if (y instanceof NDArray) {
    const ok = y.ndim === 1 || (y.ndim === 2 && (y.shape[0] === 1 || y.shape[1] === 1));
    if (!ok) {
      throw new ValueError(`${name} must be 1-D, a row (1, m) or a column (m, 1), got shape ${formatShape(y.shape)}`);
    }
    return Float64Array.from(y.values());
  }
  if (typeof y !== "object" || y === null || typeof (y as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${name} must be an array of labels, got ${describe(y)}`);
  }
  const out = Float64Array.from(y as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (typeof (y as ArrayLike<unknown>)[i] !== "number" && typeof (y as ArrayLike<unknown>)[i] !== "boolean") {
      throw new TypeError(`${name}[${i}] must be a number, got ${describe((y as ArrayLike<unknown>)[i])}`);
    }
  }
  return out;
}

/** A short description of a value for error messages. */
export function describe(v: unknown): string {
  if (v instanceof NDArray) return `an array of shape ${formatShape(v.shape)}`;
  if (Array.isArray(v)) return `a JS array of length ${v.length}`;
  if (v === null) return "null";
  return typeof v === "object" ? (v.constructor?.name ?? "an object") : `${typeof v} ${String(v)}`;
}

/**
 * Throws a TypeError naming an option that `fn` does not take (a misspelt or snake_case one would
 * otherwise be ignored); returns the options.
 *
 * @param options - the options object passed
 * @param known - the option names `fn` takes
 * @param fn - the function's name, for the message
 */
export function checkOptions<T extends object>(options: T, known: readonly string[], fn: string): T {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      const hint = camel !== key && known.includes(camel) ? ` (did you mean ${camel}?)` : "";
      throw new TypeError(`${fn} got an unknown option '${key}'${hint}; it takes ${known.join(", ")}`);
    }
  }
  return options;
}
