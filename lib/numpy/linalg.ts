/**
 * matmul (numpy's gufunc rules incl. 1-D promotion and batch broadcasting), dot, inner, outer,
 * tensordot-style contraction, einsum, linalg.norm.
 *
 * float32 products use the WebAssembly SIMD kernel in ./kernels (float32 accumulation); other dtypes
 * accumulate in double and round once. numpy's BLAS sums in an implementation-defined order, so
 * float results agree with numpy to rounding, not bit-for-bit.
 */
import { exactMatmul } from "./exact-int64-ops";
import { recordWholeResult } from "./fp-errors";
import { DTYPES, allocate, castValue, resultType } from "./dtypes";
import { valueError } from "./errors";
import { deriveView } from "./kernels/heap";
import { roundArrayTo, roundTo } from "./float-formats";
import { NDArray, astype, broadcastShapes, broadcastView, contiguousData, elementOffsets, fromStorage, pyFloat, shapeSize } from "./ndarray";
import { normalizeAxes, sum, max, min } from "./reductions";
import { diagonal, expandDims, moveaxis, ravel, reshape } from "./shape";
import { binary, unary } from "./ufuncs";
import { matmulF32 } from "./kernels";
import { reportWork } from "./progress";

const SIG = "(n?,k),(k,m?)->(n?,m?)";

function finishDtype(out: NDArray): NDArray {
  if (out.dtype.narrow !== undefined) roundArrayTo(out.dtype.narrow, out.data as Float32Array, out.data as Float32Array);
  return out;
}

/** C[m,n] = A[m,k] B[k,n] for dense row-major operands, accumulating in double. */
function gemm(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, m: number, k: number, n: number, out: Float64Array, oOff: number): void {
  for (let i = 0; i < m; i++) {
    reportWork(k * n);
    const row = oOff + i * n;
    for (let p = 0; p < k; p++) {
      const av = a[aOff + i * k + p];
      if (av === 0) continue;
      const brow = bOff + p * n;
      for (let j = 0; j < n; j++) out[row + j] += av * b[brow + j];
    }
  }
  // Zero entries of A were skipped; propagate NaN/inf from B where A has zeros (0 * inf = NaN).
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      if (a[aOff + i * k + p] !== 0) continue;
      const brow = bOff + p * n;
      for (let j = 0; j < n; j++) {
        const bv = b[brow + j];
        if (bv - bv !== 0) out[oOff + i * n + j] += 0 * bv;
      }
    }
  }
}

export function matmul(x: NDArray, y: NDArray): NDArray {
  const r = matmulOf(x, y);
  recordWholeResult("matmul", [x, y], r);
  return r;
}

