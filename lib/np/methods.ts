/**
 * Every `NDArray` method that lives outside the class core (lib/np/ndarray.ts): import this module
 * once and every array has them. lib/np/index.ts does, so every user of `np` gets them; see
 * lib/np/methods-attach.ts for why the methods are attached from their own modules.
 * @module
 */
import "./methods-reduce.js";
import "./methods-index.js";
import "./methods-print.js";
import "./methods-operators.js";
