/*
 * Signatures and short docstrings of the NKI API (legacy `neuronxcc.nki`, SDK 2.26) and of
 * `kernel_lab`, for inspect_request. Native functions carry no docstrings of their own; the
 * signatures follow /work/shared/reference/nki.md §2.1–§2.3 ([NKI226], [LANG226], [ISA226]), the
 * one-line descriptions are ours. Keys are canonical dotted names (`neuronxcc.nki.language.load`);
 * the `nki.*` family shares them.
 */

export interface ApiDoc {
  readonly signature?: string;
  readonly doc: string;
}

const NKI = "neuronxcc.nki";
const NL = `${NKI}.language`;
const NISA = `${NKI}.isa`;

const entries: [string, string, string][] = [
  // ---- nki ----------------------------------------------------------------------------------------
  [`${NKI}.jit`, "(func=None, mode='auto', **kwargs)", "Decorator that makes a Python function an NKI kernel. Calling the kernel with numpy arrays runs it on Kernel Lab's simulated NeuronCore and returns its HBM outputs as numpy arrays; `kernel[g0, g1](...)` launches an SPMD grid. Decorator arguments are accepted and ignored."],
  [`${NKI}.baremetal`, "(kernel=None, **kwargs)", "Like nki.jit: runs the kernel on the simulator with numpy inputs and returns its outputs (save_neff_name, save_trace_name, additional_compile_opt, artifacts_dir are accepted and ignored)."],
  [`${NKI}.benchmark`, "(kernel=None, **kwargs)", "Benchmarks a kernel: `nki.benchmark(warmup=10, iters=100)(kernel)(*args)` runs it timing-only (inputs only define shapes), prints the latency percentiles (`NCLatency`, µs) and keeps them in `.benchmark_result.nc_latency.get_latency_percentile(p)`. Simulated latency has no run-to-run noise, so every percentile is the same. In a notebook the profile of the run is displayed too."],
  [`${NKI}.profile`, "(func=None, **kwargs)", "Profiles a kernel: `nki.profile(working_directory=..., profile_nth=1)(kernel)(*args)` runs it timing-only and displays its profile (timeline, metrics, insights). The options are checked but nothing is written to disk."],
  [`${NKI}.simulate_kernel`, "(kernel, *args, **kwargs)", "Runs a kernel (or a plain function) on the simulator with numpy arguments and returns its outputs."],
  // ---- nl: memory ---------------------------------------------------------------------------------
  [`${NL}.load`, "(src, *, mask=None, dtype=None)", "Loads a tile from HBM into a new SBUF tile (a DMA)."],
  [`${NL}.store`, "(dst, value, *, mask=None)", "Stores a tile into an HBM tensor (a DMA); a PSUM value is first copied to SBUF."],
  [`${NL}.load_transpose2d`, "(src, *, mask=None, dtype=None)", "Loads a 2-D HBM tile transposed (DMA transpose, low bandwidth)."],
  [`${NL}.atomic_rmw`, "(dst, value, op, *, mask=None)", "Atomic read-modify-write of an HBM tensor: dst = op(dst, value)."],
  [`${NL}.copy`, "(src, *, mask=None, dtype=None)", "Copies a tile (on-chip) into a new tile."],
  [`${NL}.broadcast_to`, "(src, *, shape)", "Broadcasts a tile along the partition dimension into a new SBUF tile of `shape`."],
  // ---- nl: creation -------------------------------------------------------------------------------
  [`${NL}.ndarray`, "(shape, dtype, *, buffer=None, name='')", "Creates a tensor without initialising it in `buffer` (nl.sbuf, nl.psum, nl.hbm, nl.shared_hbm, nl.private_hbm). Uninitialised floats read as NaN in Kernel Lab."],
  [`${NL}.zeros`, "(shape, dtype, *, buffer=None, name='')", "Creates a tensor filled with zeros (SBUF unless `buffer` says otherwise; nl.psum for matmul accumulators)."],
  [`${NL}.ones`, "(shape, dtype, *, buffer=None, name='')", "Creates a tensor filled with ones."],
  [`${NL}.full`, "(shape, fill_value, dtype, *, buffer=None, name='')", "Creates a tensor filled with `fill_value`."],
  [`${NL}.zeros_like`, "(a, dtype=None, *, buffer=None, name='')", "Creates a tensor of zeros with the shape (and dtype) of `a`."],
  [`${NL}.ones_like`, "(a, dtype=None, *, buffer=None, name='')", "Creates a tensor of ones with the shape (and dtype) of `a`."],
  [`${NL}.empty_like`, "(a, dtype=None, *, buffer=None, name='')", "Creates an uninitialised tensor with the shape (and dtype) of `a`."],
  [`${NL}.rand`, "(shape, dtype, *, buffer=None, name='')", "Creates a tensor of random values in [0, 1)."],
  [`${NL}.random_seed`, "(seed, *, mask=None)", "Seeds the random number generator used by nl.rand and nl.dropout."],
  [`${NL}.shared_constant`, "(constant, dtype=None, **kwargs)", "An HBM tensor holding a constant known at compile time (e.g. a numpy array)."],
  [`${NL}.shared_identity_matrix`, "(n, dtype='uint8', **kwargs)", "An n×n identity matrix in HBM."],
  // ---- nl: composite ------------------------------------------------------------------------------
  [`${NL}.softmax`, "(x, axis, *, dtype=None, compute_dtype=None, mask=None)", "Softmax of `x` along the free axis `axis`."],
  [`${NL}.rms_norm`, "(x, w, axis, n, epsilon=1e-06, *, dtype=None, compute_dtype=None, mask=None)", "RMS normalisation of `x` along `axis` (n elements), scaled by `w`."],
  [`${NL}.dropout`, "(x, rate, *, dtype=None, mask=None)", "Randomly zeroes elements of `x` with probability `rate`."],
  [`${NL}.matmul`, "(x, y, *, transpose_x=False, mask=None)", "Matrix product x @ y on the Tensor engine, result in PSUM (fp32). Without transpose_x, x is transposed first on the Tensor engine; with transpose_x=True, x is given already transposed ([K, M]) and the product is x.T @ y. x: K ≤ 128 partitions, M ≤ 128; y: K ≤ 128 partitions, N ≤ 512."],
  [`${NL}.transpose`, "(x, *, dtype=None, mask=None)", "Transposes a 2-D tile (partition ↔ free) on the Tensor engine."],
  // ---- nl: tensor manipulation, iterators, others -------------------------------------------------
  [`${NL}.ds`, "(start, size)", "A dynamic slice: indexes `size` elements from `start` (a loop variable expression)."],
  [`${NL}.arange`, "(*args)", "An index vector for affine index expressions (`t[nl.arange(128)[:, None], nl.arange(512)[None, :]]`)."],
  [`${NL}.expand_dims`, "(data, axis)", "Inserts a dimension of size 1 at `axis`."],
  [`${NL}.where`, "(condition, x, y, *, dtype=None, mask=None)", "Element-wise select: x where condition is true, else y."],
  [`${NL}.gather_flattened`, "(data, indices, *, mask=None, dtype=None)", "Gathers elements of each partition of `data` at flattened `indices`."],
  [`${NL}.all_reduce`, "(x, op, program_axes, *, dtype=None, mask=None, parallel_reduce=True, asynchronous=False)", "Reduces `x` across SPMD programs (collective)."],
  [`${NL}.affine_range`, "(start, stop=None, step=1)", "A loop whose iterations carry no dependency on each other: the compiler may overlap them (loads of iteration i+1 during compute of iteration i). Writes that race across iterations are an error."],
  [`${NL}.sequential_range`, "(start, stop=None, step=1)", "A loop whose iterations run in order (use it when an iteration depends on the previous one)."],
  [`${NL}.static_range`, "(start, stop=None, step=1)", "A loop the compiler fully unrolls."],
  [`${NL}.par_dim`, "(size)", "Marks a dimension of an SBUF/PSUM tensor as its partition dimension (`nl.ndarray((n, nl.par_dim(128), 512), ...)`)."],
  [`${NL}.program_id`, "(axis)", "Index of the running SPMD program along `axis`."],
  [`${NL}.num_programs`, "(axes=None)", "Number of SPMD programs along `axes` (all axes when None)."],
  [`${NL}.program_ndim`, "()", "Number of dimensions of the SPMD grid."],
  [`${NL}.spmd_dim`, "(*dims)", "A grid dimension for launching on several NeuronCores (runs serially on one core in Kernel Lab)."],
  [`${NL}.nc`, "(n)", "A grid dimension of n NeuronCores (runs serially on one core in Kernel Lab)."],
  [`${NL}.device_print`, "(prefix, x, *, mask=None)", "Prints `prefix` and the values of `x` while the kernel runs."],
  [`${NL}.loop_reduce`, "(x, op, loop_indices, *, dtype=None, mask=None)", "Reduces `x` across iterations of the given loops."],
  [`${NL}.static_cast`, "(input_data, dtype)", "Casts a host numpy array to `dtype` (a host-side helper)."],
  // ---- nisa ---------------------------------------------------------------------------------------
  [`${NISA}.nc_matmul`, "(stationary, moving, *, is_stationary_onezero=False, is_moving_onezero=False, is_transpose=False, tile_position=(), tile_size=(), mask=None)", "Tensor engine: stationary.T @ moving into PSUM (fp32). Inputs in SBUF; stationary [K ≤ 128, M ≤ 128], moving [K ≤ 128, N ≤ 512]. fp32 inputs run at a quarter of the bf16 rate."],
  [`${NISA}.nc_transpose`, "(data, *, mask=None, dtype=None, engine=engine.unknown)", "Transposes partition ↔ free: on the Tensor engine (≤ 128×128, SBUF → PSUM) or the Vector engine (≤ 32×32)."],
  [`${NISA}.activation`, "(op, data, *, bias=None, scale=1.0, reduce_op=None, reduce_res=None, reduce_cmd=reduce_cmd.idle, mask=None, dtype=None)", "Scalar engine: op(data * scale + bias); bias a [P, 1] vector, scale a scalar or [P, 1] vector; optionally reduces along the free axis into reduce_res."],
  [`${NISA}.activation_reduce`, "(op, data, *, reduce_op, reduce_res, bias=None, scale=1.0, mask=None, dtype=None)", "Scalar engine: activation plus a free-axis reduction into reduce_res [P, 1]."],
  [`${NISA}.tensor_tensor`, "(data1, data2, op, *, dtype=None, mask=None, engine=engine.unknown)", "Vector engine (or GpSimd): element-wise binary op of two tiles with the same partitions and elements per partition (not both in PSUM)."],
  [`${NISA}.tensor_scalar`, "(data, op0, operand0, reverse0=False, op1=None, operand1=None, reverse1=False, *, dtype=None, mask=None, engine=engine.unknown)", "(data op0 operand0) op1 operand1, with scalar or [P, 1] operands broadcast along the free axis."],
  [`${NISA}.scalar_tensor_tensor`, "(*, data, op0, operand0, op1, operand1, reverse0=False, reverse1=False, dtype=None, mask=None)", "Vector engine: (data op0 operand0) op1 operand1, with operand1 a full tile."],
  [`${NISA}.tensor_scalar_reduce`, "(*, data, op0, operand0, reduce_op, reduce_res, reverse0=False, dtype=None, mask=None)", "Vector engine: tensor_scalar, then a reduction over all free axes into reduce_res [P, 1]."],
  [`${NISA}.tensor_reduce`, "(op, data, axis, *, mask=None, dtype=None, negate=False, keepdims=False)", "Vector engine: reduces over trailing free axes."],
  [`${NISA}.tensor_partition_reduce`, "(op, data, *, mask=None, dtype=None)", "GpSimd engine: reduces across partitions (add, max, bitwise_or, bitwise_and)."],
  [`${NISA}.tensor_tensor_scan`, "(data0, data1, initial, op0, op1, reverse0=False, reverse1=False, *, dtype=None, mask=None)", "Vector engine scan per partition: res[:, i] = op1(op0(data0[:, i], res[:, i-1]), data1[:, i]), starting from `initial`."],
  [`${NISA}.tensor_copy`, "(src, *, mask=None, dtype=None, engine=engine.unknown)", "Copies a tile within SBUF/PSUM on the Vector, Scalar or GpSimd engine."],
  [`${NISA}.tensor_copy_predicated`, "(*, src, dst, predicate, reverse_pred=False, mask=None, dtype=None)", "Vector engine: copies src into dst where predicate is true."],
  [`${NISA}.reciprocal`, "(data, *, dtype=None, mask=None)", "Vector engine: 1 / x."],
  [`${NISA}.iota`, "(expr, dtype, *, mask=None)", "GpSimd engine: materialises an affine index expression into an SBUF tile."],
  [`${NISA}.memset`, "(shape, value, dtype, *, mask=None, engine=engine.unknown)", "Fills a new tile with a constant."],
  [`${NISA}.affine_select`, "(pred, on_true_tile, on_false_value, *, mask=None, dtype=None)", "GpSimd engine: on_true_tile where the affine predicate holds, else on_false_value (e.g. causal masks)."],
  [`${NISA}.bn_stats`, "(data, *, mask=None, dtype=None)", "Vector engine: 6 batch-norm statistics per partition (free size ≤ 512)."],
  [`${NISA}.bn_aggr`, "(data, *, mask=None, dtype=None)", "Vector engine: aggregates bn_stats results into mean and variance."],
  [`${NISA}.max8`, "(*, src, mask=None, dtype=None)", "The 8 largest values of each partition, descending ([P, 8])."],
  [`${NISA}.nc_find_index8`, "(*, data, vals, mask=None, dtype=None)", "Indices of 8 given values in each partition."],
  [`${NISA}.dma_copy`, "(*, dst, src, mask=None, dst_rmw_op=None, oob_mode=oob_mode.error, dge_mode=dge_mode.unknown)", "DMA copy between HBM and SBUF (casts when dtypes differ; dst_rmw_op=np.add accumulates)."],
  [`${NISA}.range_select`, "(*, on_true_tile, comp_op0, comp_op1, bound0, bound1, reduce_cmd=reduce_cmd.reset_reduce, reduce_res=None, reduce_op=np.amax, range_start=0, on_false_value=fp32.min, mask=None, dtype=None)", "Vector engine: keeps the elements whose free-dimension index (from range_start) satisfies both comparisons with the per-partition bounds, others become on_false_value; optionally max-reduces each partition into reduce_res."],
  [`${NISA}.select_reduce`, "(*, dst, predicate, on_true, on_false, reduce_res=None, reduce_cmd=reduce_cmd.idle, reduce_op=np.amax, reverse_pred=False, mask=None, dtype=None)", "Vector engine: writes np.where(predicate, on_true, on_false) into dst (predicate inverted with reverse_pred); optionally max-reduces each partition into reduce_res."],
  [`${NISA}.nc_match_replace8`, "(*, data, vals, imm, dst_idx=None, mask=None, dtype=None)", "Vector engine: replaces the first occurrence of each of 8 values per partition with imm (their indices into dst_idx)."],
  [`${NISA}.nc_stream_shuffle`, "(src, dst, shuffle_mask, *, dtype=None, mask=None)", "Vector engine: moves partitions within each 32-partition quadrant: dst partition i gets src partition shuffle_mask[i]."],
  [`${NISA}.local_gather`, "(src_buffer, index, num_elem_per_idx=1, num_valid_indices=None, *, mask=None)", "GpSimd engine: gathers elements within each group of 16 partitions by index."],
  [`${NISA}.get_nc_version`, "()", "The NeuronCore version of the target (nc_version.gen2 on trn1, gen3 on trn2, gen4 on trn3)."],
  [`${NISA}.dma_transpose`, "(src, *, axes=None, mask=None, dtype=None)", "DMA transpose of a 2-D (or 3-/4-D) tile."],
  // ---- kernel_lab ---------------------------------------------------------------------------------
  ["kernel_lab.profile", "(kernel, *args, target=None, **kwargs)", "Runs `kernel` with the given arguments on `target` (default: the current target, see %target) and returns a Profile: total_ns, metrics (dict, also as attributes), insights (list of dicts), target, kernel_name, outputs (what the kernel returned), summary(), timeline(). Shape-only nt.tensor[...] arguments make the run timing-only. A Profile displays as the interactive profile."],
  ["kernel_lab.compare", "(a, b)", "Compares two profiles (b against a): speedup, per-metric deltas, and a table when displayed."],
  ["kernel_lab.Profile", "", "A kernel's simulated profile, made by kernel_lab.profile (also nki.benchmark / nki.profile): total_ns, metrics (dict; each metric is also an attribute, e.g. p.mfu_estimated_percent), insights (list of dicts: title, summary, recommendation, estimated_gain_percent, lines), target, kernel_name, outputs / result. Displays as the interactive profile."],
  ["kernel_lab.Profile.summary", "(self)", "The profile as text: the key metrics and the top insights."],
  ["kernel_lab.Profile.timeline", "(self)", "The per-engine timeline, displayed as a Plotly figure (at most the first 5000 instructions)."],
  ["kernel_lab.targets", "(kernel=None, *args, **kwargs)", "Without arguments: the simulated targets with a one-line description each. With a kernel and its arguments: profiles it on trn1, trn2 and trn3 side by side."],
];