function matmulOf(x: NDArray, y: NDArray): NDArray {
  for (const [i, arr] of [x, y].entries()) {
    if (arr.ndim === 0) {
      throw valueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`,
      );
    }
  }
  const a = x.ndim === 1 ? expandDims(x, 0) : x;
  const b = y.ndim === 1 ? expandDims(y, 1) : y;
  const m = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const k2 = b.shape[b.ndim - 2];
  const n = b.shape[b.ndim - 1];
  if (k !== k2) {
    throw valueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${k2} is different from ${k})`,
    );
  }
  let batch: number[];
  try {
    batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  } catch {
    // numpy reports the gufunc's remapped operand shapes (core dimensions shown as newaxis).
    const remap = (s: readonly number[]): string => `${fmt(s)}->(${[...s.slice(0, -2), "newaxis", "newaxis"].join(",")})`;
    throw valueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a.shape)} ${remap(b.shape)}  and requested shape (${m},${n})`,
    );
  }
  const dtype = resultType(x.dtype, y.dtype);
  const av = contiguousData(broadcastView(a, [...batch, m, k]));
  const bv = contiguousData(broadcastView(b, [...batch, k, n]));
  const nb = shapeSize(batch);
  if (dtype.name === "float32" && av instanceof Float32Array && bv instanceof Float32Array) {
    // float32 @ float32: the WebAssembly SIMD kernel (float32 accumulation, like BLAS sgemm).
    const out = allocate(dtype, nb * m * n) as Float32Array;
    for (let t = 0; t < nb; t++) {
      const c = matmulF32(deriveView(av, t * m * k, (t + 1) * m * k), deriveView(bv, t * k * n, (t + 1) * k * n), m, k, n);
      out.set(c, t * m * n);
    }
    return fromStorage(dtype, matmulShape(x, y, batch, m, n), out);
  }
  const exact = exactMatmul(a, b, batch, m, k, n, dtype, matmulShape(x, y, batch, m, n));
  if (exact !== null) return exact;
  const acc = new Float64Array(nb * m * n);
  for (let t = 0; t < nb; t++) gemm(av, t * m * k, bv, t * k * n, m, k, n, acc, t * m * n);
  const out = allocate(dtype, acc.length);
  if (dtype.kind === "b") for (let i = 0; i < acc.length; i++) out[i] = acc[i] !== 0 ? 1 : 0;
  else if (dtype.isFloat) (out as Float64Array).set(acc);
  else for (let i = 0; i < acc.length; i++) out[i] = castValue(dtype, acc[i]);
  return finishDtype(fromStorage(dtype, matmulShape(x, y, batch, m, n), out));
}

/** Result shape after dropping the dimensions numpy added to 1-D operands. */
function matmulShape(x: NDArray, y: NDArray, batch: readonly number[], m: number, n: number): number[] {
  if (x.ndim === 1 && y.ndim === 1) return [...batch];
  if (x.ndim === 1) return [...batch, n];
  if (y.ndim === 1) return [...batch, m];
  return [...batch, m, n];
}

/** Sum of products over axis ia of a and axis ib of b; result dims: a's others then b's others. */
export function contract(a: NDArray, ia: number, b: NDArray, ib: number): NDArray {
  const am = moveaxis(a, ia, a.ndim - 1);
  const bm = moveaxis(b, ib, 0);
  const k = am.shape[am.ndim - 1];
  const outShape = [...am.shape.slice(0, -1), ...bm.shape.slice(1)];
  const a2 = reshape(am, [shapeSize(am.shape.slice(0, -1)), k]);
  const b2 = reshape(bm, [k, shapeSize(bm.shape.slice(1))]);
  return reshape(matmul(a2, b2), outShape);
}

export function dot(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) return binary("multiply", a, b);
  const ib = b.ndim >= 2 ? b.ndim - 2 : 0;
  if (a.shape[a.ndim - 1] !== b.shape[ib]) {
    throw valueError(
      `shapes ${fmt(a.shape)} and ${fmt(b.shape)} not aligned: ${a.shape[a.ndim - 1]} (dim ${a.ndim - 1}) != ${b.shape[ib]} (dim ${ib})`,
    );
  }
  const r = a.ndim <= 2 && b.ndim <= 2 ? matmulOf(a, b) : contract(a, a.ndim - 1, b, ib);
  recordWholeResult("dot", [a, b], r);
  return r;
}

export function inner(a: NDArray, b: NDArray): NDArray {
  if (a.ndim === 0 || b.ndim === 0) return binary("multiply", a, b);
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 1]) {
    // numpy reports b with its last axis moved to the front (how it computes inner via dot).
    const bShape = [b.shape[b.ndim - 1], ...b.shape.slice(0, -1)];
    throw valueError(`shapes ${fmt(a.shape)} and ${fmt(bShape)} not aligned: ${a.shape[a.ndim - 1]} (dim ${a.ndim - 1}) != ${bShape[0]} (dim 0)`);
  }
  return contract(a, a.ndim - 1, b, b.ndim - 1);
}

export function outer(a: NDArray, b: NDArray): NDArray {
  const ra = ravel(a);
  const rb = ravel(b);
  return binary("multiply", expandDims(ra, 1), expandDims(rb, 0));
}

function fmt(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

// ---- einsum ---------------------------------------------------------------------------------------

/** np.einsum for explicit ('ij,jk->ik') and implicit ('ij,jk') subscripts, any number of operands. */
export function einsum(subscripts: string, operands: readonly NDArray[]): NDArray {
  const spec = expandEllipsis(subscripts.replace(/\s+/g, ""), operands);
  const arrow = spec.indexOf("->");
  const inputs = (arrow >= 0 ? spec.slice(0, arrow) : spec).split(",");
  if (inputs.length !== operands.length) {
    throw valueError(`more operands provided to einstein sum function than specified in the subscripts string`);
  }
  let output: string;
  if (arrow >= 0) output = spec.slice(arrow + 2);
  else {
    const counts = new Map<string, number>();
    for (const s of inputs) for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    output = [...counts.entries()].filter(([, n]) => n === 1).map(([c]) => c).sort().join("");
  }
  const sizes = new Map<string, number>();
  inputs.forEach((labels, i) => {
    const op = operands[i];
    if (labels.length !== op.ndim) {
      throw valueError(`operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.`);
    }
    [...labels].forEach((c, d) => {
      if (!/[a-zA-Z]/.test(c)) throw valueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
      const prev = sizes.get(c);
      const n = op.shape[d];
      if (prev !== undefined && prev !== n && prev !== 1 && n !== 1) throw einsumBroadcastError(inputs, output, operands);
      sizes.set(c, prev === undefined || prev === 1 ? n : prev);
    });
  });
  for (const c of output) {
    if (!sizes.has(c)) throw valueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
  }
  const summed = [...sizes.keys()].filter((c) => !output.includes(c));
  const labels = [...output, ...summed];
  const dims = labels.map((c) => sizes.get(c) as number);
  // Per operand, the buffer stride contributed by each label (repeated labels add: a diagonal).
  const strides = operands.map((op, i) =>
    labels.map((c) => [...inputs[i]].reduce((s, l, d) => (l === c && op.shape[d] !== 1 ? s + op.strides[d] : s), 0)),
  );
  const dtype = resultType(...operands.map((o) => o.dtype));
  const outShape = [...output].map((c) => sizes.get(c) as number);
  const nOut = shapeSize(outShape);
  const nSum = shapeSize(summed.map((c) => sizes.get(c) as number));
  const no = output.length;
  const sumOffsets = operands.map((op, i) => elementOffsets(dims.slice(no), strides[i].slice(no), 0));
  const outOffsets = operands.map((op, i) => elementOffsets(dims.slice(0, no), strides[i].slice(0, no), op.offset));
  const acc = new Float64Array(nOut);
  const nOps = operands.length;
  // numpy's sum-of-products loops multiply in the operands' type (float for float16) and keep each
  // partial sum in the output's type, summing the contracted labels in order for each output.
  const round = dtype.name === "float32" || dtype.name === "float16" ? Math.fround : (x: number): number => x;
  const roundSum = dtype.name === "float16" ? (x: number): number => roundTo("float16", x) : round;
  // One contracted label that is every operand's last, unit-stride axis: numpy's contiguous
  // outstride0 loops, which sum in SIMD lanes (below). float16 has no SIMD loop: it sums in float
  // and rounds once.
  const lanes = dtype.name === "float32" ? 4 : dtype.name === "float64" ? 2 : dtype.name === "float16" ? 1 : 0;
  const contiguous =
    lanes > 0 && summed.length === 1 && nOps <= 2 && inputs.every((s, i) => s.indexOf(summed[0]) === s.length - 1 && s.lastIndexOf(summed[0]) === s.length - 1 && operands[i].strides[s.length - 1] === 1);
  if (contiguous) {
    const sumOf = contiguousReduction(lanes, nOps, round);
    for (let o = 0; o < nOut; o++) {
      reportWork(nSum * nOps);
      acc[o] = sumOf(operands[0].data, outOffsets[0][o], nOps === 2 ? operands[1].data : null, nOps === 2 ? outOffsets[1][o] : 0, nSum);
    }
  } else for (let o = 0; o < nOut; o++) {
    reportWork(nSum * nOps);
    let s = 0;
    for (let j = 0; j < nSum; j++) {
      let p = operands[0].data[outOffsets[0][o] + sumOffsets[0][j]];
      for (let q = 1; q < nOps; q++) p = round(p * operands[q].data[outOffsets[q][o] + sumOffsets[q][j]]);
      s = roundSum(s + p);
    }
    acc[o] = s;
  }
  const out = allocate(dtype, nOut);
  for (let i = 0; i < nOut; i++) out[i] = castValue(dtype, acc[i]);
  return finishDtype(fromStorage(dtype, outShape, out));
}

type Reducer = (a: ArrayLike<number>, a0: number, b: ArrayLike<number> | null, b0: number, n: number) => number;

/**
 * numpy's einsum loops for a contiguous contraction (sum_of_arr, sum_of_products_contig_contig_outstride0_two)
 * as built for numpy's baseline SIMD (SSE: 4 float32 or 2 float64 lanes, no FMA): each lane adds
 * every lanes-th term, four vectors a step ((x0 + x1) + (x2 + x3) for sums; products chained into the
 * accumulator from the fourth back for dot products), a zero-padded tail, then the lanes pairwise.
 * `lanes` 1 is the scalar loop of types without SIMD (float16, in float): four terms summed left to
 * right and then added, then the tail one by one.
 */
function contiguousReduction(lanes: number, nOps: number, round: (x: number) => number): Reducer {
  return (a, a0, b, b0, n) => {
    const term = (k: number): number => (k >= n ? 0 : b === null ? a[a0 + k] : round(a[a0 + k] * b[b0 + k]));
    const acc = new Array<number>(lanes).fill(0);
    let k = 0;
    if (lanes === 1) for (; n - k >= 4; k += 4) acc[0] = round(acc[0] + round(round(round(term(k) + term(k + 1)) + term(k + 2)) + term(k + 3)));
    else {
      for (; n - k >= 4 * lanes; k += 4 * lanes) {
        for (let l = 0; l < lanes; l++) {
          const t = (v: number): number => term(k + v * lanes + l);
          if (nOps === 1) acc[l] = round(round(round(t(0) + t(1)) + round(t(2) + t(3))) + acc[l]);
          else acc[l] = round(t(0) + round(t(1) + round(t(2) + round(t(3) + acc[l]))));
        }
      }
    }
    for (; k < n; k += lanes) for (let l = 0; l < lanes; l++) acc[l] = round(term(k + l) + acc[l]);
    return lanes === 4 ? round(round(acc[0] + acc[1]) + round(acc[2] + acc[3])) : lanes === 2 ? round(acc[0] + acc[1]) : acc[0];
  };
}

/**
 * Rewrite '...' into fresh capital letters: each operand's ellipsis covers its unnamed dimensions,
 * right-aligned so they broadcast; implicit outputs put the ellipsis dimensions first, as numpy does.
 */
function expandEllipsis(spec: string, operands: readonly NDArray[]): string {
  if (!spec.includes("...")) return spec;
  const arrow = spec.indexOf("->");
  const inputs = (arrow >= 0 ? spec.slice(0, arrow) : spec).split(",");
  const pool = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter((c) => !spec.includes(c));
  const counts = inputs.map((s, i) => (s.includes("...") ? (operands[i]?.ndim ?? 0) - s.replace("...", "").length : 0));
  const e = Math.max(0, ...counts);
  if (counts.some((c) => c < 0)) throw valueError("einstein sum subscripts string contains too many subscripts for operand");
  const letters = pool.slice(0, e);
  const expanded = inputs.map((s, i) => s.replace("...", letters.slice(e - counts[i]).join("")));
  let output: string;
  if (arrow >= 0) output = spec.slice(arrow + 2).replace("...", letters.join(""));
  else {
    const seen = new Map<string, number>();
    for (const s of inputs) for (const c of s.replace("...", "")) seen.set(c, (seen.get(c) ?? 0) + 1);
    output = letters.join("") + [...seen.entries()].filter(([, n]) => n === 1).map(([c]) => c).sort().join("");
  }
  return `${expanded.join(",")}->${output}`;
}

/**
 * numpy's message for inconsistent label sizes: each operand remapped onto the iteration labels
 * (output labels, then summed ones), absent labels shown as newaxis, leading ones dropped.
 */
function einsumBroadcastError(inputs: readonly string[], output: string, operands: readonly NDArray[]): Error {
  const order = [...output];
  for (const s of inputs) for (const c of s) if (!order.includes(c)) order.push(c);
  const parts = operands.map((op, i) => {
    const dims = order.map((c) => {
      const d = inputs[i].indexOf(c);
      return d < 0 ? "newaxis" : String(op.shape[d]);
    });
    while (dims.length > 0 && dims[0] === "newaxis") dims.shift();
    return `${fmt(op.shape)}->(${dims.join(",")}${dims.length === 1 ? "," : ""}) `;
  });
  return valueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join("")}`);
}

