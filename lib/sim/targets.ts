/**
 * Per-target NeuronCore capacities and tile limits (functional model only; clocks and timing constants
 * live in lib/sim/timing). Source keys refer to /work/shared/reference/nki.md §10.
 */

export type TargetName = "trn1" | "trn2" | "trn3";

export interface Target {
  readonly name: TargetName;
  /** NeuronCore generation: 2 = NC-v2 (trn1/inf2), 3 = NC-v3 (trn2), 4 = NC-v4 (trn3). */
  readonly ncVersion: 2 | 3 | 4;
  /** [ARCH-V2][PM226] pmax: partitions of SBUF and PSUM. */
  readonly partitions: number;
  /** Physical SBUF bytes per partition: 192 KiB [ARCH-V2], 224 KiB [ARCH-V3], 256 KiB (32 MiB / 128) [ARCH-V4]. */
  readonly sbufBytesPerPartition: number;
  /**
   * SBUF bytes per partition a kernel may allocate: 192 KiB − 16 KiB reserved on NC-v2 [ALLOC226];
   * 212,984 / 245,752 B on trn2/trn3 are wheel-derived [3P-RESEARCH] (unverified, see docs/nki-semantics.md).
   */
  readonly sbufUsableBytesPerPartition: number;
  /** PSUM: 8 banks × 2 KiB per partition = 16 KiB [ARCH-V2]; 2 MiB per core on NC-v3/v4 [ARCH-V3][ARCH-V4]. */
  readonly psumBanks: number;
  readonly psumBankBytes: number;
  /** [PM226] TC#2 psum_fmax: free size of a matmul output tile (one bank of fp32). */
  readonly psumFmax: number;
  /** [PM226] TC#3 gemm_stationary_fmax. */
  readonly gemmStationaryFmax: number;
  /** [PM226] gemm_moving_fmax (512); NC-v4 allows 4096 fp32 / 8192 bf16 destinations [ISA-HEAD nc_matmul]. */
  readonly gemmMovingFmax: number;
  readonly gemmMovingFmaxNcV4Fp32: number | null;
  readonly gemmMovingFmaxNcV4Bf16: number | null;
  /** [ISA226 bn_stats] bn_stats_fmax. */
  readonly bnStatsFmax: number;
  /** [ARCH-V2] Vector/Scalar free size limits: 64K elements from SBUF, 4K from PSUM. */
  readonly engineFmaxSbuf: number;
  readonly engineFmaxPsum: number;
  /** [ISA226 max8] elements per partition accepted by max8. */
  readonly max8MinElems: number;
  readonly max8MaxElems: number;
  /** [ARCH-V2] compute engines with their own sequencer, plus the Sync engine that triggers DMAs. */
  readonly engines: readonly ("tensor" | "vector" | "scalar" | "gpsimd" | "sync")[];
  /** DMA engines per NeuronCore: 16 on all three generations [ARCH-V2][ARCH-V3][DMA]. */
  readonly dmaEngines: number;
  /** HBM per core (derived in [§3.2]: 32 GiB / 2, 96 GiB / 8, 144 GiB / 8). */
  readonly hbmBytesPerCore: number;
  /** [TILESIZE-HEAD] alignment of SBUF/PSUM allocations (4 B per [3P-RESEARCH], unverified). */
  readonly sbufMinAlign: number;
  readonly psumMinAlign: number;
  /** Physical cores a legacy `nl.nc(2)` grid may use: 2 on trn2/trn3 (LNC) [LANG226][LNC], 1 on trn1. */
  readonly maxLogicalCores: number;
}

const KiB = 1024;
const GiB = 1024 * 1024 * 1024;
const ENGINES = ["tensor", "vector", "scalar", "gpsimd", "sync"] as const;

const common = {
  partitions: 128,
  psumBanks: 8,
  psumBankBytes: 2 * KiB,
  psumFmax: 512,
  gemmStationaryFmax: 128,
  gemmMovingFmax: 512,
  bnStatsFmax: 512,
  engineFmaxSbuf: 64 * 1024,
  engineFmaxPsum: 4 * 1024,
  max8MinElems: 8,
  max8MaxElems: 16_384,
  engines: ENGINES,
  dmaEngines: 16,
  sbufMinAlign: 4,
  psumMinAlign: 4,
} as const;

export const TARGETS: Readonly<Record<TargetName, Target>> = {
  trn1: {
    ...common,
    name: "trn1",
    ncVersion: 2,
    sbufBytesPerPartition: 192 * KiB,
    sbufUsableBytesPerPartition: 192 * KiB - 16 * KiB,
    gemmMovingFmaxNcV4Fp32: null,
    gemmMovingFmaxNcV4Bf16: null,
    hbmBytesPerCore: 16 * GiB,
    maxLogicalCores: 1,
  },
  trn2: {
    ...common,
    name: "trn2",
    ncVersion: 3,
    sbufBytesPerPartition: 224 * KiB,
    sbufUsableBytesPerPartition: 212_984,
    gemmMovingFmaxNcV4Fp32: null,
    gemmMovingFmaxNcV4Bf16: null,
    hbmBytesPerCore: 12 * GiB,
    maxLogicalCores: 2,
  },
  trn3: {
    ...common,
    name: "trn3",
    ncVersion: 4,
    sbufBytesPerPartition: 256 * KiB,
    sbufUsableBytesPerPartition: 245_752,
    gemmMovingFmaxNcV4Fp32: 4096,
    gemmMovingFmaxNcV4Bf16: 8192,
    hbmBytesPerCore: 18 * GiB,
    maxLogicalCores: 2,
  },
};

export const DEFAULT_TARGET: TargetName = "trn2";

/** Accepts the names NEURON_PLATFORM_TARGET_OVERRIDE accepts [NKI-HEAD]: trn1|inf2|gen2, trn2|gen3, trn3|gen4. */
export function resolveTarget(name: string | undefined): Target {
  if (name === undefined || name === "") return TARGETS[DEFAULT_TARGET];
  const key = name.trim().toLowerCase();
  const aliases: Record<string, TargetName> = {
    trn1: "trn1", inf2: "trn1", gen2: "trn1",
    trn2: "trn2", gen3: "trn2",
    trn3: "trn3", gen4: "trn3",
  };
  const resolved = aliases[key];
  if (!resolved) throw new Error(`unknown target '${name}' (expected trn1, trn2 or trn3)`);
  return TARGETS[resolved];
}

/** Bytes of PSUM per partition. */
export function psumBytesPerPartition(t: Target): number {
  return t.psumBanks * t.psumBankBytes;
}
