/**
 * lib/plot/ticks.ts, plotly.js's automatic ticks for the static pictures. test/browser/static-figures.browser.ts
 * compares them with plotly.js itself; these are the properties a reader relies on.
 */
import test from "ava";
import fc from "fast-check";
import { autoRange, autoTicks } from "../lib/plot/ticks.js";

test("log axis over several decades: a tick at every decade inside the range, digits between them", (t) => {
  t.notThrows(() => fc.assert(
    fc.property(fc.double({ min: -6, max: 2, noNaN: true }), fc.double({ min: 1.2, max: 4, noNaN: true }), (lo, span) => {
      const ticks = autoTicks([lo, lo + span], 335, "y", true);
      const decades = ticks.filter((k) => !k.minor).map((k) => Math.round(k.at));
      for (let e = Math.ceil(lo); e <= Math.floor(lo + span); e++) if (!decades.includes(e)) return false;
      const eps = span * 1e-3; // plotly.js widens the range by 1e-4 of the span before placing ticks
      return ticks.some((k) => k.minor) && ticks.every((k) => k.at >= lo - eps && k.at <= lo + span + eps);
    }),
  )); // the error names the counterexample
});

test("log axis inside one decade: several labelled ticks, not one", (t) => {
  const ticks = autoTicks([Math.log10(0.18), Math.log10(0.95)], 335, "y", true);
  t.true(ticks.length >= 5, ticks.map((k) => k.label).join(" "));
  t.true(ticks.every((k) => Math.abs(Math.pow(10, k.at) - Number(k.label)) < 1e-9), "labels are the values");
});

test("linear axis: evenly spaced, labels the values with a real minus sign, thousands as k", (t) => {
  t.notThrows(() => fc.assert(
    fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 1e3, noNaN: true }), (lo, span) => {
      const ticks = autoTicks([lo, lo + span], 600, "x", false);
      if (ticks.length < 2) return false;
      const step = ticks[1].at - ticks[0].at;
      return ticks.every((k, i) => Math.abs(k.at - ticks[0].at - i * step) < step * 1e-6 && !k.label.includes("-"));
    }),
  ));
  t.deepEqual(autoTicks([0, 9900], 470, "x", false).map((k) => k.label).slice(0, 3), ["0", "2k", "4k"]);
});

test("autoRange: padded ends fit the axis; equal values get ±1", (t) => {
  const [a, b] = autoRange([{ val: 0, pad: 30 }], [{ val: 10, pad: 30 }], 300);
  t.true(Math.abs((0 - a) / (b - a) * 300 - 30) < 1e-9);
  t.true(Math.abs((b - 10) / (b - a) * 300 - 30) < 1e-9);
  t.deepEqual(autoRange([{ val: 2, pad: 5 }], [{ val: 2, pad: 5 }], 300), [1, 3]);
});
