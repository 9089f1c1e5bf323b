/**
 * Timing constants for each simulated target, one flat record per target so the hot scheduling loop
 * reads plain numbers. Every constant carries a provenance entry in TIMING_SOURCES: either a source
 * key of /work/shared/reference/nki.md §10 (with the section it is quoted in) or `assumed` with the
 * reason. The type of TIMING_SOURCES forces a provenance entry for every constant of every target.
 */

export const TARGETS = ["trn1", "trn2", "trn3"] as const;
export type TargetName = (typeof TARGETS)[number];

export interface TimingConstants {
  /** NeuronCore generation shown in reports. */
  readonly coreVersion: "NC-v2" | "NC-v3" | "NC-v4";

  // Engine clocks (GHz = cycles per ns).
  readonly tensorClockGHz: number;
  readonly vectorClockGHz: number;
  readonly scalarClockGHz: number;
  readonly gpsimdClockGHz: number;
  readonly syncClockGHz: number;

  // Issue floors and fixed overheads (engine cycles).
  /** Minimum initiation interval of a Vector/Scalar/GpSimd instruction. */
  readonly minII: number;
  /** Minimum initiation interval of tensor_copy_dynamic_src/dst. */
  readonly minIIDynamic: number;
  /** Static cost added when an instruction had to wait on a semaphore (dependent instruction). */
  readonly dependentOverheadCycles: number;
  /** Cycles from the end of an instruction's issue interval until its results are visible. */
  readonly pipelineLatencyCycles: number;
  /** Fixed start cost of GpSimd iota / affine_select / local_gather. */
  readonly gpsimdStartCycles: number;
  /** Compute-engine semaphore hand-off between two different engines (ns). */
  readonly crossEngineSemaphoreNs: number;

  // Tensor engine.
  readonly mmInitLatency: number;
  /** LoadStationary moves this many stationary columns per TensorE cycle. */
  readonly loadStationaryColumnsPerCycle: number;
  /** Cycle multiplier for fp32 matmul inputs. */
  readonly fp32MatmulFactor: number;
  /** Cycle multiplier for fp32 transposes in is_transpose mode. */
  readonly fp32TransposeFactor: number;
  /** Contraction rows per partition a double-row FP8 matmul processes in one pass (1 = unsupported). */
  readonly fp8DoubleRowFactor: number;
  /** Contraction rows per partition an MX matmul processes in one pass (1 = unsupported). */
  readonly mxRowFactor: number;
  /** Fraction of full TensorE rate right after work begins (1 = no throttling). */
  readonly throttleStartFraction: number;
  /** Time to ramp from the start fraction to full rate (ns). */
  readonly throttleRampNs: number;
  /** Window over which utilisation below 50% re-engages the throttle (ns). */
  readonly throttleWindowNs: number;

  // Vector / Scalar engines: speed-ups of the NC-v3/v4 performance modes over the NC-v2 formulas.
  readonly vectorPerfModeCopyFast: number;
  readonly vectorPerfModeCopySlow: number;
  readonly vectorPerfModeTensorTensor: number;
  /** VectorE exponential versus ScalarE exp (NC-v4 only; 0 = not available). */
  readonly vectorExpSpeedup: number;
  /** ScalarE 16-bit (and fp8) width mode speed-up. */
  readonly scalarNarrowSpeedup: number;
  /** tensor_reduce bf16 add/max processes two elements per cycle. */
  readonly reduceBf16Speedup: number;
  /** Innermost stride above 16 bytes halves SBUF/PSUM bandwidth. */
  readonly stridePenaltyFactor: number;

  // DMA.
  readonly dmaEngines: number;
  readonly dmaQueuesPerEngine: number;
  readonly partitionsPerDmaEngine: number;
  /** Sustained per-engine bandwidth for large buffers (bytes per ns). */
  readonly dmaEngineBytesPerNs: number;
  /** Per-descriptor (DMA buffer) processing cost on a DMA engine (ns). */
  readonly dmaBufferCostNs: number;
  /** Semaphore trigger to data movement start (ns). */
  readonly dmaStartLatencyNs: number;
  /** Per-core HBM bandwidth cap (bytes per ns). */
  readonly hbmBytesPerNs: number;
  /** DMA transpose throughput as a fraction of copy throughput, HBM -> SBUF. */
  readonly dmaTransposeHbmFraction: number;
  /** DMA transpose throughput as a fraction of copy throughput, SBUF -> SBUF. */
  readonly dmaTransposeSbufFraction: number;

  // Peaks used by the profile (per NeuronCore).
  readonly peakBf16Tflops: number;
}

