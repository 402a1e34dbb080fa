/**
 * Hand-written `exp`, `log` and `tanh` for float64 arrays.
 *
 * Why hand-written: V8's `Math.exp`, `Math.log` and `Math.tanh` are calls into C++ builtins that
 * the JIT cannot inline, so a loop over 1,600 elements pays a call per element and runs about 4x
 * slower than numpy's SIMD kernels. The same algorithms written in plain JavaScript arithmetic are
 * inlined into the array loop by TurboFan and come within reach of numpy.
 *
 * Accuracy: `exp` uses a 64-entry table of powers of two and a short polynomial (the approach of
 * today's C libraries), `log` follows fdlibm, `tanh` splits as Cephes does (a rational
 * approximation below 0.625, `(e**2x - 1)/(e**2x + 1)` above). All three stay within 1 ulp of the
 * exact value; test/np-fastmath.test.ts checks them against exact values and numpy's over wide
 * ranges.
 *
 * Arrays: lib/np/wasm/math.ts runs the same algorithms, operation for operation, as WebAssembly SIMD
 * (two lanes at a time, the same bits: test/np-wasm.test.ts) and falls back to these functions where
 * WebAssembly SIMD is missing, for short arrays and for the lanes outside its fast range. Edit both
 * (lib/np/wasm/math.wat quotes each line it computes) or neither.
 * @module
 */

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** Adding then subtracting 1.5 * 2**52 rounds a double to the nearest integer (ties to even). */
const ROUND_SHIFT = 6755399441055744.0;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;

/** 2**k for k in [-1074, 1023], at POW2[k + 1074]: scaling by a table entry is one exact multiply. */
const POW2 = new Float64Array(2098);
{
  let p = 1;
  for (let k = 0; k <= 1023; k++, p *= 2) POW2[k + 1074] = p;
  p = 1;
  for (let k = 0; k >= -1074; k--, p /= 2) POW2[k + 1074] = p;
}

/**
 * 2**(j/64) for j = 0..63 as a double (EXP_HI) plus the rest (EXP_LO), so that HI + LO holds it to
 * about 2**-105. Made with Python's decimal module at 50 digits:
 * `v = Decimal(2) ** (Decimal(j) / 64); hi = float(v); lo = float(v - Decimal(hi))`.
 */
export const EXP_HI = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284, 1.0442737824274138,
  1.0556451783605572, 1.0671404006768237, 1.0787607977571199, 1.0905077326652577,
  1.102382583307841, 1.1143867425958924, 1.1265216186082418, 1.1387886347566916,
  1.1511892299529827, 1.1637248587775775, 1.1763969916502812, 1.189207115002721, 1.202156731452703,
  1.215247359980469, 1.22848053610687, 1.241857812073484, 1.255380757024691, 1.2690509571917332,
  1.2828700160787783, 1.2968395546510096, 1.3109612115247644, 1.3252366431597413,
  1.339667524053303, 1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
  1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647, 1.4768261459394993,
  1.4929077282912648, 1.5091644275934228, 1.5255981507445384, 1.5422108254079407,
  1.559004400237837, 1.5759808451078865, 1.593142151342267, 1.6104903319492543, 1.6280274218573478,
  1.645755478153965, 1.6636765803267364, 1.681792830507429, 1.7001063537185235, 1.718619298122478,
  1.7373338352737062, 1.7562521603732995, 1.7753764925265212, 1.7947090750031072,
  1.8142521755003989, 1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
  1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);
/** The rest of 2**(j/64) beyond EXP_HI[j] (see EXP_HI). */
export const EXP_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18,
  8.551889705537965e-17, 1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17,
  -3.046782079812471e-17, 5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17,
  8.912812676025408e-17, 3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17,
  3.982015231465646e-17, 6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17,
  4.658027591836937e-17, -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17,
  2.5382502794888315e-17, -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17,
  7.70094837980299e-17, 9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17,
  -9.667293313452913e-17, -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17,
  -3.483994556892796e-17, 1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16,
  7.949834809697621e-17, 3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16,
  2.4707192569797888e-17, -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17,
  8.199010020581497e-17, -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17,
  2.960140695448873e-17, 6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17,
  3.283107224245627e-17, 9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17,
  -1.0619946056195963e-16, 1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);
