/**
 * numpy-style printing: `np.array_repr`, `np.array_str`, `np.array2string`, `np.set_printoptions`.
 *
 * Follows numpy 2.x's `arrayprint` (legacy=False): one formatter per array fitted to the elements
 * shown (floats: shortest unique digits cut at `precision`, scientific when the magnitudes call for
 * it, aligned on the decimal point), long arrays summarised with "...", rows wrapped at `linewidth`.
 * NDArray's `toString()` and `util.inspect` (what tslab and `console.log` show) give the repr.
 * @module
 */
import { intText } from "./convert.js";
import type { DType } from "./dtype.js";
import { ValueError, formatTuple } from "./errors.js";
import type { NDArray } from "./ndarray.js";

/** Digits after the decimal point (at most), numpy's default `precision`. */
export const DEFAULT_PRECISION = 8;
/** Arrays with more elements than this are summarised, numpy's default `threshold`. */
export const DEFAULT_THRESHOLD = 1000;
/** Items shown at each end of a summarised axis, numpy's default `edgeitems`. */
export const DEFAULT_EDGEITEMS = 3;
/** Characters per line before wrapping, numpy's default `linewidth`. */
export const DEFAULT_LINEWIDTH = 75;
/** Whether tiny floats print as 0 in fixed notation, numpy's default `suppress`. */
export const DEFAULT_SUPPRESS = false;

/** What a summarised axis shows in place of its middle items. */
const SUMMARY_INSERT = "...";
/** numpy's `nanstr` and `infstr`. */
const NAN_STR = "nan";
const INF_STR = "inf";
/** Magnitudes at or above this print in scientific notation (float64; float32 from EXP_ABOVE_FLOAT32). */
const EXP_ABOVE = 1e8;
const EXP_ABOVE_FLOAT32 = 1e6;
/** Without `suppress`, magnitudes below this (or a max/min ratio above EXP_RATIO) print in scientific notation. */
const EXP_BELOW = 1e-4;
const EXP_RATIO = 1000;

/** numpy's print options (the subset this library honours). */
export interface PrintOptions {
  /** Digits after the decimal point (at most). Default 8. */
  precision: number;
  /** Summarise arrays with more elements than this (Infinity: never). Default 1000. */
  threshold: number;
  /** Items shown at each end of a summarised axis. Default 3. */
  edgeitems: number;
  /** Characters per line. Default 75. */
  linewidth: number;
  /** Print tiny floats as 0 in fixed notation instead of switching to scientific. Default false. */
  suppress: boolean;
}

const options: PrintOptions = {
  precision: DEFAULT_PRECISION,
  threshold: DEFAULT_THRESHOLD,
  edgeitems: DEFAULT_EDGEITEMS,
  linewidth: DEFAULT_LINEWIDTH,
  suppress: DEFAULT_SUPPRESS,
};

