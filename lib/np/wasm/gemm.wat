;; Float64 matrix products with WebAssembly SIMD for lib/np/linalg-wasm.ts: three loop shapes of
;; lib/np/gemm.ts's `gemm` that the lesson's `np.dot`s take (the other two gained nothing here
;; over gemm.ts once the copies are paid), on C-ordered blocks copied into this memory. Every element of C is computed with the operations of `gemm`, in its order: each f64x2
;; lane holds one of gemm's sums (or one of its two partial sums), nothing is fused or reassociated
;; (test/np-dot-wasm.test.ts compares the bits). Addresses are byte offsets; n, k, m are C (n x m) =
;; A (n x k) . B (k x m). Compiled by scripts/wasm/build.ts (npm run build:wasm) into gemm-bytes.ts.
(module
  (memory (export "memory") 4)

  ;; m = 2 (`np.dot(dZ1, X.T)`): A (n x k) at $a, B (k x 2) at $b, both C order; C (n x 2) at $out.
  ;; Row i's lane pair [C(i,0), C(i,1)] starts at A(i,0) * B(0,:) and adds A(i,p) * B(p,:) for
  ;; p = 1, 2, ...; four rows at a time, so that four independent sums keep the adder busy.
  (func (export "two_columns") (param $a i32) (param $b i32) (param $out i32) (param $n i32) (param $k i32)
    (local $i i32) (local $p i32) (local $row i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $bp i32) (local $o i32) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $bv v128)
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (block $done4
      (loop $rows4
        (br_if $done4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $r0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $row))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $row)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $row)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $row)))
        (local.set $bv (v128.load (local.get $b)))
        (local.set $v0 (f64x2.mul (f64x2.splat (f64.load (local.get $r0))) (local.get $bv)))
        (local.set $v1 (f64x2.mul (f64x2.splat (f64.load (local.get $r1))) (local.get $bv)))
        (local.set $v2 (f64x2.mul (f64x2.splat (f64.load (local.get $r2))) (local.get $bv)))
        (local.set $v3 (f64x2.mul (f64x2.splat (f64.load (local.get $r3))) (local.get $bv)))
        (local.set $p (i32.const 8))
        (local.set $bp (i32.add (local.get $b) (i32.const 16)))
        (block $end
          (loop $terms
            (br_if $end (i32.ge_u (local.get $p) (local.get $row)))
            (local.set $bv (v128.load (local.get $bp)))
            (local.set $v0 (f64x2.add (local.get $v0) (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $r0) (local.get $p)))) (local.get $bv))))
            (local.set $v1 (f64x2.add (local.get $v1) (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $r1) (local.get $p)))) (local.get $bv))))
            (local.set $v2 (f64x2.add (local.get $v2) (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $r2) (local.get $p)))) (local.get $bv))))
            (local.set $v3 (f64x2.add (local.get $v3) (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $r3) (local.get $p)))) (local.get $bv))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 16)))
            (br $terms)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 4))))
        (v128.store (local.get $o) (local.get $v0))
        (v128.store offset=16 (local.get $o) (local.get $v1))
        (v128.store offset=32 (local.get $o) (local.get $v2))
        (v128.store offset=48 (local.get $o) (local.get $v3))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $done1
      (loop $rows1
        (br_if $done1 (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $r0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $row))))
        (local.set $v0 (f64x2.mul (f64x2.splat (f64.load (local.get $r0))) (v128.load (local.get $b))))
        (local.set $p (i32.const 8))
        (local.set $bp (i32.add (local.get $b) (i32.const 16)))
        (block $end1
          (loop $terms1
            (br_if $end1 (i32.ge_u (local.get $p) (local.get $row)))
            (local.set $v0 (f64x2.add (local.get $v0) (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $r0) (local.get $p)))) (v128.load (local.get $bp)))))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 16)))
            (br $terms1)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 4))) (local.get $v0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows1))))

  ;; k = 1 (`np.dot(W2.T, dZ2)`): A's column (n values) at $a, B's row (m values) at $b; C (n x m)
  ;; at $out, C(i,j) = A(i) * B(j). Four rows at a time, two columns per f64x2, an odd last column alone.
  (func (export "outer") (param $a i32) (param $b i32) (param $out i32) (param $n i32) (param $m i32)
    (local $i i32) (local $j i32) (local $jv i32) (local $row i32) (local $o i32) (local $bv v128) (local $t f64)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128)
    (local.set $row (i32.shl (local.get $m) (i32.const 3)))
    (local.set $jv (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (block $done4
      (loop $rows4
        (br_if $done4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $x0 (f64x2.splat (f64.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $x1 (f64x2.splat (f64.load offset=8 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $x2 (f64x2.splat (f64.load offset=16 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $x3 (f64x2.splat (f64.load offset=24 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $row))))
        (local.set $j (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $j) (local.get $jv)))
            (local.set $bv (v128.load (i32.add (local.get $b) (local.get $j))))
            (v128.store (i32.add (local.get $o) (local.get $j)) (f64x2.mul (local.get $x0) (local.get $bv)))
            (v128.store (i32.add (i32.add (local.get $o) (local.get $row)) (local.get $j)) (f64x2.mul (local.get $x1) (local.get $bv)))
            (v128.store (i32.add (i32.add (local.get $o) (i32.shl (local.get $row) (i32.const 1))) (local.get $j)) (f64x2.mul (local.get $x2) (local.get $bv)))
            (v128.store (i32.add (i32.add (local.get $o) (i32.mul (local.get $row) (i32.const 3))) (local.get $j)) (f64x2.mul (local.get $x3) (local.get $bv)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $cols)))
        (if (i32.lt_u (local.get $jv) (local.get $row))
          (then
            (local.set $t (f64.load (i32.add (local.get $b) (local.get $jv))))
            (f64.store (i32.add (local.get $o) (local.get $jv)) (f64.mul (f64x2.extract_lane 0 (local.get $x0)) (local.get $t)))
            (f64.store (i32.add (i32.add (local.get $o) (local.get $row)) (local.get $jv)) (f64.mul (f64x2.extract_lane 0 (local.get $x1)) (local.get $t)))
            (f64.store (i32.add (i32.add (local.get $o) (i32.shl (local.get $row) (i32.const 1))) (local.get $jv)) (f64.mul (f64x2.extract_lane 0 (local.get $x2)) (local.get $t)))
            (f64.store (i32.add (i32.add (local.get $o) (i32.mul (local.get $row) (i32.const 3))) (local.get $jv)) (f64.mul (f64x2.extract_lane 0 (local.get $x3)) (local.get $t)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows4)))
    (block $done1
      (loop $rows1
        (br_if $done1 (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $x0 (f64x2.splat (f64.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $row))))
        (local.set $j (i32.const 0))
        (block $cols1_done
          (loop $cols1
            (br_if $cols1_done (i32.ge_u (local.get $j) (local.get $jv)))
            (v128.store (i32.add (local.get $o) (local.get $j)) (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $b) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $cols1)))
        (if (i32.lt_u (local.get $jv) (local.get $row))
          (then (f64.store (i32.add (local.get $o) (local.get $jv)) (f64.mul (f64x2.extract_lane 0 (local.get $x0)) (f64.load (i32.add (local.get $b) (local.get $jv)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows1))))

  ;; A's rows and B's columns contiguous, k > 2, m even (`np.dot(dZ2, A1.T)`): A (n x k) at $a in C
  ;; order, B given by its columns, (m x k) in C order at $bt; C (n x m) at $out. gemm sums each
  ;; column of a pair (0-1, 2-3, ...) as two partial sums from 0, even p and odd p: here the two
  ;; lanes of one f64x2 (an odd k's last term added to the even lane), then lane 0 + lane 1. Four
  ;; columns at a time share each load of A's row.
  (func (export "column_pairs") (param $a i32) (param $bt i32) (param $out i32) (param $n i32) (param $k i32) (param $m i32)
    (local $i i32) (local $j i32) (local $p i32) (local $kv i32) (local $row i32) (local $ai i32) (local $oi i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $x v128) (local $t f64)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $row (i32.shl (local.get $k) (i32.const 3)))
    (local.set $kv (i32.shl (i32.and (local.get $k) (i32.const -2)) (i32.const 3)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $ai (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $row))))
        (local.set $oi (i32.add (local.get $out) (i32.shl (i32.mul (local.get $i) (local.get $m)) (i32.const 3))))
        (local.set $j (i32.const 0))
        (block $quads_done
          (loop $quads
            (br_if $quads_done (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $m)))
            (local.set $c0 (i32.add (local.get $bt) (i32.mul (local.get $j) (local.get $row))))
            (local.set $c1 (i32.add (local.get $c0) (local.get $row)))
            (local.set $c2 (i32.add (local.get $c1) (local.get $row)))
            (local.set $c3 (i32.add (local.get $c2) (local.get $row)))
            (local.set $v0 (v128.const f64x2 0 0))
            (local.set $v1 (v128.const f64x2 0 0))
            (local.set $v2 (v128.const f64x2 0 0))
            (local.set $v3 (v128.const f64x2 0 0))
            (local.set $p (i32.const 0))
            (block $terms_done
              (loop $terms
                (br_if $terms_done (i32.ge_u (local.get $p) (local.get $kv)))
                (local.set $x (v128.load (i32.add (local.get $ai) (local.get $p))))
                (local.set $v0 (f64x2.add (local.get $v0) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c0) (local.get $p))))))
                (local.set $v1 (f64x2.add (local.get $v1) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c1) (local.get $p))))))
                (local.set $v2 (f64x2.add (local.get $v2) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c2) (local.get $p))))))
                (local.set $v3 (f64x2.add (local.get $v3) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c3) (local.get $p))))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (br $terms)))
            (if (i32.lt_u (local.get $kv) (local.get $row))
              (then
                (local.set $t (f64.load (i32.add (local.get $ai) (local.get $kv))))
                (local.set $v0 (f64x2.replace_lane 0 (local.get $v0) (f64.add (f64x2.extract_lane 0 (local.get $v0)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c0) (local.get $kv)))))))
                (local.set $v1 (f64x2.replace_lane 0 (local.get $v1) (f64.add (f64x2.extract_lane 0 (local.get $v1)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c1) (local.get $kv)))))))
                (local.set $v2 (f64x2.replace_lane 0 (local.get $v2) (f64.add (f64x2.extract_lane 0 (local.get $v2)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c2) (local.get $kv)))))))
                (local.set $v3 (f64x2.replace_lane 0 (local.get $v3) (f64.add (f64x2.extract_lane 0 (local.get $v3)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c3) (local.get $kv)))))))))
            (f64.store (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v0)) (f64x2.extract_lane 1 (local.get $v0))))
            (f64.store offset=8 (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v1)) (f64x2.extract_lane 1 (local.get $v1))))
            (f64.store offset=16 (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v2)) (f64x2.extract_lane 1 (local.get $v2))))
            (f64.store offset=24 (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v3)) (f64x2.extract_lane 1 (local.get $v3))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (if (i32.lt_s (local.get $j) (local.get $m))
          (then
            (local.set $c0 (i32.add (local.get $bt) (i32.mul (local.get $j) (local.get $row))))
            (local.set $c1 (i32.add (local.get $c0) (local.get $row)))
            (local.set $v0 (v128.const f64x2 0 0))
            (local.set $v1 (v128.const f64x2 0 0))
            (local.set $p (i32.const 0))
            (block $pair_done
              (loop $pair
                (br_if $pair_done (i32.ge_u (local.get $p) (local.get $kv)))
                (local.set $x (v128.load (i32.add (local.get $ai) (local.get $p))))
                (local.set $v0 (f64x2.add (local.get $v0) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c0) (local.get $p))))))
                (local.set $v1 (f64x2.add (local.get $v1) (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $c1) (local.get $p))))))
                (local.set $p (i32.add (local.get $p) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_u (local.get $kv) (local.get $row))
              (then
                (local.set $t (f64.load (i32.add (local.get $ai) (local.get $kv))))
                (local.set $v0 (f64x2.replace_lane 0 (local.get $v0) (f64.add (f64x2.extract_lane 0 (local.get $v0)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c0) (local.get $kv)))))))
                (local.set $v1 (f64x2.replace_lane 0 (local.get $v1) (f64.add (f64x2.extract_lane 0 (local.get $v1)) (f64.mul (local.get $t) (f64.load (i32.add (local.get $c1) (local.get $kv)))))))))
            (f64.store (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v0)) (f64x2.extract_lane 1 (local.get $v0))))
            (f64.store offset=8 (i32.add (local.get $oi) (i32.shl (local.get $j) (i32.const 3)))
              (f64.add (f64x2.extract_lane 0 (local.get $v1)) (f64x2.extract_lane 1 (local.get $v1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