export type ConstantName = Exclude<keyof TimingConstants, "coreVersion">;

/** Where a constant comes from: a reference source key, a calibration, or an assumption. */
export type ConstantSource =
  | { readonly kind: "source"; readonly key: string; readonly note?: string }
  | { readonly kind: "calibrated"; readonly against: string }
  | { readonly kind: "assumed"; readonly reason: string };

const src = (key: string, note?: string): ConstantSource => ({ kind: "source", key, note });
const calibrated = (against: string): ConstantSource => ({ kind: "calibrated", against });
const assumed = (reason: string): ConstantSource => ({ kind: "assumed", reason });

const TRN1: TimingConstants = {
  coreVersion: "NC-v2",
  tensorClockGHz: 2.8,
  vectorClockGHz: 1.12,
  scalarClockGHz: 1.4,
  gpsimdClockGHz: 1.4,
  syncClockGHz: 1.4,
  minII: 64,
  minIIDynamic: 600,
  dependentOverheadCycles: 100,
  pipelineLatencyCycles: 100,
  gpsimdStartCycles: 150,
  crossEngineSemaphoreNs: 0,
  mmInitLatency: 64,
  loadStationaryColumnsPerCycle: 4,
  fp32MatmulFactor: 4,
  fp32TransposeFactor: 4,
  fp8DoubleRowFactor: 1,
  mxRowFactor: 1,
  throttleStartFraction: 1,
  throttleRampNs: 0,
  throttleWindowNs: 0,
  vectorPerfModeCopyFast: 1,
  vectorPerfModeCopySlow: 1,
  vectorPerfModeTensorTensor: 1,
  vectorExpSpeedup: 0,
  scalarNarrowSpeedup: 1,
  reduceBf16Speedup: 2,
  stridePenaltyFactor: 2,
  dmaEngines: 16,
  dmaQueuesPerEngine: 16,
  partitionsPerDmaEngine: 8,
  dmaEngineBytesPerNs: 17,
  dmaBufferCostNs: 12,
  dmaStartLatencyNs: 1300,
  hbmBytesPerNs: 410,
  dmaTransposeHbmFraction: 0.25,
  dmaTransposeSbufFraction: 0.25,
  peakBf16Tflops: 92,
};

const TRN2: TimingConstants = {
  ...TRN1,
  coreVersion: "NC-v3",
  tensorClockGHz: 2.4,
  vectorClockGHz: 0.96,
  scalarClockGHz: 1.2,
  gpsimdClockGHz: 1.2,
  syncClockGHz: 1.2,
  fp32TransposeFactor: 2,
  fp8DoubleRowFactor: 2,
  throttleStartFraction: 0.5,
  throttleRampNs: 3000,
  throttleWindowNs: 3000,
  vectorPerfModeCopyFast: 4,
  vectorPerfModeCopySlow: 2,
  vectorPerfModeTensorTensor: 2,
  dmaEngineBytesPerNs: 23,
  hbmBytesPerNs: 362,
  dmaTransposeHbmFraction: 0.9,
  dmaTransposeSbufFraction: 0.5,
  peakBf16Tflops: 79,
};

const TRN3: TimingConstants = {
  ...TRN2,
  coreVersion: "NC-v4",
  vectorClockGHz: 1.2,
  mxRowFactor: 4,
  vectorExpSpeedup: 4,
  scalarNarrowSpeedup: 2,
  dmaEngineBytesPerNs: 33,
  hbmBytesPerNs: 612,
};

export const TIMING_CONFIGS: Readonly<Record<TargetName, TimingConstants>> = {
  trn1: TRN1,
  trn2: TRN2,
  trn3: TRN3,
};

export function timingConfig(target: TargetName): TimingConstants {
  return TIMING_CONFIGS[target];
}

