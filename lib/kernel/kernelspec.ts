/*
 * The one kernelspec Kernel Lab serves (GET /api/kernelspecs). `interrupt_mode: "message"` tells
 * clients to interrupt with interrupt_request on the control channel (or REST), since there is no
 * process to signal; `argv` is empty because kernels are worker threads, not launched commands.
 */
import { KERNEL_NAME } from "./manager";

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: "message" | "signal";
  env: Record<string, string>;
  metadata: Record<string, unknown>;
}

export const KERNEL_SPEC: Readonly<KernelSpec> = Object.freeze({
  argv: [],
  display_name: "NKI (Trainium simulator)",
  language: "python",
  interrupt_mode: "message",
  env: {},
  metadata: { debugger: false },
});

export { KERNEL_NAME };