// ---- linalg.norm ------------------------------------------------------------------------------------

export type NormOrd = number | "fro" | "nuc" | null;

/** Singular values of a 2-D matrix (descending), from the eigenvalues of AᵀA by cyclic Jacobi. */
export function singularValues(a: NDArray): number[] {
  const [m, n] = a.shape;
  const d = contiguousData(astype(a, DTYPES.float64));
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let r = 0; r < m; r++) s += d[r * n + i] * d[r * n + j];
      g[i * n + j] = s;
    }
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += g[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = g[p * n + q];
        if (apq === 0) continue;
        const theta = (g[q * n + q] - g[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const gkp = g[k * n + p];
          const gkq = g[k * n + q];
          g[k * n + p] = c * gkp - s * gkq;
          g[k * n + q] = s * gkp + c * gkq;
        }
        for (let k = 0; k < n; k++) {
          const gpk = g[p * n + k];
          const gqk = g[q * n + k];
          g[p * n + k] = c * gpk - s * gqk;
          g[q * n + k] = s * gpk + c * gqk;
        }
      }
    }
  }
  const ev: number[] = [];
  for (let i = 0; i < n; i++) ev.push(Math.sqrt(Math.max(0, g[i * n + i])));
  ev.sort((x, y) => y - x);
  return ev.slice(0, Math.min(m, n));
}