const SHARED_SOURCES: Record<ConstantName, ConstantSource> = {
  tensorClockGHz: src("ARCH-V2", "§3.2 TensorE clock"),
  vectorClockGHz: src("ARCH-V2", "§3.2 VectorE clock"),
  scalarClockGHz: src("ARCH-V2", "§3.2 ScalarE clock"),
  gpsimdClockGHz: src("ARCH-V2", "§3.2 GpSimd clock"),
  syncClockGHz: assumed("the Sync engine clock is unpublished; taken equal to the ScalarE/GpSimd clock"),
  minII: src("ISA226", "§4 MIN_II ≈ 64 engine cycles"),
  minIIDynamic: src("ISA226", "§4.1 tensor_copy_dynamic MIN_II_DYNAMIC ≈ 600 cycles"),
  dependentOverheadCycles: src("ARCH-V2", "§4.2 ~100 cycles static overhead for back-to-back dependent instructions [PERF]"),
  pipelineLatencyCycles: calibrated(
    "§4.2 [PERF] dependent 1-element ScalarE activations issue every ~189 ns = 264 cycles on NC-v2: 264 − MIN_II 64 − static overhead 100 = 100",
  ),
  gpsimdStartCycles: src("ISA226", "§4.1 iota/affine_select GPSIMD_START ≈ 150 cycles"),
  crossEngineSemaphoreNs: assumed(
    "§4.4/§8.10: compute-to-compute semaphore latency is unpublished; the dependent-instruction overhead and pipeline latency already separate producer and consumer",
  ),
  mmInitLatency: src("ARCH-V2", "§4.1 MM_INIT_LATENCY = 64 TensorE cycles"),
  loadStationaryColumnsPerCycle: src("ARCH-V2", "§3.3/§4.1 LoadStationary up to 4x faster than MultiplyMoving [PERF]"),
  fp32MatmulFactor: src("ISA226", "§4.1 nc_matmul fp32 inputs 4x [ARCH-V2]"),
  fp32TransposeFactor: src("ARCH-V3", "§3.3 transpose mode 2x faster FP32 transpose (NC-v3+); NC-v2 keeps the fp32 ¼ rate"),
  fp8DoubleRowFactor: src("ARCH-V3", "§3.3 FP8 double row: K=256 in the time of a BF16 K=128 instruction (NC-v3, documented for NC-v4 in [ISA-HEAD])"),
  mxRowFactor: src("ARCH-V4", "§3.3 MX matmul 4x BF16 throughput (K=512 as 128 partitions x 4)"),
  throttleStartFraction: src("EXPL-SUM", "§4.2 TensorE starts at ~50% of max utilisation on trn2/trn3"),
  throttleRampNs: src("EXPL-SUM", "§4.2 ramps to full over ~3 µs"),
  throttleWindowNs: src("EXPL-SUM", "§4.2 re-engages when utilisation < 50% over ~3 µs"),
  vectorPerfModeCopyFast: src("ARCH-V3", "§3.4 4x tensor_copy/tensor_scalar, SBUF in/out, 16-bit, contiguous"),
  vectorPerfModeCopySlow: src("ARCH-V3", "§3.4 2x when non-contiguous or one side in PSUM"),
  vectorPerfModeTensorTensor: src("ARCH-V3", "§3.4 2x tensor_tensor with both inputs in SBUF and all 16-bit"),
  vectorExpSpeedup: src("ARCH-V4", "§3.4 VectorE exponential 4x ScalarE exp"),
  scalarNarrowSpeedup: src("ARCH-V4", "§3.2/§3.5 ScalarE 256 BF16/FP16/FP8 elements per cycle vs 128 other"),
  reduceBf16Speedup: src("ISA226", "§4.1 tensor_reduce N/2 for bf16 add/max"),
  stridePenaltyFactor: src("ARCH-V2", "§3.7 innermost stride > 16 B halves SBUF/PSUM bandwidth"),
  dmaEngines: src("ARCH-V2", "§3.2/§4.3 16 DMA engines per core [DMA]"),
  dmaQueuesPerEngine: src("DMA", "§4.3 16 queues per engine"),
  partitionsPerDmaEngine: src("DMA", "§4.3 each engine covers 8 SBUF partitions"),
  dmaEngineBytesPerNs: src("DMA-BW", "§4.3 practical per-engine 17 / 23 / 33 B/ns for TRN1/2/3"),
  dmaBufferCostNs: calibrated(
    "§4.3 [DMA] curve (< 256 B/partition overhead-bound, ≥ 4 KiB nearly saturated) while keeping the trn2 32 KiB single-engine DMA at 1416 ns within 10% (see calibration.test.ts)",
  ),
  dmaStartLatencyNs: src("DMA-BW", "§4.1 semaphore-to-start ≈ 1300 ns"),
  hbmBytesPerNs: src("TRN1-CHIP", "§3.2 derived per-core HBM: 820 GB/s / 2 cores"),
  dmaTransposeHbmFraction: src("ARCH-V3", "§4.3 trn2 DMA transpose 90% of copy throughput HBM->SBUF"),
  dmaTransposeSbufFraction: src("ARCH-V3", "§4.3 trn2 DMA transpose 50% of copy throughput SBUF->SBUF"),
  peakBf16Tflops: src("ARCH-V2", "§3.2 TensorE peak BF16 per core [ARCH-V3][ARCH-V4]"),
};