const BINARY: Record<string, string> = {
  add: "x + y", subtract: "x - y", multiply: "x * y", divide: "x / y", power: "x ** y", maximum: "the larger of x and y",
  minimum: "the smaller of x and y", fmod: "the C-style remainder of x / y", mod: "x mod y",
  equal: "x == y", not_equal: "x != y", greater: "x > y", greater_equal: "x >= y", less: "x < y", less_equal: "x <= y",
  logical_and: "x and y", logical_or: "x or y", logical_xor: "x xor y",
  bitwise_and: "x & y", bitwise_or: "x | y", bitwise_xor: "x ^ y", left_shift: "x << y", right_shift: "x >> y",
};
for (const [name, what] of Object.entries(BINARY)) {
  entries.push([`${NL}.${name}`, "(x, y, *, dtype=None, mask=None)", `Element-wise ${what} of tiles or scalars (NumPy broadcasting); the result is cast to dtype if given.`]);
}

const UNARY = [
  "abs", "negative", "sign", "trunc", "floor", "ceil", "exp", "log", "cos", "sin", "tan", "tanh", "arctan", "sqrt", "rsqrt",
  "reciprocal", "square", "sigmoid", "relu", "gelu", "gelu_dx", "gelu_apprx_tanh", "gelu_apprx_sigmoid", "silu", "silu_dx",
  "erf", "erf_dx", "softplus", "mish", "invert", "bitwise_not", "logical_not",
];
for (const name of UNARY) {
  entries.push([`${NL}.${name}`, "(x, *, dtype=None, mask=None)", `Element-wise ${name}(x) of a tile; the result is cast to dtype if given.`]);
}

for (const name of ["max", "min", "sum", "prod", "mean", "var", "all"]) {
  entries.push([`${NL}.${name}`, "(x, axis, *, dtype=None, mask=None, keepdims=False)", `Reduces x with ${name} along free axes \`axis\` (the last contiguous free dims: [1], [1, 2], ...).`]);
}

// An empty signature: not callable by students (kernel_lab.Profile instances come from profile()).
export const NKI_DOCS: ReadonlyMap<string, ApiDoc> = new Map(entries.map(([name, signature, doc]) => [name, signature ? { signature, doc } : { doc }]));
