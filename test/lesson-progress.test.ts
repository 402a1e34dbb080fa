import test from "ava";
import { Writable } from "node:stream";
import { trainingProgress } from "../lib/lesson/progress.js";
import { loadPlanarDataset } from "../lib/lesson/dataset.js";
import { nnModel } from "../lib/lesson/train.js";

/** A stream that records what is written, posing as a terminal when asked to. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const w = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  }) as unknown as NodeJS.WriteStream & Record<string, unknown>;
  Object.assign(w, {
    isTTY,
    columns: 120,
    cursorTo: (_x: number, _y?: unknown, cb?: () => void) => (cb?.(), true),
    moveCursor: (_dx: number, _dy: number, cb?: () => void) => (cb?.(), true),
    clearLine: (_dir: number, cb?: () => void) => (cb?.(), true),
    clearScreenDown: (cb?: () => void) => (cb?.(), true),
  });
  return { stream: w, text: () => text };
}

test("trainingProgress draws nothing off a terminal and prints lines plainly", (t) => {
  const { stream, text } = fakeStream(false);
  const bar = trainingProgress(100, { stream });
  t.false(bar.active);
  bar.onCost(0, 1.5);
  bar.print("Cost after iteration 0: 1.500000");
  bar.stop();
  t.is(text(), "Cost after iteration 0: 1.500000\n");
});

test("trainingProgress on a terminal shows the iteration and the current cost while nnModel trains", (t) => {
  const { stream, text } = fakeStream(true);
  const bar = trainingProgress(2000, { stream, label: "as written" });
  t.true(bar.active);
  const { X, Y } = loadPlanarDataset();
  nnModel(X, Y, 4, { numIterations: 2000, gradient: "as-written", printCost: true, print: bar.print, onCost: bar.onCost, costEvery: 10 });
  bar.stop();
  const out = text();
  t.regex(out, /as written \[.*\] \d+% \| iteration \d+\/2000 \| cost \d\.\d{6} \| ETA/);
  t.true(out.includes("Cost after iteration 0: 1.127380"));
  t.true(out.includes("Cost after iteration 1000: 0.289172"));
});