const TRN1_OVERRIDES: Partial<Record<ConstantName, ConstantSource>> = {
  fp8DoubleRowFactor: src("ARCH-V2", "§3.1 NC-v2 runs cFP8 at the BF16 rate; no double-row mode"),
  mxRowFactor: src("ARCH-V4", "MX matmul exists only on NC-v4"),
  vectorPerfModeCopyFast: src("ARCH-V3", "performance modes are NC-v3+; NC-v2 is the 1x baseline"),
  vectorPerfModeCopySlow: src("ARCH-V3", "performance modes are NC-v3+; NC-v2 is the 1x baseline"),
  vectorPerfModeTensorTensor: src("ARCH-V3", "performance modes are NC-v3+; NC-v2 is the 1x baseline"),
  vectorExpSpeedup: src("ARCH-V4", "VectorE exponential exists only on NC-v4"),
  scalarNarrowSpeedup: src("ARCH-V4", "the 256-wide ScalarE mode is NC-v4 only"),
  throttleStartFraction: src("EXPL-SUM", "throttling is documented for trn2 and trn3 only"),
  throttleRampNs: src("EXPL-SUM", "throttling is documented for trn2 and trn3 only"),
  throttleWindowNs: src("EXPL-SUM", "throttling is documented for trn2 and trn3 only"),
  dmaTransposeHbmFraction: assumed(
    "[PERF] says load_transpose2d has 'much lower DMA bandwidth' on trn1 without a number; ¼ of copy throughput chosen",
  ),
  dmaTransposeSbufFraction: assumed("no trn1 figure; same ¼ as the HBM->SBUF transpose"),
};

const TRN2_OVERRIDES: Partial<Record<ConstantName, ConstantSource>> = {
  tensorClockGHz: src("ARCH-V3", "§3.2 TensorE clock"),
  vectorClockGHz: src("ARCH-V3", "§3.2 VectorE clock"),
  scalarClockGHz: src("ARCH-V3", "§3.2 ScalarE clock"),
  gpsimdClockGHz: src("ARCH-V3", "§3.2 GpSimd clock"),
  hbmBytesPerNs: src("TRN2-CHIP", "§3.2 derived per-core HBM: 2.9 TB/s / 8 cores"),
};

const TRN3_OVERRIDES: Partial<Record<ConstantName, ConstantSource>> = {
  tensorClockGHz: src("ARCH-V4", "§3.2 TensorE clock"),
  vectorClockGHz: src("ARCH-V4", "§3.2 VectorE clock"),
  scalarClockGHz: src("ARCH-V4", "§3.2 ScalarE clock"),
  gpsimdClockGHz: src("ARCH-V4", "§3.2 GpSimd clock"),
  hbmBytesPerNs: src("TRN3-CHIP", "§3.2 derived per-core HBM: 4.9 TB/s / 8 cores"),
  vectorPerfModeCopyFast: assumed("NC-v4 keeps the NC-v3 VectorE widths (512 16-bit / 256 other) [ARCH-V4]; modes assumed unchanged"),
  vectorPerfModeCopySlow: assumed("NC-v4 keeps the NC-v3 VectorE widths [ARCH-V4]; modes assumed unchanged"),
  vectorPerfModeTensorTensor: assumed("NC-v4 keeps the NC-v3 VectorE widths [ARCH-V4]; modes assumed unchanged"),
  dmaTransposeHbmFraction: assumed("no NC-v4 figure; NC-v3 value kept"),
  dmaTransposeSbufFraction: assumed("no NC-v4 figure; NC-v3 value kept"),
  fp8DoubleRowFactor: src("ISA-HEAD", "nc_matmul documents double_row for NC-v3 and NC-v4 (§8.5 conflict noted)"),
};

export const TIMING_SOURCES: Readonly<Record<TargetName, Readonly<Record<ConstantName, ConstantSource>>>> = {
  trn1: { ...SHARED_SOURCES, ...TRN1_OVERRIDES },
  trn2: { ...SHARED_SOURCES, ...TRN2_OVERRIDES },
  trn3: { ...SHARED_SOURCES, ...TRN3_OVERRIDES },
};

/** One line per constant, for docs and the UI's "what is modelled" panel. */
export function describeConstant(target: TargetName, name: ConstantName): string {
  const value = TIMING_CONFIGS[target][name];
  const source = TIMING_SOURCES[target][name];
  const origin =
    source.kind === "source"
      ? `[${source.key}]${source.note ? ` ${source.note}` : ""}`
      : source.kind === "calibrated"
        ? `calibrated: ${source.against}`
        : `assumed: ${source.reason}`;
  return `${name} = ${value} — ${origin}`;
}