function checkOptions(o: Partial<PrintOptions>): void {
  for (const key of ["precision", "edgeitems", "linewidth"] as const) {
    const v = o[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new ValueError(`${key} must be a non-negative integer, got ${v}`);
  }
  if (o.threshold !== undefined && (Number.isNaN(o.threshold) || typeof o.threshold !== "number")) {
    throw new ValueError("threshold must be non-NAN, try Infinity for untruncated representation");
  }
}

/**
 * Sets how arrays print from now on, as `np.set_printoptions(...)`; options left out keep their value.
 *
 * @param opts - any of `precision` (8), `threshold` (1000), `edgeitems` (3), `linewidth` (75), `suppress` (false).
 * @throws ValueError for a negative or non-integer count, or a NaN threshold.
 * @example np.set_printoptions({ precision: 3, suppress: true })
 */
export function set_printoptions(opts: Partial<PrintOptions>): void {
  checkOptions(opts);
  for (const key of Object.keys(options) as (keyof PrintOptions)[]) {
    if (opts[key] !== undefined) (options[key] as PrintOptions[typeof key]) = opts[key] as never;
  }
}

/** The current print options, as `np.get_printoptions()` (a copy). */
export function get_printoptions(): PrintOptions {
  return { ...options };
}

// ---------------------------------------------------------------------------------------------
// Float digits: what numpy's Dragon4 produces (unique shortest digits, or exact rounding at a cutoff)

/** A non-negative decimal d1.d2d3... × 10^exp, with no trailing zeros in `digits` (except "0"). */
interface Decimal {
  digits: string;
  exp: number;
}

/**
 * The shortest digits that read back as `v` (v >= 0) in its dtype: numpy's "unique" digits.
 * Of two equally near candidates numpy (Dragon4) takes the even last digit, as exact rounding does.
 */
function shortestDigits(v: number, dtype: DType): Decimal {
  const [mantissa, exp] = v.toExponential().split("e"); // shortest round-trip digits for a float64
  const estimate = Number(exp);
  if (v === 0) return { digits: "0", exp: 0 };
  if (dtype === "float32") {
    for (let sig = 1; sig < 9; sig++) {
      const d = roundSignificant(v, sig, estimate);
      if (Math.fround(Number(`${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`)) === v) return d;
    }
    return roundSignificant(v, 9, estimate);
  }
  return roundSignificant(v, mantissa.replace(".", "").length, estimate);
}

const bits = new DataView(new ArrayBuffer(8));

/** round(v * 10^k), v >= 0 finite, exactly, ties to even: numpy's rounding at a digit cutoff. */
function roundScaled(v: number, k: number): bigint {
  bits.setFloat64(0, v);
  const hi = bits.getUint32(0);
  const biased = hi >>> 20;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(bits.getUint32(4));
  if (biased !== 0) mant |= 1n << 52n;
  const e2 = (biased === 0 ? 1 : biased) - 1075; // v = mant * 2^e2 exactly
  let num = e2 >= 0 ? mant << BigInt(e2) : mant;
  let den = e2 >= 0 ? 1n : 1n << BigInt(-e2);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
}

/** The digits of v (>= 0) rounded to `sig` significant digits (sig >= 1), as d1.d2... × 10^exp. */
function roundSignificant(v: number, sig: number, estimate: number): Decimal {
  let exp = estimate;
  for (;;) {
    const q = roundScaled(v, sig - 1 - exp).toString();
    if (q.length > sig) exp++;
    else if (q.length < sig && v !== 0) exp--;
    else return { digits: q.replace(/(?<=.)0+$/, ""), exp };
  }
}

/** Splits a number's decimal into sign, integer digits and fraction digits (no trailing zeros). */
function positionalParts(x: number, precision: number, dtype: DType): { sign: string; int: string; frac: string } {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const v = Math.abs(x);
  const d = shortestDigits(v, dtype);
  if (d.digits.length - 1 - d.exp <= precision) {
    if (d.exp >= 0) {
      const int = d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, "0");
      return { sign, int, frac: d.digits.slice(d.exp + 1) };
    }
    return { sign, int: "0", frac: "0".repeat(-d.exp - 1) + (d.digits === "0" ? "" : d.digits) };
  }
  const q = roundScaled(v, precision).toString().padStart(precision + 1, "0");
  return { sign, int: q.slice(0, q.length - precision), frac: q.slice(q.length - precision).replace(/0+$/, "") };
}

/** numpy's `dragon4_positional(x, precision, unique=True, fractional=True, trim='.')` with padding. */
function formatPositional(x: number, dtype: DType, precision: number, padLeft = 0, padRight = 0): string {
  const { sign, int, frac } = positionalParts(x, precision, dtype);
  return (sign + int).padStart(padLeft) + "." + frac.padEnd(padRight);
}

/** numpy's `dragon4_scientific(x, precision, unique=True, trim)`: mantissa digits and exponent. */
function formatScientific(x: number, dtype: DType, precision: number, minDigits = 0, padLeft = 0, expDigits = 2): string {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const v = Math.abs(x);
  let d = shortestDigits(v, dtype);
  const fracLength = d.digits.length - 1;
  // Too many digits: round the exact value at `precision`. Too few for `minDigits`: numpy prints
  // more true digits of the exact value (not zeros), which matters for float32.
  // (the exponent estimate is the exact value's: float32 1e-8 is 9.99999994e-09, whose shortest digits say 1e-08)
  const trueExp = v === 0 ? 0 : Number(v.toExponential().split("e")[1]);
  if (fracLength > precision) d = roundSignificant(v, precision + 1, trueExp);
  else if (fracLength < minDigits) d = roundSignificant(v, minDigits + 1, trueExp);
  const frac = d.digits.slice(1).padEnd(minDigits, "0");
  const expSign = d.exp < 0 ? "-" : "+";
  const expStr = String(Math.abs(d.exp)).padStart(Math.max(expDigits, 2), "0");
  return (sign + d.digits[0]).padStart(padLeft) + "." + frac + "e" + expSign + expStr;
}

