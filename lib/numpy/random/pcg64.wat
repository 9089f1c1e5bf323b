;; PCG64 (XSL-RR 128/64) bulk generation for random/pcg64.ts.
;;
;; The 128-bit state and increment live at the caller's `st` offset as four little-endian i64:
;; state.lo, state.hi, inc.lo, inc.hi. Each step is state = state * MULT + inc (mod 2^128) with
;; MULT = 0x2360ED051FC65DA4_4385DF649FCCF645, and the output is rotr(hi ^ lo, hi >> 58) of the new state.
(module
  (memory (export "memory") 1)

  ;; High 64 bits of the unsigned 128-bit product a * b.
  (func $mulhi (param $a i64) (param $b i64) (result i64)
    (local $a0 i64) (local $a1 i64) (local $b0 i64) (local $b1 i64) (local $p01 i64) (local $p10 i64) (local $mid i64)
    (local.set $a0 (i64.and (local.get $a) (i64.const 0xffffffff)))
    (local.set $a1 (i64.shr_u (local.get $a) (i64.const 32)))
    (local.set $b0 (i64.and (local.get $b) (i64.const 0xffffffff)))
    (local.set $b1 (i64.shr_u (local.get $b) (i64.const 32)))
    (local.set $p01 (i64.mul (local.get $a0) (local.get $b1)))
    (local.set $p10 (i64.mul (local.get $a1) (local.get $b0)))
    (local.set $mid
      (i64.add (i64.add (i64.shr_u (i64.mul (local.get $a0) (local.get $b0)) (i64.const 32))
                        (i64.and (local.get $p01) (i64.const 0xffffffff)))
               (i64.and (local.get $p10) (i64.const 0xffffffff))))
    (i64.add (i64.add (i64.mul (local.get $a1) (local.get $b1))
                      (i64.add (i64.shr_u (local.get $p01) (i64.const 32)) (i64.shr_u (local.get $p10) (i64.const 32))))
             (i64.shr_u (local.get $mid) (i64.const 32))))

  ;; Writes `n` outputs at `out`: raw 64-bit words when $doubles is 0, else numpy's next_double of each.
  (func $fill (param $st i32) (param $out i32) (param $n i32) (param $doubles i32)
    (local $lo i64) (local $hi i64) (local $ilo i64) (local $ihi i64) (local $p i64) (local $x i64)
    (local.set $lo (i64.load (local.get $st)))
    (local.set $hi (i64.load offset=8 (local.get $st)))
    (local.set $ilo (i64.load offset=16 (local.get $st)))
    (local.set $ihi (i64.load offset=24 (local.get $st)))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $p (i64.mul (local.get $lo) (i64.const 0x4385DF649FCCF645)))
        (local.set $hi
          (i64.add
            (i64.add (call $mulhi (local.get $lo) (i64.const 0x4385DF649FCCF645))
                     (i64.add (i64.mul (local.get $lo) (i64.const 0x2360ED051FC65DA4))
                              (i64.mul (local.get $hi) (i64.const 0x4385DF649FCCF645))))
            (i64.add (local.get $ihi)
                     (i64.extend_i32_u (i64.lt_u (i64.add (local.get $p) (local.get $ilo)) (local.get $p))))))
        (local.set $lo (i64.add (local.get $p) (local.get $ilo)))
        (local.set $x (i64.rotr (i64.xor (local.get $hi) (local.get $lo)) (i64.shr_u (local.get $hi) (i64.const 58))))
        (if (local.get $doubles)
          (then (f64.store (local.get $out)
                  (f64.mul (f64.convert_i64_u (i64.shr_u (local.get $x) (i64.const 11))) (f64.const 0x1p-53))))
          (else (i64.store (local.get $out) (local.get $x))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i64.store (local.get $st) (local.get $lo))
    (i64.store offset=8 (local.get $st) (local.get $hi)))

  (func (export "fillRaw") (param $st i32) (param $out i32) (param $n i32)
    (call $fill (local.get $st) (local.get $out) (local.get $n) (i32.const 0)))
  (func (export "fillDoubles") (param $st i32) (param $out i32) (param $n i32)
    (call $fill (local.get $st) (local.get $out) (local.get $n) (i32.const 1))))
