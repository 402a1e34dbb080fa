// (b) CommonJS: require() of the package (Node's require(esm), Node >= 20.19) and of its subpaths.
const assert = require("node:assert/strict");
const lib = require("dl-lesson2-ts");
const { np } = require("dl-lesson2-ts/np") ;
const web = require("dl-lesson2-ts/web");

assert.equal(lib.np.NDArray, np.NDArray, "one copy of np behind every entry");
assert.equal(web.nnModel, lib.nnModel);
const Z = np.dot(np.array([[1, 2], [3, 4]]), np.array([[5], [6]]));
assert.deepEqual(np.tolist(Z), [[17], [39]]);
assert.equal(typeof lib.plot.saveFigure, "function");
assert.equal(typeof lib.nvidiaSmi, "function");
assert.equal(require("dl-lesson2-ts/package.json").name, "dl-lesson2-ts");
console.log(`package: (b) CommonJS require: np.dot gives ${JSON.stringify(np.tolist(Z))}, subpaths np, web and package.json resolve`);
