import test from "ava";
import { np } from "../lib/index.js";

test("NDArray.fromData reshape/transpose keep views and check bounds", (t) => {
  const a = np.NDArray.fromData(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3], "float64");
  t.deepEqual(a.shape, [2, 3]);
  t.is(a.T.get(2, 1), 6);
  t.is(a.reshape(3, 2).get(2, 0), 5);
  t.throws(() => a.get(2, 0), { message: "index 2 is out of bounds for axis 0 with size 2" });
  t.throws(() => a.reshape(4, 2), { message: "cannot reshape array of size 6 into shape (4,2)" });
  t.deepEqual(Array.from(a.T.values()), [1, 4, 2, 5, 3, 6]);
});
