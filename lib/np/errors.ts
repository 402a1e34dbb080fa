/**
 * One place for numpy's error texts, so that a user who knows numpy recognises them.
 * Messages are built only when the check fails.
 * @module
 */

/** numpy's way of writing a shape: `(4,2)`, `(3,)`, `()`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/**
 * Python's repr of a shape tuple, with a space after each comma: `(2, 3)`, `(5,)`, `()`. numpy writes
 * shapes this way in its ragged-array and MemoryError messages and in a printed array's `shape=`.
 */
export function formatTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** numpy's ValueError. */
export class ValueError extends Error {
  override name = "ValueError";
}

/** numpy's AxisError: "axis 2 is out of bounds for array of dimension 2". */
export class AxisError extends ValueError {
  override name = "AxisError";
  constructor(axis: number, ndim: number) {
    super(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
}

/** Python's OverflowError, as numpy raises it for a Python int that does not fit a dtype. */
export class OverflowError extends Error {
  override name = "OverflowError";
}

/** numpy's IndexError. */
export class IndexError extends Error {
  override name = "IndexError";
}

/** "operands could not be broadcast together with shapes (2,3) (4,) " (numpy ends it with a space). */
export function broadcastError(...shapes: (readonly number[])[]): ValueError {
  return new ValueError(`operands could not be broadcast together with shapes ${shapes.map((s) => `${formatShape(s)} `).join("")}`);
}

/** "shapes (4,2) and (3,5) not aligned: 2 (dim 1) != 3 (dim 0)" */
export function alignError(a: readonly number[], b: readonly number[], dimA: number, dimB: number): ValueError {
  return new ValueError(
    `shapes ${formatShape(a)} and ${formatShape(b)} not aligned: ${a[dimA]} (dim ${dimA}) != ${b[dimB]} (dim ${dimB})`,
  );
}

/** Normalises a possibly negative axis, throwing numpy's AxisError when it is out of range. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) throw new TypeError(`'${pyTypeName(axis)}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** "index 5 is out of bounds for axis 0 with size 4" */
export function indexError(index: number, axis: number, size: number): IndexError {
  return new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${size}`);
}

/** "zero-size array to reduction operation maximum which has no identity" */
export function emptyReductionError(operation: string): ValueError {
  return new ValueError(`zero-size array to reduction operation ${operation} which has no identity`);
}

/** numpy's text for the boolean `-` operators, which it refuses. */
export function boolOperatorError(op: "subtract" | "negative"): TypeError {
  return op === "subtract"
    ? new TypeError(
        "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
      )
    : new TypeError(
        "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
      );
}

/** Python's MemoryError, as numpy raises it: "Unable to allocate 74.5 GiB for an array with shape (10000000000,) and data type float64". */
export class MemoryError extends Error {
  override name = "MemoryError";
}

/** Python's RuntimeError: np's worker threads failed (a chunk threw, or they could not start). */
export class RuntimeError extends Error {
  override name = "RuntimeError";
}

/** Python's type name of a JavaScript value, as numpy's TypeError texts name it ('float', 'str', 'NoneType', ...). */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "list";
  if (typeof v === "function") return "function";
  if (typeof v === "object") return (v as object).constructor?.name === "NDArray" ? "numpy.ndarray" : "dict";
  return typeof v;
}
