/** The few functions of ndarray-ops (no published types) that test/package/ndarray-ops.test.ts hands np's views to. */
declare module "ndarray-ops" {
  import type { NdArray } from "ndarray";
  export function assign(out: NdArray, a: NdArray): NdArray;
  export function assigns(out: NdArray, s: number): NdArray;
  export function add(out: NdArray, a: NdArray, b: NdArray): NdArray;
  export function addeq(out: NdArray, a: NdArray): NdArray;
  export function mulseq(out: NdArray, s: number): NdArray;
  export function expeq(out: NdArray): NdArray;
  export function sum(a: NdArray): number;
  export function sup(a: NdArray): number;
  export function argmin(a: NdArray): number[];
  export function equals(a: NdArray, b: NdArray): boolean;
}
