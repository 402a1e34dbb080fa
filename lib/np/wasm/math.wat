;; exp, log and tanh over float64 arrays, two lanes at a time (WebAssembly SIMD, f64x2).
;;
;; The algorithms, constants and order of operations are those of lib/np/fastmath.ts, line for line:
;; WebAssembly's f64 arithmetic is IEEE-754 with round-to-nearest and never fuses a multiply and an
;; add, so every lane gives the same bits as the scalar JavaScript function (test/np-wasm.test.ts
;; checks it over wide ranges and the special values). Each comment `;; JS:` quotes the line of
;; fastmath.ts that the instructions below it compute.
;;
;; A pair of lanes outside the range where the vector path equals the scalar one (exp: |x| > 700 or
;; NaN; log: x not a normal number below 2**1022) is computed by the scalar JavaScript functions,
;; imported as "scalar" "exp" / "scalar" "log": one implementation of the edge cases.
;;
;; Memory: bytes 0..1023 hold exp's table, 2**(j/64) as (EXP_HI[j], EXP_LO[j]) pairs, which
;; lib/np/wasm/math.ts copies there from fastmath.ts after instantiation (one copy of the table).
;; Arrays are passed as byte addresses into the exported memory; source and destination may be
;; the same address (in place).
;;
;; "Both lanes pass" is `(i32.eq (i64x2.bitmask MASK) (i32.const 3))` rather than `i64x2.all_true`: on
;; x64 V8 makes the bitmask one movmskpd where all_true takes four instructions (exp 5 %, log 3 %,
;; tanh 1.5 % faster per element, measured in one process, alternating); the same for a compare's mask.
;;
;; Regenerate lib/np/wasm/math-bytes.ts after editing: `npm run build:wasm`.
(module
  (import "scalar" "exp" (func $scalar_exp (param f64) (result f64)))
  (import "scalar" "log" (func $scalar_log (param f64) (result f64)))
  (memory (export "memory") 2)

  ;; e**x for both lanes, |x| <= 700 (no overflow, underflow or subnormal result).
  (func $exp_core (param $x v128) (result v128)
    (local $t v128) (local $k v128) (local $r v128) (local $ki v128) (local $p v128)
    (local $th v128) (local $tl v128) (local $a0 i32) (local $a1 i32)
    ;; JS: const k = x * INV_LN2_64 + ROUND_SHIFT - ROUND_SHIFT;
    (local.set $t (f64x2.add (f64x2.mul (local.get $x) (v128.const f64x2 92.33248261689366 92.33248261689366))
                             (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
    (local.set $k (f64x2.sub (local.get $t) (v128.const f64x2 6755399441055744.0 6755399441055744.0)))
    ;; JS: const r = x - k * L64_HI - k * L64_LO;
    (local.set $r (f64x2.sub
      (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (v128.const f64x2 0.010830417275428772 0.010830417275428772)))
      (f64x2.mul (local.get $k) (v128.const f64x2 7.420820373486988e-9 7.420820373486988e-9))))
    ;; JS: const ki = k | 0;  t = 1.5 * 2**52 + k exactly, so its bits minus ROUND_SHIFT's are k
    (local.set $ki (i64x2.sub (local.get $t) (v128.const i64x2 0x4338000000000000 0x4338000000000000)))
    ;; JS: const p = r + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720)))));
    (local.set $p (f64x2.add (local.get $r) (f64x2.mul (f64x2.mul (local.get $r) (local.get $r))
      (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r)
        (f64x2.add (v128.const f64x2 0.16666666666666666 0.16666666666666666) (f64x2.mul (local.get $r)
          (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (local.get $r)
            (f64x2.add (v128.const f64x2 0.008333333333333333 0.008333333333333333) (f64x2.mul (local.get $r)
              (v128.const f64x2 0.001388888888888889 0.001388888888888889))))))))))))
    ;; JS: const j = ki & 63; const th = EXP_HI[j];  (EXP_LO[j] next to it: one 16-byte load per lane)
    (local.set $a0 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $ki))) (i32.const 63)) (i32.const 4)))
    (local.set $a1 (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $ki))) (i32.const 63)) (i32.const 4)))
    (local.set $th (v128.load (local.get $a0)))
    (local.set $tl (v128.load (local.get $a1)))
    (local.set $p (f64x2.add (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $th) (local.get $tl))
      ;; JS: const y = th + (EXP_LO[j] + th * p);
      (f64x2.add (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $th) (local.get $tl))
                 (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $th) (local.get $tl)) (local.get $p)))))
    ;; JS: return y * POW2[e + 1074];  with e = ki >> 6, 2**e built from its exponent bits e + 1023.
    ;; e + 1023 = (ki + 1023 * 64) >>> 6: |x| <= 700 keeps ki + 65472 positive, and a logical shift
    ;; is one instruction where x64 has no arithmetic one for 64-bit lanes below AVX-512 (V8 emulates
    ;; i64x2.shr_s with several): exp 7 %, tanh 3 % faster per element, measured in one process.
    (f64x2.mul (local.get $p)
      (i64x2.shl (i64x2.shr_u (i64x2.add (local.get $ki) (v128.const i64x2 65472 65472)) (i32.const 6)) (i32.const 52))))

  ;; JS: exp(x), both lanes; the scalar function for a pair with a lane outside [-700, 700] or NaN.
  (func $exp2 (param $x v128) (result v128)
    (if (result v128)
      (i32.eq (i64x2.bitmask (v128.and (f64x2.ge (local.get $x) (v128.const f64x2 -700 -700))
                                (f64x2.le (local.get $x) (v128.const f64x2 700 700)))) (i32.const 3))
      (then (call $exp_core (local.get $x)))
      (else (f64x2.replace_lane 1
        (f64x2.splat (call $scalar_exp (f64x2.extract_lane 0 (local.get $x))))
        (call $scalar_exp (f64x2.extract_lane 1 (local.get $x)))))))

  ;; JS: log(x), both lanes; the scalar function for a pair with a lane outside [2**-1022, 2**1022)
  ;; (zero, negative, subnormal, huge, infinite, NaN).
  (func $log2 (param $x v128) (result v128)
    (local $hw v128) (local $hx v128) (local $e v128) (local $k v128) (local $f v128) (local $s v128)
    (local $z v128) (local $w v128) (local $R v128) (local $hfsq v128) (local $sr v128)
    (local $far v128) (local $kz v128)
    (if (i32.eqz (i32.eq (i64x2.bitmask (v128.and
          (f64x2.ge (local.get $x) (v128.const f64x2 2.2250738585072014e-308 2.2250738585072014e-308))
          (f64x2.lt (local.get $x) (v128.const f64x2 4.49423283715579e307 4.49423283715579e307)))) (i32.const 3)))
      (then (return (f64x2.replace_lane 1
        (f64x2.splat (call $scalar_log (f64x2.extract_lane 0 (local.get $x))))
        (call $scalar_log (f64x2.extract_lane 1 (local.get $x)))))))
    ;; JS: const hw = U32[HI]; const hx = hw & 0x000fffff;
    (local.set $hw (i64x2.shr_u (local.get $x) (i32.const 32)))
    (local.set $hx (v128.and (local.get $hw) (v128.const i64x2 0xfffff 0xfffff)))
    ;; JS: const i = (hx + 0x95f64) & 0x100000; const e = (hw >>> 20) - 1023 + (i >>> 20); k += e;
    (local.set $e (i64x2.add
      (i64x2.sub (i64x2.shr_u (local.get $hw) (i32.const 20)) (v128.const i64x2 1023 1023))
      (i64x2.shr_u (v128.and (i64x2.add (local.get $hx) (v128.const i64x2 0x95f64 0x95f64)) (v128.const i64x2 0x100000 0x100000))
                   (i32.const 20))))
    (local.set $k (f64x2.convert_low_i32x4_s
      (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $e) (local.get $e))))
    ;; JS: const f = x * POW2[1074 - e] - 1;  with 2**-e built from its exponent bits
    (local.set $f (f64x2.sub
      (f64x2.mul (local.get $x) (i64x2.shl (i64x2.sub (v128.const i64x2 1023 1023) (local.get $e)) (i32.const 52)))
      (v128.const f64x2 1 1)))
    ;; JS: const s = f / (2 + f); const z = s * s; const w = z * z;
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (v128.const f64x2 2 2) (local.get $f))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
    ;; JS: const R = t2 + t1;  t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))), t1 = w * (LG2 + w * (LG4 + w * LG6))
    (local.set $R (f64x2.add
      (f64x2.mul (local.get $z)
        (f64x2.add (v128.const f64x2 6.666666666666735130e-1 6.666666666666735130e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 2.857142874366239149e-1 2.857142874366239149e-1) (f64x2.mul (local.get $w)
            (f64x2.add (v128.const f64x2 1.818357216161805012e-1 1.818357216161805012e-1) (f64x2.mul (local.get $w)
              (v128.const f64x2 1.479819860511658591e-1 1.479819860511658591e-1))))))))
      (f64x2.mul (local.get $w)
        (f64x2.add (v128.const f64x2 3.999999999940941908e-1 3.999999999940941908e-1) (f64x2.mul (local.get $w)
          (f64x2.add (v128.const f64x2 2.222219843214978396e-1 2.222219843214978396e-1) (f64x2.mul (local.get $w)
            (v128.const f64x2 1.531383769920937332e-1 1.531383769920937332e-1))))))))
    ;; JS: if (((hx - 0x6147a) | (0x6b851 - hx)) > 0)  (1+f far from 1), and k === 0
    (local.set $far (v128.and (i64x2.ge_s (local.get $hx) (v128.const i64x2 0x6147a 0x6147a))
                              (i64x2.le_s (local.get $hx) (v128.const i64x2 0x6b851 0x6b851))))
    (local.set $kz (i64x2.eq (local.get $e) (v128.const i64x2 0 0)))
    ;; JS: const hfsq = 0.5 * f * f;  and s * (hfsq + R), s * (f - R)
    (local.set $hfsq (f64x2.mul (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f)) (local.get $f)))
    (local.set $sr (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $R))))
    (local.set $s (f64x2.mul (local.get $s) (f64x2.sub (local.get $f) (local.get $R))))
    (v128.bitselect
      (v128.bitselect
        ;; JS: if (k === 0) return f - (hfsq - s * (hfsq + R));
        (f64x2.sub (local.get $f) (f64x2.sub (local.get $hfsq) (local.get $sr)))
        ;; JS: return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
        (f64x2.sub (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-1 6.93147180369123816490e-1))
          (f64x2.sub (f64x2.sub (local.get $hfsq)
            (f64x2.add (local.get $sr) (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))))
            (local.get $f)))
        (local.get $kz))
      (v128.bitselect
        ;; JS: if (k === 0) return f - s * (f - R);
        (f64x2.sub (local.get $f) (local.get $s))
        ;; JS: return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
        (f64x2.sub (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-1 6.93147180369123816490e-1))
          (f64x2.sub (f64x2.sub (local.get $s)
            (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
            (local.get $f)))
        (local.get $kz))
      (local.get $far)))

  ;; JS: tanh(x), both lanes: both of fastmath's branches, then the lanes pick theirs. The two
  ;; branches' divisions are one: each lane divides its own branch's numerator by its denominator.
  ;; Both lanes at |x| >= 0.625 (nine pairs in ten in the lesson's hidden layer) skip the rational
  ;; branch: 20 % faster there, measured in one process.
  (func $tanh2 (param $x v128) (result v128)
    (local $ax v128) (local $E v128) (local $z v128) (local $q v128) (local $isbig v128)
    ;; JS: const ax = x < 0 ? -x : x;  if (ax >= 0.625) ...
    (local.set $ax (f64x2.abs (local.get $x)))
    (local.set $isbig (f64x2.ge (local.get $ax) (v128.const f64x2 0.625 0.625)))
    ;; JS: const E = exp(ax + ax);  (ax + ax <= 44 wherever it is used)
    (local.set $E (call $exp_core (f64x2.add (local.get $ax) (local.get $ax))))
    (if (i32.eq (i64x2.bitmask (local.get $isbig)) (i32.const 3))
      ;; JS: if (ax > 22) return x > 0 ? 1 : -1;  const z = (E - 1) / (E + 1);  return x < 0 ? -z : z;
      (then (return (v128.or
          (v128.bitselect (v128.const f64x2 1 1)
            (f64x2.div (f64x2.sub (local.get $E) (v128.const f64x2 1 1)) (f64x2.add (local.get $E) (v128.const f64x2 1 1)))
            (f64x2.gt (local.get $ax) (v128.const f64x2 22 22)))
          (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))))
    ;; JS: const z = x * x;
    (local.set $z (f64x2.mul (local.get $x) (local.get $x)))
    ;; JS: (E - 1) / (E + 1)  or  (x * z * ((TP0 * z + TP1) * z + TP2)) / (((z + TQ0) * z + TQ1) * z + TQ2)
    (local.set $q (f64x2.div
      (v128.bitselect
        (f64x2.sub (local.get $E) (v128.const f64x2 1 1))
        (f64x2.mul (f64x2.mul (local.get $x) (local.get $z))
          (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (v128.const f64x2 -9.64399179425052238628e-1 -9.64399179425052238628e-1) (local.get $z))
                                           (v128.const f64x2 -9.92877231001918586564e1 -9.92877231001918586564e1))
                                (local.get $z))
                     (v128.const f64x2 -1.61468768441708447952e3 -1.61468768441708447952e3)))
        (local.get $isbig))
      (v128.bitselect
        (f64x2.add (local.get $E) (v128.const f64x2 1 1))
        (f64x2.add (f64x2.mul (f64x2.add (f64x2.mul (f64x2.add (local.get $z) (v128.const f64x2 1.12811678491632931402e2 1.12811678491632931402e2))
                                                    (local.get $z))
                                         (v128.const f64x2 2.23548839060100448583e3 2.23548839060100448583e3))
                              (local.get $z))
                   (v128.const f64x2 4.84406305325125486048e3 4.84406305325125486048e3))
        (local.get $isbig))))
    ;; JS: if (x !== x || x === 0) return x;
    (v128.bitselect (local.get $x)
      (v128.bitselect
        ;; JS: if (ax > 22) return x > 0 ? 1 : -1;  ...  return x < 0 ? -z : z;  (z > 0: its sign is x's)
        (v128.or
          (v128.bitselect (v128.const f64x2 1 1) (local.get $q) (f64x2.gt (local.get $ax) (v128.const f64x2 22 22)))
          (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
        ;; JS: return x + (x * z * ...) / (...);
        (f64x2.add (local.get $x) (local.get $q))
        (local.get $isbig))
      (v128.or (f64x2.ne (local.get $x) (local.get $x)) (f64x2.eq (local.get $x) (v128.const f64x2 0 0)))))

  ;; dst[i] = exp(src[i]) for i < n (byte addresses of float64 arrays; dst may be src).
  (func (export "exp") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (v128.store (local.get $dst) (call $exp2 (v128.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $dst) (f64x2.extract_lane 0 (call $exp2 (v128.load64_splat (local.get $src))))))))

  ;; dst[i] = log(src[i]) for i < n.
  (func (export "log") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (v128.store (local.get $dst) (call $log2 (v128.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $dst) (f64x2.extract_lane 0 (call $log2 (v128.load64_splat (local.get $src))))))))

  ;; dst[i] = tanh(src[i]) for i < n.
  (func (export "tanh") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (v128.store (local.get $dst) (call $tanh2 (v128.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $dst) (f64x2.extract_lane 0 (call $tanh2 (v128.load64_splat (local.get $src))))))))

  ;; 1 / (1 + exp(-src[i])), the sigmoid as train.ts computes it (fastmath's exp, then one division).
  (func (export "sigmoid") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (v128.store (local.get $dst) (f64x2.div (v128.const f64x2 1 1)
          (f64x2.add (v128.const f64x2 1 1) (call $exp2 (f64x2.neg (v128.load (local.get $src)))))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $dst) (f64x2.extract_lane 0 (f64x2.div (v128.const f64x2 1 1)
        (f64x2.add (v128.const f64x2 1 1) (call $exp2 (f64x2.neg (v128.load64_splat (local.get $src)))))))))))

  ;; dst[i] = 1 - src[i] * src[i]: tanh's derivative from its value, as the lesson writes it.
  (func (export "one_minus_square") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $v v128)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $v (v128.load (local.get $src)))
        (v128.store (local.get $dst) (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $dst) (f64.sub (f64.const 1) (f64.mul (f64.load (local.get $src)) (f64.load (local.get $src))))))))

  ;; ---- The fused training loop's layers (lib/np/wasm/dense.ts says what each computes in JavaScript).

  ;; Z[h*m + i] = (0 + W[h*nX]·x[i] + W[h*nX + 1]·x[m + i] + ...) + b[h], for examples i and i + 1.
  ;; x: the address of x[i] in an (nX, m) array; W: of W[h*nX]. (Lane 1 of the last, odd example reads
  ;; one float64 past the row: the caller's blocks are padded.)
  (func $dense_pair (param $x i32) (param $W i32) (param $nX i32) (param $m8 i32) (result v128)
    (local $acc v128) (local $end i32)
    (local.set $end (i32.add (local.get $W) (i32.shl (local.get $nX) (i32.const 3))))
    (block $done
      (loop $ks
        (br_if $done (i32.ge_u (local.get $W) (local.get $end)))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load64_splat (local.get $W)) (v128.load (local.get $x)))))
        (local.set $W (i32.add (local.get $W) (i32.const 8)))
        (local.set $x (i32.add (local.get $x) (local.get $m8)))
        (br $ks)))
    (local.get $acc))

  ;; A dense layer, Z = W·x + b: Z (nH, m), W (nH, nX), x (nX, m), b (nH,).
  (func (export "dense") (param $x i32) (param $W i32) (param $b i32) (param $Z i32) (param $nX i32) (param $nH i32) (param $m i32)
    (local $m8 i32) (local $h i32) (local $i i32) (local $v v128) (local $bh v128)
    (local.set $m8 (i32.shl (local.get $m) (i32.const 3)))
    (block $hdone
      (loop $hs
        (br_if $hdone (i32.ge_u (local.get $h) (local.get $nH)))
        (local.set $bh (v128.load64_splat (i32.add (local.get $b) (i32.shl (local.get $h) (i32.const 3)))))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $is
            (br_if $idone (i32.ge_u (local.get $i) (local.get $m)))
            (local.set $v (f64x2.add (local.get $bh) (call $dense_pair
              (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))
              (i32.add (local.get $W) (i32.shl (i32.mul (local.get $h) (local.get $nX)) (i32.const 3)))
              (local.get $nX) (local.get $m8))))
            (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $m))
              (then (v128.store (local.get $Z) (local.get $v)))
              (else (f64.store (local.get $Z) (f64x2.extract_lane 0 (local.get $v)))))
            (local.set $Z (i32.add (local.get $Z) (i32.const 16)))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $is)))
        (local.set $Z (i32.sub (local.get $Z) (i32.shl (i32.and (local.get $m) (i32.const 1)) (i32.const 3))))
        (local.set $h (i32.add (local.get $h) (i32.const 1)))
        (br $hs))))

  ;; The backward pass's sums over the examples i = 0, 1, ..., m-1, each in that order:
  ;; returns Σ dZ2[i] with dZ2[i] = A2[i] - y[i]; for each unit h, with d = (W2[h]·dZ2[i])·D[h*m + i],
  ;; adds to acc[h*s] dZ2[i]·A1[h*m + i], to acc[h*s + 1] d, to acc[h*s + 2 + k] d·xT[i*nXp + k]
  ;; (s = 2 + nXp; nXp even: xT is x transposed, its rows padded with zeros).
  (func (export "backward") (param $xT i32) (param $y i32) (param $A1 i32) (param $D i32) (param $A2 i32) (param $W2 i32)
        (param $acc i32) (param $nXp i32) (param $nH i32) (param $m i32) (result f64)
    (local $i i32) (local $h i32) (local $dz f64) (local $sum f64) (local $p v128) (local $d v128)
    (local $a i32) (local $xrow i32) (local $xp i32) (local $xend i32) (local $hm i32) (local $m8 i32)
    (local.set $m8 (i32.shl (local.get $m) (i32.const 3)))
    (block $idone
      (loop $is
        (br_if $idone (i32.ge_u (local.get $i) (local.get $m)))
        ;; JS: dZ2[i] = A2[i] - y[i]; sumDZ2 += dZ2[i];
        (local.set $dz (f64.sub (f64.load (i32.add (local.get $A2) (i32.shl (local.get $i) (i32.const 3))))
                                (f64.load (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $sum (f64.add (local.get $sum) (local.get $dz)))
        (local.set $xrow (i32.add (local.get $xT) (i32.shl (i32.mul (local.get $i) (local.get $nXp)) (i32.const 3))))
        (local.set $xend (i32.add (local.get $xrow) (i32.shl (local.get $nXp) (i32.const 3))))
        (local.set $a (local.get $acc))
        (local.set $hm (i32.shl (local.get $i) (i32.const 3)))
        (local.set $h (i32.const 0))
        (block $hdone
          (loop $hs
            (br_if $hdone (i32.ge_u (local.get $h) (local.get $nH)))
            ;; JS: sW2 += dZ2[i] * a;  const d = w2 * dZ2[i] * dfza(Z1[o + i], a); sB1 += d;  (two lanes: two sums)
            (local.set $p (f64x2.mul
              (f64x2.replace_lane 1 (f64x2.splat (local.get $dz))
                (f64.mul (f64.load (i32.add (local.get $W2) (i32.shl (local.get $h) (i32.const 3)))) (local.get $dz)))
              (f64x2.replace_lane 1 (v128.load64_splat (i32.add (local.get $A1) (local.get $hm)))
                (f64.load (i32.add (local.get $D) (local.get $hm))))))
            (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $p)))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            ;; JS: s += dZ1row[i] * x[k * m + i];  for k, k + 1 in the two lanes
            (local.set $d (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $p) (local.get $p)))
            (local.set $xp (local.get $xrow))
            (block $kdone
              (loop $ks
                (br_if $kdone (i32.ge_u (local.get $xp) (local.get $xend)))
                (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (f64x2.mul (local.get $d) (v128.load (local.get $xp)))))
                (local.set $a (i32.add (local.get $a) (i32.const 16)))
                (local.set $xp (i32.add (local.get $xp) (i32.const 16)))
                (br $ks)))
            (local.set $hm (i32.add (local.get $hm) (local.get $m8)))
            (local.set $h (i32.add (local.get $h) (i32.const 1)))
            (br $hs)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $is)))
    (local.get $sum))
)
