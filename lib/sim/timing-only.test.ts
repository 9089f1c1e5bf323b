import { describe, expect, it } from "vitest";
import { dtype, type DTypeName } from "./dtypes";
import { broadcastPartitions, matmul, rmsNorm, softmax, variance } from "./lower/nl";
import { Machine } from "./machine";
import { fullView, sliceView, type View } from "./memory/tensor";
import { activation, activationReduce } from "./ops/activation";
import { dmaCopy, dmaTranspose, store } from "./ops/dma";
import {
  memset, reciprocal, scalarTensorTensor, tensorCopy, tensorCopyPredicated, tensorScalar, tensorScalarReduce, tensorTensor,
} from "./ops/elementwise";
import { dropout, rand } from "./ops/random";
import { bnAggr, bnStats, max8, ncFindIndex8, ncMatchReplace8, tensorPartitionReduce, tensorReduce, tensorTensorScan } from "./ops/reduce";
import { affineSelect, gatherFlattened, iota, localGather, ncStreamShuffle, rangeSelect, selectReduce } from "./ops/select";
import { ncMatmul, ncTranspose } from "./ops/tensor-engine";
import { InstrFlag, Memory } from "./trace/types";

describe("timing-only mode", () => {
  it("runs every instruction and lowering without storage, still recording each one", () => {
    const m = new Machine({ target: "trn2", mode: "timing-only" });
    const sb = (shape: number[], d: DTypeName = "float32"): View => fullView(m.allocOnChip("s", Memory.Sbuf, shape, dtype(d)));
    const ps = (shape: number[]): View => fullView(m.allocOnChip("p", Memory.Psum, shape, dtype("float32")));
    const h = fullView(m.allocHbm("h", [128, 512], dtype("bfloat16")));
    const x = sb([128, 512], "bfloat16");
    const col = sb([128, 1]);
    const small = sb([128, 64]);
    const ints = sb([128, 64], "int32");
    const u8 = sb([128, 64], "uint8");
    const calls: (() => void)[] = [
      () => dmaCopy(m, x, h),
      () => dmaTranspose(m, sb([128, 128], "bfloat16"), sliceView(h, 1, 0, 128)),
      () => store(m, h, x),
      () => ncMatmul(m, ps([128, 512]), sliceView(x, 1, 0, 128), x),
      () => ncTranspose(m, ps([64, 128]), small),
      () => activation(m, small, small, { op: "exp", bias: col, scale: 2 }),
      () => activationReduce(m, small, small, { op: "tanh", reduceOp: "add", reduceRes: col }),
      () => tensorTensor(m, small, small, small, "add"),
      () => tensorScalar(m, small, small, { op0: "multiply", operand0: col, op1: "add", operand1: 1 }),
      () => scalarTensorTensor(m, small, small, { op0: "add", operand0: 1, op1: "multiply", operand1: small }),
      () => tensorScalarReduce(m, small, small, { op0: "add", operand0: 1, reduceOp: "maximum", reduceRes: col }),
      () => tensorCopy(m, small, small),
      () => tensorCopyPredicated(m, small, small, { predicate: u8 }),
      () => reciprocal(m, small, small),
      () => memset(m, small, 0),
      () => tensorReduce(m, col, small, { op: "add", axes: [1] }),
      () => tensorPartitionReduce(m, sb([1, 64]), small, "add"),
      () => tensorTensorScan(m, small, small, small, { initial: 0, op0: "multiply", op1: "add" }),
      () => bnStats(m, sb([128, 6]), small),
      () => bnAggr(m, sb([128, 2]), sb([128, 6])),
      () => max8(m, sb([128, 8]), small),
      () => ncFindIndex8(m, sb([128, 8], "uint32"), small, sb([128, 8])),
      () => ncMatchReplace8(m, small, small, sb([128, 8]), 0),
      () => iota(m, ints, { offset: 0, channelMultiplier: 1, pattern: [[1, 64]] }),
      () => affineSelect(m, small, { offset: 0, channelMultiplier: 1, pattern: [[-1, 64]] }, "greater_equal", small, 0),
      () => rangeSelect(m, small, { onTrue: small, compOp0: "greater_equal", compOp1: "less", bound0: col, bound1: col }),
      () => selectReduce(m, small, { predicate: u8, onTrue: small, onFalse: 0, reduceRes: col }),
      () => ncStreamShuffle(m, small, small, Array.from({ length: 32 }, (_, i) => 31 - i)),
      () => localGather(m, sb([128, 4]), small, sb([128, 1], "uint16"), 1, 4),
      () => gatherFlattened(m, small, small, ints),
      () => rand(m, small),
      () => dropout(m, small, small, 0.5),
      () => softmax(m, small),
      () => rmsNorm(m, small, sb([1, 64]), 64),
      () => variance(m, small, 1),
      () => broadcastPartitions(m, sb([1, 64]), 128),
      () => matmul(m, sb([128, 128], "bfloat16"), sb([128, 256], "bfloat16")),
    ];
    let expected = 0;
    for (const call of calls) {
      const before = m.trace.length;
      call();
      expect(m.trace.length).toBeGreaterThan(before);
      expected = m.trace.length;
    }
    for (let i = 0; i < expected; i++) expect(m.trace.flags(i) & InstrFlag.TimingOnly).toBe(InstrFlag.TimingOnly);
  });
});
