import { TARGET_NAMES } from "../../kernel/engine";
import type { TargetName } from "../../sim/targets";
import { ApiError, type ApiResponse } from "./http";

export const KERNEL_NAME = "nki";

/** Our one kernelspec. `argv` is informational: kernels are worker threads of this server, not processes. */
export function kernelspecModel(defaultTarget: TargetName) {
  return {
    name: KERNEL_NAME,
    spec: {
      argv: ["kernel-lab", "kernel", "{connection_file}"],
      env: {},
      display_name: "NKI (Trainium simulator)",
      language: "python",
      interrupt_mode: "message",
      metadata: { kernel_lab: { targets: [...TARGET_NAMES], default_target: defaultTarget } },
    },
    resources: { "logo-svg": `/kernelspecs/${KERNEL_NAME}/logo-svg.svg` },
  };
}

export function listKernelspecs(defaultTarget: TargetName): ApiResponse {
  return { status: 200, body: { default: KERNEL_NAME, kernelspecs: { [KERNEL_NAME]: kernelspecModel(defaultTarget) } } };
}

export function getKernelspec(name: string, defaultTarget: TargetName): ApiResponse {
  requireKnownKernelName(name);
  return { status: 200, body: kernelspecModel(defaultTarget) };
}

export function requireKnownKernelName(name: string): void {
  if (name !== KERNEL_NAME) throw new ApiError(404, `No such kernel: ${name} (the only kernel is "${KERNEL_NAME}")`);
}

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="12" fill="#1d2330"/>
<path d="M32 10 L54 32 L32 54 L10 32 Z" fill="#d9480f"/>
<text x="32" y="38" font-family="sans-serif" font-size="15" font-weight="700" fill="#fff" text-anchor="middle">NKI</text>
</svg>
`;

export function kernelspecResource(name: string, file: string): ApiResponse {
  requireKnownKernelName(name);
  if (file !== "logo-svg.svg") throw new ApiError(404, `No such kernelspec resource: ${file}`);
  return { status: 200, body: LOGO_SVG, headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } };
}
