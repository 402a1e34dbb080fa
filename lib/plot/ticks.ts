/**
 * plotly.js's automatic axis ranges and ticks, for the SVG renderer: the same tick values and labels as
 * plotly.js draws for the same spec (linear axes: steps of 1, 2 or 5 times a power of ten, "2k" for
 * thousands; log axes: decades and the digits between them, or linear steps inside one decade).
 * Follows plotly.js 4's `getAutoRange`, `prepTicks`, `autoTicks`, `tickFirst`, `tickIncrement` and
 * `numFormat` for the attributes the figures here use (no dates, categories or tickformat).
 * @module
 */

/** A tick: its value in the axis's linear units (log10 of the data for log axes) and its label. */
export interface Tick {
  /** Position in axis units (for log axes log10 of the value). */
  at: number;
  /** The label, as plotly.js prints it (a real minus sign). */
  label: string;
  /** True for the small digits between decades on log axes (drawn at 0.75 of the font size). */
  minor?: boolean;
}

const MINUS = "\u2212";
const ROUND_BASE10 = [2, 5, 10];
const ROUND_LOG1 = [-0.046, 0, 0.301, 0.477, 0.602, 0.699, 0.778, 0.845, 0.903, 0.954, 1];
const ROUND_LOG2 = [-0.301, 0, 0.301, 0.699, 1];
const SI = ["f", "p", "n", "\u03bc", "m", "", "k", "M", "G", "T"];

/** The first element of a sorted list greater than `v` (plotly's `Lib.roundUp`). */
function roundUp(v: number, list: readonly number[]): number {
  for (const x of list) if (x > v) return x;
  return list[list.length - 1];
}

function mod(v: number, d: number): number {
  const r = v % d;
  return r < 0 ? r + d : r;
}

/** One end of the data on an axis with the padding plotly.js gives it, in pixels. */
export interface Extreme {
  val: number;
  pad: number;
}

/**
 * plotly.js's autorange: the range in which every extreme, with its pixel padding, fits the axis.
 *
 * @param mins - the low ends (value, padding in px), one or more per trace.
 * @param maxs - the high ends.
 * @param length - the axis length in px.
 * @returns [lo, hi] in axis units; [min - 1, max + 1] when all values are equal, [0, 1] without data.
 */
export function autoRange(mins: readonly Extreme[], maxs: readonly Extreme[], length: number): [number, number] {
  if (!mins.length || !maxs.length) return [0, 1];
  const lo = Math.min(...mins.map((p) => p.val));
  const hi = Math.max(...maxs.map((p) => p.val));
  if (lo === hi) return [lo - 1, hi + 1];
  let best = 0;
  let a: Extreme = mins[0];
  let b: Extreme = maxs[0];
  for (const p of mins) {
    for (const q of maxs) {
      const dv = q.val - p.val;
      if (dv <= 0) continue;
      const dp = length - p.pad - q.pad;
      if (dp > length / 10) {
        if (dv / dp > best) [best, a, b] = [dv / dp, p, q];
      } else if (dv / length > best) {
        [best, a, b] = [dv / length, { val: p.val, pad: 0 }, { val: q.val, pad: 0 }];
      }
    }
  }
  const m = (b.val - a.val) / (length - a.pad - b.pad);
  return [a.val - m * a.pad, b.val + m * b.pad];
}

/** plotly's tick step: a number, "L<step>" (linear steps on a log axis) or "D1"/"D2" (digits between decades). */
type DTick = number | string;

function autoDTick(log: boolean, r0: number, r1: number, rough: number): DTick {
  const base = (r: number) => Math.pow(10, Math.floor(Math.log(r) / Math.LN10));
  if (!log) return base(rough) * roundUp(rough / base(rough), ROUND_BASE10);
  if (rough > 0.7) return Math.ceil(rough);
  if (Math.abs(r1 - r0) < 1) {
    const nt = (1.5 * Math.abs(r1 - r0)) / rough;
    const r = Math.abs(Math.pow(10, r1) - Math.pow(10, r0)) / nt;
    return "L" + base(r) * roundUp(r / base(r), ROUND_BASE10);
  }
  return rough > 0.3 ? "D2" : "D1";
}

function d3round(v: number, digits: number): number {
  const k = Math.pow(10, digits);
  return Math.round(v * k) / k;
}

