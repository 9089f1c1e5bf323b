/**
 * NKI diagnostics. Codes are the documented legacy error names [ERR226]; the machine model raises the
 * ones it can detect on its own and leaves the language-level ones (scoping, control flow) to lib/nki.
 */

export const NKI_ERROR_CODES = [
  "err_1d_arange_not_supported",
  "err_activation_bias_invalid_type",
  "err_activation_scale_invalid_type",
  "err_activation_scale_scalar_or_vector",
  "err_ambiguous_tensor_truth_value",
  "err_annotation_shape_mismatch",
  "err_bias_tensor_must_be_specified_in_allocation",
  "err_cannot_assign_to_index",
  "err_cannot_update_immutable_parameter",
  "err_control_flow_condition_depending_on_arange",
  "err_copy_dynamic_indirect_indices_not_natively_supported",
  "err_dynamic_control_flow_not_supported",
  "err_exceed_max_supported_dimension",
  "err_failed_to_infer_tile_from_local_tensor",
  "err_hbm_tensor_with_init_value_not_supported",
  "err_indirect_indices_are_not_supported_with_nki_api",
  "err_indirect_indices_free_dim",
  "err_leading_dimension_of_tensor_must_be_partition",
  "err_local_variable_used_out_of_scope",
  "err_mutable_parameter_not_returned",
  "err_nested_kernel_with_spmd_grid",
  "err_nki_api_outside_of_nki_kernel",
  "err_num_partition_exceed_arch_limit",
  "err_num_partition_mismatch",
  "err_shared_hbm_must_in_kernel_level",
  "err_size_of_dimension_exceed_arch_limit",
  "err_store_dst_shape_smaller_than_other_shape",
  "err_tensor_access_out_of_bound",
  "err_tensor_creation_on_scratchpad_with_init_value_not_supported",
  "err_tensor_output_not_written_to",
  "err_transpose_on_tensor_engine_not_allowed_in_allocated_kernel",
  "err_unexpected_output_dependencies",
  "err_unsupported_expression_in_mask",
  "err_unsupported_memory",
  "err_unsupported_mixing_basic_advanced_tensor_indexing",
  "err_while_loop_requires_unconditional_entry",
  // Not in the documented list; used where the reference names a failure without a code (§8 of
  // docs/nki-semantics.md): an allocation that cannot fit, a dtype combination the ISA rejects, and
  // operand shapes an instruction cannot combine.
  "err_allocation_exceeds_capacity",
  "err_unsupported_dtype",
  "err_shape_mismatch",
] as const;

export type NkiErrorCode = (typeof NKI_ERROR_CODES)[number];

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export class NkiError extends Error {
  override readonly name = "NkiError";

  constructor(
    readonly code: NkiErrorCode,
    /** One line saying what is wrong and what the limit or expectation is. */
    readonly explanation: string,
    readonly location: SourceLocation | null = null,
  ) {
    super(location ? `[${code}] ${explanation} (${location.file}:${location.line})` : `[${code}] ${explanation}`);
  }
}

export function nkiError(code: NkiErrorCode, explanation: string, location: SourceLocation | null): never {
  throw new NkiError(code, explanation, location);
}
