/**
 * Profiles of real simulated NKI kernels for the dev page, the viewer's tests and its benchmark: the
 * kernel source runs in the Python engine under `nki.benchmark` (timing-only), and its trace is
 * profiled and turned into a ProfileDocument exactly as the kernel does for a notebook cell.
 * Sizes are parameters so one kernel yields a few hundred or 200 000 instructions.
 */

import { Session } from "../../../lib/python";
import { NUMPY_MODULES } from "../../../lib/numpy/python";
import { createNkiModules, lastKernelMachine } from "../../../lib/nki";
import { profileDocument, profileTrace, type Profile, type ProfileDocument } from "../../../lib/profile";
import type { TargetName } from "../../../lib/sim/timing";

export const FIXTURE_FILE = "matmul_exp.py";

/** A tiled matmul with an exp epilogue: DMA loads, TensorE, ScalarE and stores in nested affine loops. */
export const FIXTURE_KERNEL = `import numpy as np
import neuronxcc.nki as nki
import neuronxcc.nki.language as nl


@nki.jit
def matmul_exp(lhsT, rhs):
    K, M = lhsT.shape
    _, N = rhs.shape
    out = nl.ndarray((M, N), dtype=nl.bfloat16, buffer=nl.shared_hbm)
    for m in nl.affine_range(M // 128):
        for n in nl.affine_range(N // 512):
            acc = nl.zeros((128, 512), dtype=nl.float32, buffer=nl.psum)
            for k in nl.affine_range(K // 128):
                a = nl.load(lhsT[k * 128:(k + 1) * 128, m * 128:(m + 1) * 128])
                b = nl.load(rhs[k * 128:(k + 1) * 128, n * 512:(n + 1) * 512])
                acc += nl.matmul(a, b, transpose_x=True)
            y = nl.exp(acc)
            nl.store(out[m * 128:(m + 1) * 128, n * 512:(n + 1) * 512], value=y)
    return out
`;

export interface FixtureShape {
  readonly K: number;
  readonly M: number;
  readonly N: number;
}

/** Shapes by name: "small" for tests and screenshots, "large" (~200 000 instructions) for the benchmark. */
export const FIXTURE_SHAPES: Readonly<Record<string, FixtureShape>> = {
  small: { K: 512, M: 256, N: 1024 },
  medium: { K: 2048, M: 1024, N: 2048 },
  large: { K: 4096, M: 4096, N: 32768 },
};

/** Shape-only arguments: the run is timing-only, so even the large shape takes seconds. */
function shapeArgs(shape: FixtureShape): string {
  return `nt.tensor[[${shape.K}, ${shape.M}], nl.bfloat16], nt.tensor[[${shape.K}, ${shape.N}], nl.bfloat16]`;
}

/** A notebook cell that defines the kernel and ends with `kernel_lab.profile(...)`, whose value displays as the profile. */
export function fixtureCell(shape: FixtureShape, target: TargetName): string {
  return `${FIXTURE_KERNEL}\nimport kernel_lab\nimport neuronxcc.nki.typing as nt\nkernel_lab.profile(matmul_exp, ${shapeArgs(shape)}, target="${target}")\n`;
}

export function fixtureDocument(shape: FixtureShape, target: TargetName): ProfileDocument {
  return fixtureProfile(shape, target).document;
}

/** The kernel's Profile and the document made from it (tests compare the two). */
export function fixtureProfile(shape: FixtureShape, target: TargetName): { profile: Profile; document: ProfileDocument } {
  const s = new Session({ stdout: () => {}, stderr: () => {}, modules: [...NUMPY_MODULES, ...createNkiModules({ target })] });
  const run = (code: string, cellName: string) => {
    const r = s.execute(code, { cellName });
    if (r.status === "error") throw new Error(r.error.traceback);
  };
  run(FIXTURE_KERNEL, FIXTURE_FILE);
  run(`import neuronxcc.nki.typing as nt\nnki.benchmark(matmul_exp)(${shapeArgs(shape)})`, "<fixture>");
  const machine = lastKernelMachine(s.runtime);
  if (!machine) throw new Error("fixture kernel did not run");
  const profile = profileTrace(machine.trace, target);
  return { profile, document: profileDocument(profile, { kernelName: "matmul_exp", sources: [{ file: FIXTURE_FILE, text: FIXTURE_KERNEL }] }) };
}
