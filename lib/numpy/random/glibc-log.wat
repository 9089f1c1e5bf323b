;; glibc 2.36's x86-64 FMA log(), bit for bit, for random/glibc-log.ts (which documents the algorithm and
;; holds the same code in TypeScript as the no-WebAssembly path). WebAssembly has no scalar fma, so
;; $fma emulates a correctly rounded one exactly as random/fma.ts does.
;;
;; Memory layout, written by the caller before use (from glibc-log-data.generated.ts):
;;   0..2047     TAB: 128 x {invc, logc}
;;   2048..2183  LN2HI, LN2LO, POLY[0..4], POLY1[0..10]   (17 doubles)
(module
  (memory (export "memory") 1)

  (func $fma (param $a f64) (param $b f64) (param $c f64) (result f64)
    (local $p f64) (local $t f64) (local $ah f64) (local $al f64) (local $bh f64) (local $bl f64) (local $e f64)
    (local $sh f64) (local $bb f64) (local $sl f64) (local $v f64) (local $vb f64) (local $verr f64)
    (local $r f64) (local $rb f64) (local $dropped f64) (local $twice f64) (local $bits i64)
    (local.set $p (f64.mul (local.get $a) (local.get $b)))
    ;; Dekker: p + e == a * b exactly
    (local.set $t (f64.mul (f64.const 134217729) (local.get $a)))
    (local.set $ah (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $a))))
    (local.set $al (f64.sub (local.get $a) (local.get $ah)))
    (local.set $t (f64.mul (f64.const 134217729) (local.get $b)))
    (local.set $bh (f64.sub (local.get $t) (f64.sub (local.get $t) (local.get $b))))
    (local.set $bl (f64.sub (local.get $b) (local.get $bh)))
    (local.set $e
      (f64.sub (f64.mul (local.get $al) (local.get $bl))
        (f64.sub (f64.sub (f64.sub (local.get $p) (f64.mul (local.get $ah) (local.get $bh)))
                          (f64.mul (local.get $al) (local.get $bh)))
                 (f64.mul (local.get $ah) (local.get $bl)))))
    ;; TwoSum: sh + sl == c + p exactly
    (local.set $sh (f64.add (local.get $c) (local.get $p)))
    (local.set $bb (f64.sub (local.get $sh) (local.get $c)))
    (local.set $sl (f64.add (f64.sub (local.get $c) (f64.sub (local.get $sh) (local.get $bb)))
                            (f64.sub (local.get $p) (local.get $bb))))
    ;; v = RN(sl + e) with error verr
    (local.set $v (f64.add (local.get $sl) (local.get $e)))
    (local.set $vb (f64.sub (local.get $v) (local.get $sl)))
    (local.set $verr (f64.add (f64.sub (local.get $sl) (f64.sub (local.get $v) (local.get $vb)))
                              (f64.sub (local.get $e) (local.get $vb))))
    (if (f64.eq (local.get $verr) (f64.const 0))
      (then (return (f64.add (local.get $sh) (local.get $v)))))
    (local.set $r (f64.add (local.get $sh) (local.get $v)))
    (local.set $rb (f64.sub (local.get $r) (local.get $sh)))
    (local.set $dropped (f64.add (f64.sub (local.get $sh) (f64.sub (local.get $r) (local.get $rb)))
                                 (f64.sub (local.get $v) (local.get $rb))))
    ;; everything dropped is below half an ulp of r
    (if (f64.lt (f64.add (f64.abs (local.get $dropped)) (f64.abs (local.get $verr)))
                (f64.mul (f64.abs (local.get $r)) (f64.const 0x1p-54)))
      (then (return (local.get $r))))
    ;; small addend on r's midpoint grid, and no exact tie
    (local.set $twice (f64.mul (f64.const 2) (local.get $dropped)))
    (if (i32.and
          (f64.le (f64.abs (local.get $v)) (f64.mul (f64.abs (local.get $sh)) (f64.const 0x1p-8)))
          (i32.or (f64.eq (local.get $dropped) (f64.const 0))
                  (f64.ne (f64.sub (f64.add (local.get $r) (local.get $twice)) (local.get $r)) (local.get $twice))))
      (then (return (local.get $r))))
    ;; non-finite operands (x - x is NaN exactly for infinities and NaNs)
    (if (i32.or (f64.ne (f64.sub (local.get $p) (local.get $p)) (f64.const 0))
                (f64.ne (f64.sub (local.get $c) (local.get $c)) (f64.const 0)))
      (then (return (f64.add (local.get $p) (local.get $c)))))
    ;; round v to odd towards the exact value, then one final rounding
    (local.set $bits (i64.reinterpret_f64 (local.get $v)))
    (if (i64.eqz (i64.and (local.get $bits) (i64.const 1)))
      (then
        (local.set $bits
          (if (result i64) (i32.eq (f64.gt (local.get $verr) (f64.const 0)) (f64.gt (local.get $v) (f64.const 0)))
            (then (i64.add (local.get $bits) (i64.const 1)))
            (else (i64.sub (local.get $bits) (i64.const 1)))))))
    (f64.add (local.get $sh) (f64.reinterpret_i64 (local.get $bits))))

  ;; log(x) for x in [1 - 2^-4, 1 + 0x1.09p-4): the direct polynomial path.
  (func $logNearOne (param $x f64) (result f64)
    (local $r f64) (local $r2 f64) (local $r3 f64) (local $p012 f64) (local $p345 f64) (local $p f64)
    (local $w f64) (local $rhi f64) (local $rhi2 f64) (local $rlo f64) (local $hi f64) (local $lo f64)
    (if (f64.eq (local.get $x) (f64.const 1)) (then (return (f64.const 0))))
    (local.set $r (f64.sub (local.get $x) (f64.const 1)))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    (local.set $r3 (f64.mul (local.get $r) (local.get $r2)))
    ;; POLY1[i] is at 2104 + 8i
    (local.set $p012 (call $fma (local.get $r2) (f64.load offset=2128 (i32.const 0))
                       (call $fma (local.get $r) (f64.load offset=2120 (i32.const 0)) (f64.load offset=2112 (i32.const 0)))))
    (local.set $p345 (call $fma (local.get $r2) (f64.load offset=2152 (i32.const 0))
                       (call $fma (local.get $r) (f64.load offset=2144 (i32.const 0)) (f64.load offset=2136 (i32.const 0)))))
    (local.set $p (call $fma (local.get $r3) (f64.load offset=2184 (i32.const 0))
                    (call $fma (local.get $r2) (f64.load offset=2176 (i32.const 0))
                      (call $fma (local.get $r) (f64.load offset=2168 (i32.const 0)) (f64.load offset=2160 (i32.const 0))))))
    (local.set $p (call $fma (local.get $p) (local.get $r3) (local.get $p345)))
    (local.set $p (call $fma (local.get $p) (local.get $r3) (local.get $p012)))
    (local.set $w (call $fma (local.get $r) (f64.const 0x1p27) (local.get $r)))
    (local.set $rhi (call $fma (f64.const -0x1p27) (local.get $r) (local.get $w)))
    (local.set $rhi2 (f64.mul (local.get $rhi) (local.get $rhi)))
    (local.set $rlo (f64.sub (local.get $r) (local.get $rhi)))
    (local.set $hi (call $fma (local.get $rhi2) (f64.load offset=2104 (i32.const 0)) (local.get $r)))
    (local.set $lo (call $fma (local.get $rhi2) (f64.load offset=2104 (i32.const 0)) (f64.sub (local.get $r) (local.get $hi))))
    (local.set $lo (call $fma (f64.mul (f64.load offset=2104 (i32.const 0)) (local.get $rlo))
                              (f64.add (local.get $r) (local.get $rhi)) (local.get $lo)))
    (f64.add (local.get $hi) (call $fma (local.get $p) (local.get $r3) (local.get $lo))))

  (func (export "log") (param $x f64) (result f64)
    (local $ix i64) (local $top i64) (local $tmp i64) (local $i i32) (local $z f64) (local $kd f64)
    (local $invc f64) (local $logc f64) (local $r f64) (local $w f64) (local $hi f64) (local $lo f64) (local $r2 f64)
    (local.set $ix (i64.reinterpret_f64 (local.get $x)))
    (if (i64.lt_u (i64.sub (local.get $ix) (i64.const 0x3fee000000000000)) (i64.const 0x0003090000000000))
      (then (return (call $logNearOne (local.get $x)))))
    (local.set $top (i64.shr_u (local.get $ix) (i64.const 48)))
    (if (i64.ge_u (i64.sub (local.get $top) (i64.const 0x10)) (i64.const 0x7fe0))
      (then
        (if (f64.eq (local.get $x) (f64.const 0)) (then (return (f64.const -inf))))
        (if (i64.eq (local.get $ix) (i64.const 0x7ff0000000000000)) (then (return (local.get $x))))
        (if (i32.or (i64.ne (i64.and (local.get $top) (i64.const 0x8000)) (i64.const 0))
                    (i64.eq (i64.and (local.get $top) (i64.const 0x7ff0)) (i64.const 0x7ff0)))
          (then (return (f64.const nan))))
        ;; subnormal: normalise, and take 52 back out of the exponent
        (local.set $ix (i64.sub (i64.reinterpret_f64 (f64.mul (local.get $x) (f64.const 0x1p52)))
                                (i64.const 0x0340000000000000)))))
    (local.set $tmp (i64.sub (local.get $ix) (i64.const 0x3fe6000000000000)))
    (local.set $i (i32.wrap_i64 (i64.and (i64.shr_u (local.get $tmp) (i64.const 45)) (i64.const 127))))
    (local.set $kd (f64.convert_i64_s (i64.shr_s (local.get $tmp) (i64.const 52))))
    (local.set $z (f64.reinterpret_i64 (i64.sub (local.get $ix) (i64.and (local.get $tmp) (i64.const 0xfff0000000000000)))))
    (local.set $invc (f64.load (i32.shl (local.get $i) (i32.const 4))))
    (local.set $logc (f64.load offset=8 (i32.shl (local.get $i) (i32.const 4))))
    (local.set $r (call $fma (local.get $z) (local.get $invc) (f64.const -1)))
    ;; LN2HI has 42 significant bits and |k| < 2^11: kd * LN2HI is exact, so the fma is a plain add
    (local.set $w (f64.add (f64.mul (local.get $kd) (f64.load offset=2048 (i32.const 0))) (local.get $logc)))
    (local.set $hi (f64.add (local.get $w) (local.get $r)))
    (local.set $lo (call $fma (local.get $kd) (f64.load offset=2056 (i32.const 0))
                     (f64.add (f64.sub (local.get $w) (local.get $hi)) (local.get $r))))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    ;; POLY[i] is at 2064 + 8i
    (f64.add
      (call $fma (f64.mul (local.get $r) (local.get $r2))
        (call $fma (call $fma (local.get $r) (f64.load offset=2096 (i32.const 0)) (f64.load offset=2088 (i32.const 0)))
                   (local.get $r2)
                   (call $fma (local.get $r) (f64.load offset=2080 (i32.const 0)) (f64.load offset=2072 (i32.const 0))))
        (call $fma (local.get $r2) (f64.load offset=2064 (i32.const 0)) (local.get $lo)))
      (local.get $hi))))
