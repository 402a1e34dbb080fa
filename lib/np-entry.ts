/**
 * The entry `dl-lesson2-ts/np`: the array layer alone (np and scijs ndarray, nothing else), for
 * `import { np } from "dl-lesson2-ts/np"` as from the main entry, or its functions by name
 * (`import { zeros, dot } from "dl-lesson2-ts/np"`).
 * @module
 */
export * as np from "./np/index.js";
export * from "./np/index.js";
