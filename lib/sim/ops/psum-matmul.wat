;; TensorE matmul into a PSUM tile, WebAssembly SIMD: C[M, N] (+)= S[K, M]^T @ B[K, N] in float32.
;;
;; The stationary operand is read as stored (k-major, no transpose) and the PSUM tile is updated in
;; place, so the host copies operands in and the tile out once, with no packing or separate add pass.
;; Layout (byte offsets from the caller): S is K rows of Mp floats, B is K rows of Np floats, C is Mp
;; rows of Np floats, Mp a multiple of 4 and Np of 8 (the caller zero-pads). For each 4x8 block of C,
;; eight f32x4 accumulators start at +0 and add the products S[k, m] * B[k, n] for k ascending (a
;; product is rounded to float32, then added: no fused multiply-add); the block is then added into C.
;; This is the float32 sum of the shared numpy matmul kernel for K <= its 384-deep blocks, bit for bit.
(module
  (memory (export "memory") 1)

  (func (export "matmul") (param $s i32) (param $b i32) (param $c i32) (param $k i32) (param $mp i32) (param $np i32)
    (local $sstride i32) (local $bstride i32)
    (local $n0 i32) (local $m0 i32) (local $kk i32)
    (local $sp i32) (local $bp i32) (local $cp i32)
    (local $a v128) (local $b0 v128) (local $b1 v128)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local.set $sstride (i32.shl (local.get $mp) (i32.const 2)))
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
            (local.set $sp (i32.add (local.get $s) (i32.shl (local.get $m0) (i32.const 2))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $n0) (i32.const 2))))
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
                (local.set $sp (i32.add (local.get $sp) (local.get $sstride)))
                (local.set $bp (i32.add (local.get $bp) (local.get $bstride)))
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
