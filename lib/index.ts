/**
 * The public entry: `np` (the numpy-like array layer), the lesson, the figures and the notebook helpers.
 * Everything of `./web.js` (what runs in a web page too), with `plot` widened to the Node-only figure
 * parts and the notebooks' shell helpers added. `dl-lesson2-ts/np` is the array layer alone.
 * @module
 */
export * from "./web.js";
export * as plot from "./plot/index.js";
export * from "./notebook/index.js";
