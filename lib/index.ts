/**
 * The public entry: `np` (the numpy-like array layer) and the lesson.
 * @module
 */
export * as np from "./np/index.js";
export * from "./notebook/index.js";