/** 64/ln 2, and ln2/64 split so that k * L64_HI is exact for |k| < 2**20. */
const INV_LN2_64 = 92.33248261689366;
const L64_HI = 0.010830417275428772;
const L64_LO = 7.420820373486988e-9;

/**
 * e**x by a table of 64 powers of two: x = (64e + j) ln2/64 + r with |r| <= ln2/128, then
 * e**x = 2**e * 2**(j/64) * e**r, e**r - 1 by its Taylor polynomial to r**6 (truncation below
 * 2**-64), added to the table value in two parts. No division; within 1 ulp, and correctly
 * rounded in all but a few cases in a thousand.
 */
export function exp(x: number): number {
  if (!(x <= EXP_OVERFLOW)) return x !== x ? x : Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const k = x * INV_LN2_64 + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - k * L64_HI - k * L64_LO;
  const ki = k | 0;
  const j = ki & 63;
  const e = ki >> 6;
  const p = r + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720)))));
  const th = EXP_HI[j];
  const y = th + (EXP_LO[j] + th * p);
  if (e > -1022 && e < 1024) return y * POW2[e + 1074];
  // Results near overflow or in the subnormal range: scale in two steps.
  return e > 0 ? y * 2 * POW2[e - 1 + 1074] : y * POW2[e + 1000 + 1074] * POW2[-1000 + 1074];
}

/** Scratch words for reading and writing the bits of a double. */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign, exponent) word: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * The natural logarithm, fdlibm's algorithm: x = 2**k (1+f) with sqrt(2)/2 < 1+f < sqrt(2),
 * s = f/(2+f), log(1+f) = f - s(f - R(s**2)). Error below 1 ulp.
 */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) {
    if (x === 0) return -Infinity;
    return x === Infinity ? x : NaN;
  }
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    k = -54;
    x *= TWO54; // subnormal: scale up
  }
  // Read the exponent from the high word; scale x by 2**-k with an exact multiply (writing the
  // word back and re-reading the double would defeat the CPU's store forwarding).
  F64[0] = x;
  const hw = U32[HI];
  const hx = hw & 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000; // mantissa >= sqrt(2): take one more power of two
  const e = (hw >>> 20) - 1023 + (i >>> 20);
  k += e;
  const f = x * POW2[1074 - e] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    // 1+f far from 1: subtract half of f**2 separately for accuracy
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

const TP0 = -9.64399179425052238628e-1;
const TP1 = -9.92877231001918586564e1;
const TP2 = -1.61468768441708447952e3;
const TQ0 = 1.12811678491632931402e2;
const TQ1 = 2.23548839060100448583e3;
const TQ2 = 4.84406305325125486048e3;

/**
 * The hyperbolic tangent: for |x| < 0.625 Cephes' rational approximation x + x**3 P(x**2)/Q(x**2);
 * above it (E - 1)/(E + 1) with E = e**(2|x|) from `exp` (E - 1 is exact there, so the only
 * roundings are E's, E + 1's and the division's). Within 1 ulp; the sign is restored.
 */
export function tanh(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax >= 0.625) {
    if (ax > 22) return x > 0 ? 1 : -1; // tanh(22) rounds to 1
    const E = exp(ax + ax);
    const z = (E - 1) / (E + 1);
    return x < 0 ? -z : z;
  }
  if (x !== x || x === 0) return x;
  const z = x * x;
  return x + (x * z * ((TP0 * z + TP1) * z + TP2)) / (((z + TQ0) * z + TQ1) * z + TQ2);
}

/**
 * The module constants that `exp`, `log` and `tanh` read, by name: the worker threads of
 * parallel/ rebuild the three functions from their source text (`String(exp)`) with these values
 * in scope, so that they run the same code as this module (parallel/pool.ts checks their bits).
 * A constant added to the three functions must be added here.
 */
export const FASTMATH_SCOPE = {
  LN2_HI, LN2_LO, ROUND_SHIFT, EXP_OVERFLOW, EXP_UNDERFLOW, POW2, EXP_HI, EXP_LO, INV_LN2_64, L64_HI, L64_LO,
  F64, U32, HI, TWO54, LG1, LG2, LG3, LG4, LG5, LG6, LG7, TP0, TP1, TP2, TQ0, TQ1, TQ2,
};