function toFloat(x: NDArray): NDArray {
  return x.dtype.isFloat ? x : astype(x, DTYPES.float64);
}

export function norm(xIn: NDArray, ord: NormOrd = null, axis: number | readonly number[] | null = null, keepdims = false): NDArray {
  const x = toFloat(xIn);
  if (axis === null && ord === null) {
    const r = ravel(x);
    const sq = dot(r, r);
    const res = unary("sqrt", sq);
    return keepdims ? reshape(res, x.shape.map(() => 1)) : res;
  }
  const axes = axis === null ? x.shape.map((_, i) => i) : normalizeAxes(axis, x.ndim);
  if (axes.length === 1) {
    const ab = unary("absolute", x);
    const opts = { axis: axes, keepdims };
    if (ord === Infinity) return max(ab, opts);
    if (ord === -Infinity) return min(ab, opts);
    if (ord === 0) return astype(sum(binary("not_equal", x, pyFloat(0)), { ...opts, dtype: x.dtype }), x.dtype);
    if (ord === 1) return sum(ab, opts);
    if (ord === null || ord === 2) return unary("sqrt", sum(binary("multiply", ab, ab), opts));
    if (typeof ord === "string") throw valueError(`Invalid norm order '${ord}' for vectors`);
    return binary("power", sum(binary("power", ab, pyFloat(ord)), opts), pyFloat(1 / ord));
  }
  if (axes.length !== 2) throw valueError("Improper number of dimensions to norm.");
  const [r, c] = axes;
  if (r === c) throw valueError("Duplicate axes given.");
  const ab = unary("absolute", x);
  let res: NDArray;
  if (ord === null || ord === "fro") res = unary("sqrt", sum(binary("multiply", ab, ab), { axis: axes }));
  else if (ord === 1 || ord === -1) {
    const colSums = sum(ab, { axis: r });
    res = (ord === 1 ? max : min)(colSums, { axis: c > r ? c - 1 : c });
  } else if (ord === Infinity || ord === -Infinity) {
    const rowSums = sum(ab, { axis: c });
    res = (ord === Infinity ? max : min)(rowSums, { axis: r > c ? r - 1 : r });
  } else if (ord === 2 || ord === -2 || ord === "nuc") {
    const moved = moveaxis(moveaxis(x, r, x.ndim - 1), c > r ? c - 1 : c, x.ndim - 1);
    const batchShape = moved.shape.slice(0, -2);
    const [mm, nn] = moved.shape.slice(-2);
    const flat = reshape(moved, [shapeSize(batchShape), mm, nn]);
    const vals = new Float64Array(shapeSize(batchShape));
    for (let t = 0; t < vals.length; t++) {
      const mat = new NDArray(flat.data, flat.dtype, [mm, nn], flat.strides.slice(1), flat.offset + t * flat.strides[0]);
      const sv = singularValues(mat);
      vals[t] = ord === 2 ? sv[0] : ord === -2 ? sv[sv.length - 1] : sv.reduce((s, v) => s + v, 0);
    }
    res = astype(fromStorage(DTYPES.float64, batchShape, vals), x.dtype);
  } else throw valueError("Invalid norm order for matrices.");
  if (keepdims) {
    const shape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    res = reshape(res, shape);
  }
  return res;
}

/** np.trace: the sum of diagonal(a, offset, axis1, axis2) along it, with sum's dtype rules and order. */
export function trace(a: NDArray, offset = 0, axis1 = 0, axis2 = 1): NDArray {
  return sum(diagonal(a, offset, axis1, axis2), { axis: -1 });
}