// ---------------------------------------------------------------------------------------------
// Element formatters, fitted to the elements an array shows (numpy's FloatingFormat, IntegerFormat, BoolFormat)

type Formatter = (x: number) => string;

/** The length of the longest string (a loop: spreading a huge array into Math.max overflows the stack). */
function maxLength(strings: string[]): number {
  let n = 0;
  for (const s of strings) n = Math.max(n, s.length);
  return n;
}

/** numpy's FloatingFormat (floatmode 'maxprec', sign '-'): one width and notation for all elements. */
function floatFormatter(values: number[], dtype: DType, precision: number, suppress: boolean): Formatter {
  const finite = values.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  // numpy compares in the array's dtype: for float32 the thresholds and the ratio are float32 too.
  const cast = dtype === "float32" ? Math.fround : (v: number) => v;
  // numpy >= 2.3 switches to scientific from 10**min(8, decimal digits of the dtype): 1e6 for float32.
  const expAbove = dtype === "float32" ? EXP_ABOVE_FLOAT32 : EXP_ABOVE;
  let expFormat = false;
  if (nonZero.length > 0) {
    const maxVal = nonZero.reduce((m, v) => (v > m ? v : m));
    const minVal = nonZero.reduce((m, v) => (v < m ? v : m));
    expFormat = maxVal >= expAbove || (!suppress && (minVal < cast(EXP_BELOW) || cast(maxVal / minVal) > cast(EXP_RATIO)));
  }
  // The formatters below read padLeft when called, after the widening for nan/inf further down.
  let padLeft = 0;
  let padRight = 0;
  let format: Formatter;
  if (finite.length === 0) {
    format = (x) => formatPositional(x, dtype, precision);
  } else if (expFormat) {
    const parts = finite.map((x) => /^(.*)\.(.*)e(.*)$/.exec(formatScientific(x, dtype, precision)) as RegExpExecArray);
    const expSize = maxLength(parts.map((p) => p[3])) - 1;
    const digits = maxLength(parts.map((p) => p[2]));
    padLeft = maxLength(parts.map((p) => p[1]));
    padRight = expSize + 2 + digits;
    format = (x) => formatScientific(x, dtype, digits, digits, padLeft, expSize);
  } else {
    const parts = finite.map((x) => positionalParts(x, precision, dtype));
    padLeft = maxLength(parts.map((p) => p.sign + p.int));
    padRight = maxLength(parts.map((p) => p.frac));
    format = (x) => formatPositional(x, dtype, precision, padLeft, padRight);
  }
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, NAN_STR.length - offset, INF_STR.length + negInf - offset);
  }
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isFinite(x)) return format(x);
    const s = Number.isNaN(x) ? NAN_STR : (x < 0 ? "-" : "") + INF_STR;
    return s.padStart(width);
  };
}

/** numpy's IntegerFormat: right-aligned to the widest of max and min; whole numbers without exponent (2**62 as 4611686018427387904). */
function integerFormatter(values: number[]): Formatter {
  let width = 0;
  if (values.length > 0) {
    const max = values.reduce((m, v) => (v > m ? v : m));
    const min = values.reduce((m, v) => (v < m ? v : m));
    width = Math.max(intText(max).length, intText(min).length);
  }
  return (x) => intText(x).padStart(width);
}

/** numpy's BoolFormat: " True" lines up with "False", except in a 0-d array. */
function boolFormatter(zeroDim: boolean): Formatter {
  const trueStr = zeroDim ? "True" : " True";
  return (x) => (x ? trueStr : "False");
}

