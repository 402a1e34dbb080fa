/**
 * numpy's operators as `NDArray` methods, so lesson code reads like the Python:
 * `Y*np.log(A2) + (1-Y)*np.log(1-A2)` is `Y.mul(A2.log()).add(Y.rsub(1).mul(A2.rsub(1).log()))`.
 * Each method is its np function with the array as the first operand (`a.add(o)` is
 * `np.add(a, o)`): same broadcasting, dtypes, values and errors. `rsub` and `rdiv` are numpy's
 * `__rsub__` and `__rtruediv__` (`Y.rsub(1)` is `1 - Y`), for a number on the left.
 * @module
 */
import type { ArrayLike, NDArray } from "./ndarray.js";
import { attachMethods } from "./methods-attach.js";
import {
  add, subtract, multiply, divide, power, maximum, minimum,
  greater, greater_equal, less, less_equal, equal, not_equal,
} from "./elementwise.js";
import { negative, abs, sign, square, sqrt, exp, log, log1p, tanh, sin, cos } from "./unary.js";
import { dot, matmul } from "./linalg.js";

declare module "./ndarray.js" {
  interface NDArray {
    /**
     * `a + other` elementwise with numpy's broadcasting, as `np.add(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion (a number is a weak
     *   scalar: uint8 + 1 stays uint8; bool + bool is logical or).
     * @throws ValueError "operands could not be broadcast together with shapes (2,3) (4,) ".
     * @see `np.add`
     * @example
     * ```ts
     * const Z1 = W1.dot(X).add(b1); // Python: Z1 = np.dot(W1, X) + b1
     * ```
     */
    add(other: ArrayLike): NDArray;
    /**
     * `a - other` elementwise with numpy's broadcasting, as `np.subtract(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion.
     * @throws ValueError when the shapes do not broadcast; TypeError for two bool operands (numpy
     *   refuses boolean subtract).
     * @see `np.subtract`; `NDArray.rsub` for `other - a`
     * @example
     * ```ts
     * const dZ2 = A2.sub(Y); // Python: dZ2 = A2 - Y
     * ```
     */
    sub(other: ArrayLike): NDArray;
    /**
     * `other - a` elementwise with numpy's broadcasting, as `np.subtract(other, a)` (numpy's
     * `__rsub__`): the way to write a number minus an array.
     * @param other - the left operand: a number, a boolean, an array or nested arrays.
     * @returns a new array of the broadcast shape; `1 - Y` on a uint8 `Y` stays uint8, as in numpy.
     * @throws ValueError when the shapes do not broadcast; TypeError for two bool operands.
     * @see `np.subtract`
     * @example
     * ```ts
     * Y.rsub(1); // Python: 1 - Y
     * ```
     */
    rsub(other: ArrayLike): NDArray;
    /**
     * `a * other` elementwise with numpy's broadcasting, as `np.multiply(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion (uint8 * float64 is float64).
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.multiply`
     * @example
     * ```ts
     * Y.mul(A2.log()); // Python: Y * np.log(A2)
     * ```
     */
    mul(other: ArrayLike): NDArray;
    /**
     * `a / other` elementwise (true division) with numpy's broadcasting, as `np.divide(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new float array of the broadcast shape (integers divide to float64); x / 0 is ±Infinity or NaN.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.divide`; `NDArray.rdiv` for `other / a`
     * @example
     * ```ts
     * a.div(2); // Python: a / 2
     * ```
     */
    div(other: ArrayLike): NDArray;
    /**
     * `other / a` elementwise with numpy's broadcasting, as `np.divide(other, a)` (numpy's
     * `__rtruediv__`): the way to write a number divided by an array.
     * @param other - the left operand: a number, a boolean, an array or nested arrays.
     * @returns a new float array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.divide`
     * @example
     * ```ts
     * const A2 = Z2.neg().exp().add(1).rdiv(1); // Python: A2 = 1/(1 + np.exp(-Z2))
     * ```
     */
    rdiv(other: ArrayLike): NDArray;
    /**
     * `a ** exponent` elementwise with numpy's broadcasting, as `np.power(a, exponent)`.
     * @param exponent - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion.
     * @throws ValueError when the shapes do not broadcast, or "Integers to negative integer powers
     *   are not allowed." for an integer array raised to a negative integer.
     * @see `np.power`
     * @example
     * ```ts
     * A1.pow(2).rsub(1); // Python: 1 - np.power(A1, 2)
     * ```
     */
    pow(exponent: ArrayLike): NDArray;
    /**
     * The larger of `a` and `other` elementwise with numpy's broadcasting, as `np.maximum(a, other)`
     * (NaN wins).
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.maximum`
     * @example
     * ```ts
     * Z.maximum(0); // ReLU; Python: np.maximum(Z, 0)
     * ```
     */
    maximum(other: ArrayLike): NDArray;
    /**
     * The smaller of `a` and `other` elementwise with numpy's broadcasting, as `np.minimum(a, other)`
     * (NaN wins).
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new array of the broadcast shape; dtype by numpy 2's promotion.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.minimum`
     * @example
     * ```ts
     * A.minimum(1); // Python: np.minimum(A, 1)
     * ```
     */
    minimum(other: ArrayLike): NDArray;
    /**
     * `a > other` elementwise with numpy's broadcasting, as `np.greater(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.greater`
     * @example
     * ```ts
     * const predictions = A2.gt(0.5); // Python: predictions = A2 > 0.5
     * ```
     */
    gt(other: ArrayLike): NDArray;
    /**
     * `a >= other` elementwise with numpy's broadcasting, as `np.greater_equal(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.greater_equal`
     * @example
     * ```ts
     * A2.ge(0.5); // Python: A2 >= 0.5
     * ```
     */
    ge(other: ArrayLike): NDArray;
    /**
     * `a < other` elementwise with numpy's broadcasting, as `np.less(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.less`
     * @example
     * ```ts
     * Z.lt(0); // Python: Z < 0
     * ```
     */
    lt(other: ArrayLike): NDArray;
    /**
     * `a <= other` elementwise with numpy's broadcasting, as `np.less_equal(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.less_equal`
     * @example
     * ```ts
     * Z.le(0); // Python: Z <= 0
     * ```
     */
    le(other: ArrayLike): NDArray;
    /**
     * `a == other` elementwise with numpy's broadcasting, as `np.equal(a, other)` (NaN is never equal).
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.equal`
     * @example
     * ```ts
     * P.eq(Y).mean(); // accuracy; Python: np.mean(P == Y)
     * ```
     */
    eq(other: ArrayLike): NDArray;
    /**
     * `a != other` elementwise with numpy's broadcasting, as `np.not_equal(a, other)`.
     * @param other - an array whose shape broadcasts with this one's, a number, a boolean or nested arrays.
     * @returns a new bool array of the broadcast shape.
     * @throws ValueError when the shapes do not broadcast.
     * @see `np.not_equal`
     * @example
     * ```ts
     * P.ne(Y).sum(); // errors; Python: np.sum(P != Y)
     * ```
     */
    ne(other: ArrayLike): NDArray;
    /**
     * The dot product `np.dot(a, b)`, numpy's `a.dot(b)`: the matrix product for 2-D arrays, the
     * inner product (a 0-d array) for 1-D ones; a number multiplies elementwise.
     * @param b - a 1-D (k,) or 2-D (k, m) array (this one is (n, k) or (k,)), or a number.
     * @returns (n, m) for 2-D · 2-D, (n,) or (m,) with one 1-D operand, 0-d for two 1-D operands.
     * @throws ValueError "shapes (4,2) and (3,5) not aligned: 2 (dim 1) != 3 (dim 0)".
     * @see `np.dot`, `NDArray.matmul`
     * @example
     * ```ts
     * const Z1 = W1.dot(X).add(b1); // Python: Z1 = np.dot(W1, X) + b1
     * ```
     */
    dot(b: ArrayLike): NDArray;
    /**
     * The matrix product `np.matmul(a, b)`, Python's `a @ b` (1-D and 2-D operands).
     * @param b - a 1-D (k,) or 2-D (k, m) array (numbers are refused, as numpy).
     * @returns (n, m) for 2-D @ 2-D; a 1-D operand's added axis is removed again.
     * @throws ValueError "matmul: Input operand 1 has a mismatch in its core dimension 0, ..." when
     *   the inner dimensions differ.
     * @see `np.matmul`, `NDArray.dot`
     * @example
     * ```ts
     * W1.matmul(X); // Python: W1 @ X
     * ```
     */
    matmul(b: ArrayLike): NDArray;
    /**
     * `-a` elementwise, as `np.negative(a)` (dtype kept; unsigned values wrap as in numpy).
     * @returns a new array of this shape and dtype.
     * @throws TypeError for a bool array (numpy refuses boolean negative).
     * @see `np.negative`
     * @example
     * ```ts
     * Z2.neg().exp(); // Python: np.exp(-Z2)
     * ```
     */
    neg(): NDArray;
    /**
     * The absolute value elementwise, as `np.abs(a)` (dtype kept).
     * @returns a new array of this shape and dtype.
     * @see `np.abs`
     * @example
     * ```ts
     * A.sub(B).abs().max(); // Python: np.max(np.abs(A - B))
     * ```
     */
    abs(): NDArray;
    /**
     * -1, 0 or 1 by the sign of each element (NaN stays NaN), as `np.sign(a)` (dtype kept).
     * @returns a new array of this shape and dtype.
     * @see `np.sign`
     * @example
     * ```ts
     * Z.sign(); // Python: np.sign(Z)
     * ```
     */
    sign(): NDArray;
    /**
     * `a * a` elementwise, as `np.square(a)` (dtype kept).
     * @returns a new array of this shape and dtype.
     * @see `np.square`
     * @example
     * ```ts
     * A1.square(); // Python: np.square(A1)
     * ```
     */
    square(): NDArray;
    /**
     * The square root elementwise, as `np.sqrt(a)` (NaN for negative input).
     * @returns a new float array of this shape (integers give float64).
     * @see `np.sqrt`
     * @example
     * ```ts
     * D.square().sum({ axis: 0 }).sqrt(); // Python: np.sqrt(np.sum(D**2, axis=0))
     * ```
     */
    sqrt(): NDArray;
    /**
     * e**a elementwise, as `np.exp(a)` (within 1 ulp of numpy's).
     * @returns a new float array of this shape (integers give float64).
     * @see `np.exp`
     * @example
     * ```ts
     * const A2 = Z2.neg().exp().add(1).rdiv(1); // Python: A2 = 1/(1 + np.exp(-Z2))
     * ```
     */
    exp(): NDArray;
    /**
     * The natural logarithm elementwise, as `np.log(a)` (within 1 ulp): log(0) is -Infinity, a
     * negative input gives NaN.
     * @returns a new float array of this shape (integers give float64).
     * @see `np.log`
     * @example
     * ```ts
     * Y.mul(A2.log()); // Python: Y * np.log(A2)
     * ```
     */
    log(): NDArray;
    /**
     * log(1 + a) elementwise, accurate for small values, as `np.log1p(a)`.
     * @returns a new float array of this shape (integers give float64).
     * @see `np.log1p`
     * @example
     * ```ts
     * Z.exp().log1p(); // softplus; Python: np.log1p(np.exp(Z))
     * ```
     */
    log1p(): NDArray;
    /**
     * The hyperbolic tangent elementwise, as `np.tanh(a)`.
     * @returns a new float array of this shape (integers give float64).
     * @see `np.tanh`
     * @example
     * ```ts
     * const A1 = Z1.tanh(); // Python: A1 = np.tanh(Z1)
     * ```
     */
    tanh(): NDArray;
    /**
     * The sine elementwise (radians), as `np.sin(a)`.
     * @returns a new float array of this shape (integers give float64).
     * @see `np.sin`
     * @example
     * ```ts
     * t.sin(); // Python: np.sin(t)
     * ```
     */
    sin(): NDArray;
    /**
     * The cosine elementwise (radians), as `np.cos(a)`.
     * @returns a new float array of this shape (integers give float64).
     * @see `np.cos`
     * @example
     * ```ts
     * t.cos(); // Python: np.cos(t)
     * ```
     */
    cos(): NDArray;
  }
}

