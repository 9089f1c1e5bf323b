;; TensorE matmul into a PSUM tile, WebAssembly SIMD: C[M, N] (+)= S[K, M]^T @ B[K, N] in float32.
;;
;; The stationary operand is read as stored (k-major, no transpose) and the PSUM tile is updated in
;; place, so the host copies operands in and the tile out once, with no packing or separate add pass.
;; Layout (byte offsets from the caller): S is K rows of Mp floats, B is K rows of Np floats, C is Mp
;; rows of Np floats, Mp a multiple of 4 and Np of 8 (the caller zero-pads); `work` holds 4 * K * (Mp + Np)
;; bytes for S and B repacked into k-major panels of 4 and 8 columns (row-major operands read a float
;; vector per k at a power-of-two stride, which maps every row to a few cache sets). For each 4x8 block of C,
;; eight f32x4 accumulators start at +0 and add the products S[k, m] * B[k, n] for k ascending (a
;; product is rounded to float32, then added: no fused multiply-add); the block is then added into C.
;; This is the float32 sum of the shared numpy matmul kernel for K <= its 384-deep blocks, bit for bit.
(module
  (memory (export "memory") 1)

  ;; Panels: rows [k][col0 .. col0 + width) of a K x cols matrix at $src, for col0 = 0, width, ...,
  ;; stored one after another as K x width blocks at $dst (width 4 or 8 floats: one or two vectors).
  (func $pack (param $src i32) (param $dst i32) (param $k i32) (param $cols i32) (param $wide i32)
    (local $col i32) (local $kk i32) (local $sp i32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $col (i32.const 0))
    (block $done
      (loop $panels
        (br_if $done (i32.ge_u (local.get $col) (local.get $cols)))
        (local.set $sp (i32.add (local.get $src) (i32.shl (local.get $col) (i32.const 2))))
        (local.set $kk (local.get $k))
        (block $kdone
          (loop $rows
            (br_if $kdone (i32.eqz (local.get $kk)))
            (v128.store offset=0 (local.get $dst) (v128.load offset=0 (local.get $sp)))
            (if (local.get $wide)
              (then (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $sp)))))
            (local.set $dst (i32.add (local.get $dst) (select (i32.const 32) (i32.const 16) (local.get $wide))))
            (local.set $sp (i32.add (local.get $sp) (local.get $stride)))
            (local.set $kk (i32.sub (local.get $kk) (i32.const 1)))
            (br $rows)))
        (local.set $col (i32.add (local.get $col) (select (i32.const 8) (i32.const 4) (local.get $wide))))
        (br $panels))))

  (func (export "matmul") (param $s i32) (param $b i32) (param $c i32) (param $k i32) (param $mp i32) (param $np i32) (param $work i32)
    (local $bstride i32) (local $sPanels i32) (local $bPanels i32)
    (local $n0 i32) (local $m0 i32) (local $kk i32)
    (local $sp i32) (local $bp i32) (local $cp i32)
    (local $a v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $sPanels (local.get $work))
    (local.set $bPanels (i32.add (local.get $work) (i32.shl (i32.mul (local.get $k) (local.get $mp)) (i32.const 2))))
    (call $pack (local.get $s) (local.get $sPanels) (local.get $k) (local.get $mp) (i32.const 0))
    (call $pack (local.get $b) (local.get $bPanels) (local.get $k) (local.get $np) (i32.const 1))
    ;; a panel's k step, and one row of C, in bytes
    (local.set $bstride (i32.shl (local.get $np) (i32.const 2)))
    (local.set $n0 (i32.const 0))
    (block $ndone
      (loop $nloop
        (br_if $ndone (i32.ge_u (local.get $n0) (local.get $np)))
        (local.set $m0 (i32.const 0))
        (block $mdone
          (loop $mloop
            (br_if $mdone (i32.ge_u (local.get $m0) (local.get $mp)))
            (local.set $c00 (v128.const i32x4 0 0 0 0))
            (local.set $c01 (v128.const i32x4 0 0 0 0))
            (local.set $c10 (v128.const i32x4 0 0 0 0))
            (local.set $c11 (v128.const i32x4 0 0 0 0))
            (local.set $c20 (v128.const i32x4 0 0 0 0))
            (local.set $c21 (v128.const i32x4 0 0 0 0))
            (local.set $c30 (v128.const i32x4 0 0 0 0))
            (local.set $c31 (v128.const i32x4 0 0 0 0))
            ;; panel of columns m0 .. m0 + 4 of S starts at m0 * K floats; of n0 .. n0 + 8 of B at n0 * K
            (local.set $sp (i32.add (local.get $sPanels) (i32.shl (i32.mul (local.get $m0) (local.get $k)) (i32.const 2))))
            (local.set $bp (i32.add (local.get $bPanels) (i32.shl (i32.mul (local.get $n0) (local.get $k)) (i32.const 2))))
            (local.set $kk (local.get $k))
            (block $kdone
              (loop $kloop
                (br_if $kdone (i32.eqz (local.get $kk)))
                (local.set $b0 (v128.load offset=0 (local.get $bp)))
                (local.set $b1 (v128.load offset=16 (local.get $bp)))
                (local.set $a (v128.load32_splat offset=0 (local.get $sp)))
                (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat offset=4 (local.get $sp)))
                (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat offset=8 (local.get $sp)))
                (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat offset=12 (local.get $sp)))
                (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $sp (i32.add (local.get $sp) (i32.const 16)))
                (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
                (local.set $kk (i32.sub (local.get $kk) (i32.const 1)))
                (br $kloop)))
            ;; C row m0 + i, columns n0 .. n0 + 8: C + accumulator (the PSUM add; C is zero to overwrite)
            (local.set $cp (i32.add (local.get $c)
              (i32.shl (i32.add (i32.mul (local.get $m0) (local.get $np)) (local.get $n0)) (i32.const 2))))
            (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c00)))
            (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c01)))
            (local.set $cp (i32.add (local.get $cp) (local.get $bstride)))
            (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c10)))
            (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c11)))
            (local.set $cp (i32.add (local.get $cp) (local.get $bstride)))
            (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c20)))
            (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c21)))
            (local.set $cp (i32.add (local.get $cp) (local.get $bstride)))
            (v128.store offset=0 (local.get $cp) (f32x4.add (v128.load offset=0 (local.get $cp)) (local.get $c30)))
            (v128.store offset=16 (local.get $cp) (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c31)))
            (local.set $m0 (i32.add (local.get $m0) (i32.const 4)))
            (br $mloop)))
        (local.set $n0 (i32.add (local.get $n0) (i32.const 8)))
        (br $nloop)))))
