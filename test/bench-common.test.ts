/**
 * bench/common.ts's paired numpy side (`startNumpy`): a python3 child that stays up and times one call
 * of the script's `work()` per `run()`, so that a bench can alternate its own runs with numpy's
 * (bench/np-training). Plain Python here (no numpy needed): the replies come in order with their
 * timings and results, and a script that fails gives an error, not a hang.
 */
import test from "ava";
import { startNumpy, timeOnce } from "../bench/common.js";

test("startNumpy: one timed call of work() per run(), in order, with its result", async (t) => {
  const side = startNumpy<{ call: number; data: number }>(
    `import json, sys\nd = json.load(open(sys.argv[1]))\ncalls = [0]\ndef work():\n    calls[0] += 1\n    sum(range(20000))\n    return {"call": calls[0], "data": d["k"]}\n`,
    { k: 7 },
  );
  try {
    const first = await side.run();
    const second = await side.run();
    t.deepEqual([first.result, second.result], [{ call: 1, data: 7 }, { call: 2, data: 7 }]);
    for (const r of [first, second]) {
      t.true(r.wall > 0 && r.wall < 10, `wall ${r.wall}`);
      t.true(r.cpu >= 0 && r.cpu < 10, `cpu ${r.cpu}`);
    }
  } finally {
    side.close();
  }
});

test("startNumpy: a script that fails is an error from run()", async (t) => {
  const side = startNumpy("raise SystemExit('no numpy here')\n", {});
  await t.throwsAsync(() => side.run(), { message: /the numpy side stopped/ });
  side.close();
});

test("timeOnce: the call runs once and its seconds are measured", (t) => {
  let calls = 0;
  const one = timeOnce(() => {
    calls++;
    const end = Date.now() + 20;
    while (Date.now() < end);
  });
  t.is(calls, 1);
  t.true(one.wall >= 0.015 && one.wall < 5, `wall ${one.wall}`);
  t.true(one.cpu > 0, `cpu ${one.cpu}`);
});
