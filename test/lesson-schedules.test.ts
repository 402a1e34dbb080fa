import test from "ava";
import {
  constantSchedule, cosineSchedule, exponentialSchedule, inverseTimeSchedule, stepSchedule,
} from "../lib/lesson/schedules.js";
import { formatFixed, formatInt } from "../lib/lesson/format.js";
import { loadFixture } from "./support/fixtures.js";
import { decodeFloat } from "./support/floats.js";

test("constantSchedule gives α0 at every iteration", (t) => {
  const s = constantSchedule(1.2);
  t.is(s(0), 1.2);
  t.is(s(9999), 1.2);
  t.is(s.label, "constant(1.2)");
});

test("stepSchedule halves every `every` iterations", (t) => {
  const s = stepSchedule(1.2, { every: 1000, factor: 0.5 });
  t.is(s(999), 1.2);
  t.is(s(1000), 0.6);
  t.is(s(2500), 0.3);
});

test("exponentialSchedule and inverseTimeSchedule follow their formulas", (t) => {
  t.is(exponentialSchedule(1.2, { k: 1e-4 })(10000), 1.2 * Math.exp(-1));
  t.is(inverseTimeSchedule(1.2, { k: 1e-3 })(1000), 0.6);
  t.is(inverseTimeSchedule(1.2, { k: 0 })(1000), 1.2);
});

test("cosineSchedule falls from α0 to αmin over `total` and stays there", (t) => {
  const s = cosineSchedule(1.2, { total: 10000, alphaMin: 0.2 });
  t.is(s(0), 1.2);
  t.true(Math.abs(s(5000) - 0.7) < 1e-15);
  t.is(s(10000), 0.2);
  t.is(s(20000), 0.2);
  for (let n = 1; n < 10000; n += 997) t.true(s(n) < s(n - 1));
});

test("schedules reject bad parameters and iterations", (t) => {
  t.throws(() => constantSchedule(0), { message: "alpha0 must be a finite number > 0, got 0" });
  t.throws(() => stepSchedule(1, { factor: 2 }), { message: "factor must be in (0, 1], got 2" });
  t.throws(() => stepSchedule(1, { every: 0 }), { message: "every must be an integer >= 1, got 0" });
  t.throws(() => exponentialSchedule(1, { k: -1 }), { message: "k must be a finite number >= 0, got -1" });
  t.throws(() => cosineSchedule(1, { alphaMin: 2 }), { message: "alphaMin (2) must not exceed alpha0 (1)" });
  t.throws(() => constantSchedule(1)(-1), { message: "nIter must be an integer >= 0, got -1" });
});

/** Python's "%.{d}f" and "%d" of each value (scripts/fixtures/py_format.py). */
const pyFormat = loadFixture<{ fixed: { v: number | string; d: number; s: string }[]; int: { v: number; s: string }[] }>("py_format");

test("formatFixed writes every value as Python's %.{d}f does (ties to even, signs, NaN, infinities)", (t) => {
  const wrong = pyFormat.fixed.filter((c) => formatFixed(decodeFloat(c.v), c.d) !== c.s);
  t.true(pyFormat.fixed.length > 500);
  t.deepEqual(wrong.map((c) => `${c.v} (${c.d} digits): ${formatFixed(decodeFloat(c.v), c.d)}, Python ${c.s}`), []);
});

test("formatInt writes every value as Python's %d does (truncation toward zero)", (t) => {
  const wrong = pyFormat.int.filter((c) => formatInt(c.v) !== c.s);
  t.true(pyFormat.int.length > 100);
  t.deepEqual(wrong.map((c) => `${c.v}: ${formatInt(c.v)}, Python ${c.s}`), []);
});