function firstTick(dtick: DTick, r0: number): number {
  if (typeof dtick === "number") return Math.ceil(r0 / dtick) * dtick;
  const step = Number(dtick.slice(1));
  if (dtick[0] === "L") return Math.log10(Math.ceil(Math.pow(10, r0) / step) * step);
  const frac = roundUp(mod(r0, 1), dtick === "D2" ? ROUND_LOG2 : ROUND_LOG1);
  return Math.floor(r0) + Math.log10(d3round(Math.pow(10, frac), 1));
}

function nextTick(x: number, dtick: DTick): number {
  if (typeof dtick === "number") return x + dtick;
  if (dtick[0] === "L") return Math.log10(Math.pow(10, x) + Number(dtick.slice(1)));
  const x2 = x + 0.01;
  const frac = roundUp(mod(x2, 1), dtick === "D2" ? ROUND_LOG2 : ROUND_LOG1);
  return Math.floor(x2) + Math.log10(d3round(Math.pow(10, frac), 1));
}

/** plotly's `autoTickRound`: decimals and the SI exponent of the labels. */
function tickRound(dtick: number, maxAbs: number): { round: number; exponent: number } {
  const round = 2 - Math.floor(Math.log(dtick) / Math.LN10 + 0.01);
  const rangeExp = Math.floor(Math.log(maxAbs) / Math.LN10 + 0.01);
  const exponent = Math.abs(rangeExp) > 3 && rangeExp <= 14 && rangeExp >= -15 ? 3 * Math.round((rangeExp - 1) / 3) : 0;
  return { round, exponent };
}

/** plotly's `numFormat` for exponentformat "B" without tickformat. */
function numFormat(v: number, round: number, exponent: number): string {
  let neg = v < 0;
  let a = Math.abs(v);
  let s: string;
  if (a < Math.pow(10, -round) / 2) {
    s = "0";
    neg = false;
  } else {
    if (exponent) {
      a *= Math.pow(10, -exponent);
      round += exponent;
    }
    if (round === 0) s = String(Math.round(a));
    else if (round < 0) {
      const k = Math.pow(10, -round);
      s = String(Math.round(a / k) * k);
    } else s = a.toFixed(Math.min(20, round)).replace(/\.?0+$/, "");
    if (exponent) s += exponent === 9 ? "B" : SI[exponent / 3 + 5];
  }
  return neg ? MINUS + s : s;
}

/** A decade's label on a log axis, as plotly's hover-precision numFormat prints it. */
function decadeLabel(v: number): string {
  const { round, exponent } = tickRound(Math.abs(v) || 1, Math.abs(v) || 1);
  return numFormat(v, round + 4, exponent);
}

/**
 * The ticks plotly.js draws on an axis with automatic ticks.
 *
 * @param range - the axis range in axis units (log10 for log axes), either order.
 * @param length - the axis length in px.
 * @param letter - "x" or "y" (plotly aims at 80 px between x ticks, 40 px between y ticks).
 * @param log - a log axis.
 * @returns the ticks inside the range, in increasing order.
 */
export function autoTicks(range: readonly [number, number], length: number, letter: "x" | "y", log: boolean): Tick[] {
  const r0 = Math.min(range[0], range[1]);
  const r1 = Math.max(range[0], range[1]);
  const nt = Math.min(9, Math.max(4, length / (letter === "y" ? 40 : 80))) + 1;
  const dtick = autoDTick(log, r0, r1, (r1 - r0) / nt);
  const eps = (r1 - r0) * 1e-4;
  let fmt: (x: number) => Tick;
  if (typeof dtick === "number" && !log) {
    const { round, exponent } = tickRound(dtick, Math.max(Math.abs(r0), Math.abs(r1)));
    fmt = (x) => ({ at: x, label: numFormat(x, round, exponent) });
  } else if (typeof dtick === "string" && dtick[0] === "L") {
    const { round, exponent } = tickRound(Number(dtick.slice(1)), Math.max(Math.pow(10, r0), Math.pow(10, r1)));
    fmt = (x) => ({ at: x, label: numFormat(Math.pow(10, x), round, exponent) });
  } else {
    fmt = (x) =>
      typeof dtick === "number" || mod(x + 0.01, 1) < 0.1
        ? { at: x, label: decadeLabel(Math.pow(10, Math.round(x))) }
        : { at: x, label: String(Math.round(Math.pow(10, mod(x, 1)))), minor: true };
  }
  const out: Tick[] = [];
  for (let x = firstTick(dtick, r0 - eps); x <= r1 + eps && out.length < 1000; x = nextTick(x, dtick)) {
    // plotly rounds linear steps to the step's precision before labelling
    const at = typeof dtick === "number" && !log ? Math.round(x / dtick) * dtick : x;
    out.push(fmt(at));
  }
  return out;
}