attachMethods({
  add(other: ArrayLike) { return add(this, other); },
  sub(other: ArrayLike) { return subtract(this, other); },
  rsub(other: ArrayLike) { return subtract(other, this); },
  mul(other: ArrayLike) { return multiply(this, other); },
  div(other: ArrayLike) { return divide(this, other); },
  rdiv(other: ArrayLike) { return divide(other, this); },
  pow(exponent: ArrayLike) { return power(this, exponent); },
  maximum(other: ArrayLike) { return maximum(this, other); },
  minimum(other: ArrayLike) { return minimum(this, other); },
  gt(other: ArrayLike) { return greater(this, other); },
  ge(other: ArrayLike) { return greater_equal(this, other); },
  lt(other: ArrayLike) { return less(this, other); },
  le(other: ArrayLike) { return less_equal(this, other); },
  eq(other: ArrayLike) { return equal(this, other); },
  ne(other: ArrayLike) { return not_equal(this, other); },
  dot(b: ArrayLike) { return dot(this, b); },
  matmul(b: ArrayLike) { return matmul(this, b); },
  neg() { return negative(this); },
  abs() { return abs(this); },
  sign() { return sign(this); },
  square() { return square(this); },
  sqrt() { return sqrt(this); },
  exp() { return exp(this); },
  log() { return log(this); },
  log1p() { return log1p(this); },
  tanh() { return tanh(this); },
  sin() { return sin(this); },
  cos() { return cos(this); },
});