function formatterFor(a: NDArray, shown: number[], precision: number, suppress: boolean): Formatter {
  switch (a.dtype) {
    case "bool":
      return boolFormatter(a.ndim === 0);
    case "float64":
    case "float32":
      return floatFormatter(shown, a.dtype, precision, suppress);
    default:
      return integerFormatter(shown);
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: numpy's _formatArray (nested brackets, line wrapping, summarisation)

/** Appends `word` to `line`, first moving to a new line when it would pass `width` (numpy's _extendLine). */
function extendLine(s: string, line: string, word: string, width: number, nextLinePrefix: string): [string, string] {
  // Wrapping does not help when the line holds nothing but its indent.
  if (line.length + word.length > width && line.length > nextLinePrefix.length) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/** The elements an array shows: all of them, or with `edge` items at each end of every long axis. */
function shownValues(a: NDArray, summarise: boolean, edge: number): number[] {
  const out: number[] = [];
  const index: number[] = [];
  const visit = (axis: number): void => {
    if (axis === a.ndim) {
      out.push(a.get(...index));
      return;
    }
    const n = a.shape[axis];
    const skip = summarise && n > 2 * edge;
    for (let i = 0; i < n; i++) {
      if (skip && i === edge) i = n - edge;
      index[axis] = i;
      visit(axis + 1);
    }
    index.length = axis;
  };
  visit(0);
  return out;
}

interface LayoutOptions {
  linewidth: number;
  separator: string;
  edgeitems: number;
  summarise: boolean;
  nextLinePrefix: string;
}

function layout(a: NDArray, format: Formatter, o: LayoutOptions): string {
  const { separator, edgeitems } = o;
  const sepTrimmed = separator.trimEnd();
  const recurse = (index: number[], hangingIndent: string, currWidth: number): string => {
    const axis = index.length;
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return format(a.get(...index));
    const nextHanging = hangingIndent + " ";
    const nextWidth = currWidth - "]".length;
    const n = a.shape[axis];
    const showSummary = o.summarise && 2 * edgeitems < n;
    const leading = showSummary ? edgeitems : 0;
    const trailing = showSummary ? edgeitems : n;
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrimmed.length, "]".length);
      let line = hangingIndent;
      const add = (word: string, width: number): void => {
        [s, line] = extendLine(s, line, word, width, hangingIndent);
      };
      for (let i = 0; i < leading; i++) {
        add(recurse([...index, i], nextHanging, nextWidth), elemWidth);
        line += separator;
      }
      if (showSummary) {
        add(SUMMARY_INSERT, elemWidth);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        add(recurse([...index, -i], nextHanging, nextWidth), elemWidth);
        line += separator;
      }
      add(recurse([...index, -1], nextHanging, nextWidth), elemWidth);
      s += line;
    } else {
      const lineSep = sepTrimmed + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + recurse([...index, i], nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hangingIndent + SUMMARY_INSERT + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + recurse([...index, -i], nextHanging, nextWidth) + lineSep;
      s += hangingIndent + recurse([...index, -1], nextHanging, nextWidth);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse([], o.nextLinePrefix, o.linewidth);
}

/** Options of {@link array2string}: the print options for this call, and the text around the array. */
export interface Array2StringOptions extends Partial<Omit<PrintOptions, "linewidth" | "suppress">> {
  /** Characters per line (default: the print option `linewidth`). */
  max_line_width?: number;
  /** As the print option `suppress`. */
  suppress_small?: boolean;
  /** Between elements (default " "). */
  separator?: string;
  /** Text that will stand before the array: continuation lines are indented by its length. */
  prefix?: string;
  /** Text that will follow the array: the last line leaves room for it. */
  suffix?: string;
}

/**
 * The elements of an array as numpy's `np.array2string` writes them: nested brackets, one
 * notation and width for all elements, wrapped lines, and "..." for the middle of long axes.
 *
 * @param a - any NDArray.
 * @param opts - `max_line_width`, `precision`, `suppress_small`, `separator` (" "), `prefix`,
 *   `suffix`, `threshold`, `edgeitems`; unset ones come from {@link set_printoptions}.
 * @returns the text, e.g. `[[1.  2.5]\n [3.  4. ]]`.
 * @example np.array2string(a, { separator: ", " })
 */
export function array2string(a: NDArray, opts: Array2StringOptions = {}): string {
  const o = {
    precision: opts.precision ?? options.precision,
    threshold: opts.threshold ?? options.threshold,
    edgeitems: opts.edgeitems ?? options.edgeitems,
    linewidth: opts.max_line_width ?? options.linewidth,
    suppress: opts.suppress_small ?? options.suppress,
  };
  checkOptions(o);
  const separator = opts.separator ?? " ";
  const prefix = opts.prefix ?? "";
  const suffix = opts.suffix ?? "";
  if (a.size === 0) return "[]";
  const summarise = a.size > o.threshold;
  const shown = shownValues(a, summarise, o.edgeitems);
  const format = formatterFor(a, shown, o.precision, o.suppress);
  return layout(a, format, {
    linewidth: o.linewidth - suffix.length,
    separator,
    edgeitems: o.edgeitems,
    summarise,
    nextLinePrefix: " " + " ".repeat(prefix.length),
  });
}

/** Dtypes numpy's repr leaves unsaid, since an array literal of such values gets them by default. */
const IMPLIED_DTYPES: readonly DType[] = ["float64", "int64", "bool"];

/**
 * numpy's repr of an array, as `np.array_repr(a)` (and `String(a)`, `util.inspect(a)`, tslab):
 * `array([[ 1.62434536, -0.61175641],\n       [-0.52817175, -1.07296862]])`, with `dtype=` when
 * the dtype is not float64/int64/bool and `shape=` when the elements do not show it.
 *
 * @param a - any NDArray.
 * @param opts - `max_line_width`, `precision`, `suppress_small` for this call.
 * @returns the repr text.
 */
export function array_repr(a: NDArray, opts: Pick<Array2StringOptions, "max_line_width" | "precision" | "suppress_small"> = {}): string {
  const prefix = "array(";
  const lineWidth = opts.max_line_width ?? options.linewidth;
  const body = array2string(a, { ...opts, separator: ", ", prefix, suffix: ")" });
  const extras: string[] = [];
  const size = a.size;
  if ((size === 0 && !(a.ndim === 1)) || size > options.threshold) extras.push(`shape=${formatTuple(a.shape)}`);
  if (!IMPLIED_DTYPES.includes(a.dtype) || size === 0) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return prefix + body + ")";
  const arrStr = prefix + body + ",";
  const extraStr = extras.join(", ") + ")";
  const lastLineLength = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLength + extraStr.length + 1 > lineWidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + extraStr;
}

/** A float as Python's `repr` writes it (numpy's float32 scalar str): shortest digits, `1.0`, `1e-05`, `1e+16`. */
function pythonFloat(x: number, dtype: DType): string {
  if (Number.isNaN(x)) return NAN_STR;
  if (!Number.isFinite(x)) return (x < 0 ? "-" : "") + INF_STR;
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const d = shortestDigits(Math.abs(x), dtype);
  // numpy's float32 scalars print positionally for 1e-4 <= |x| < 1e6 (by value), float64 as Python's repr
  const ax = Math.abs(x);
  if (dtype === "float32" ? ax === 0 || (ax >= 1e-4 && ax < 1e6) : d.exp >= -4 && d.exp < 16) {
    const p = positionalParts(Math.abs(x), Infinity, dtype);
    return sign + p.int + "." + (p.frac || "0");
  }
  const mantissa = d.digits.length > 1 ? d.digits[0] + "." + d.digits.slice(1) : d.digits;
  return `${sign}${mantissa}e${d.exp < 0 ? "-" : "+"}${String(Math.abs(d.exp)).padStart(2, "0")}`;
}

/**
 * numpy's str of an array, as `np.array_str(a)`: `[[1. 2.]\n [3. 4.]]`; a 0-d array prints as
 * its scalar (`1.5`, `3`, `True`).
 *
 * @param a - any NDArray.
 * @param opts - `max_line_width`, `precision`, `suppress_small` for this call.
 * @returns the str text.
 */
export function array_str(a: NDArray, opts: Pick<Array2StringOptions, "max_line_width" | "precision" | "suppress_small"> = {}): string {
  if (a.ndim === 0) {
    const x = a.item();
    if (a.dtype === "bool") return x ? "True" : "False";
    return a.dtype === "float64" || a.dtype === "float32" ? pythonFloat(x, a.dtype) : String(x);
  }
  return array2string(a, { ...opts, separator: " ", prefix: "" });
}

/** numpy's repr of an array (what `NDArray.toString` and `util.inspect` show). */
export function formatArray(a: NDArray): string {
  return array_repr(a);
}
