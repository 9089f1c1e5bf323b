/*
 * The kernel_info_reply content (messaging.rst §Kernel info). language_info mirrors ipykernel's so
 * JupyterLab picks Python highlighting and nbconvert the Python exporter; the banner says what runs
 * the code: Kernel Lab's Python subset and Trainium simulator, and the target it models.
 */
import type { KernelInfoReply } from "../jupyter/messages";
import { PROTOCOL_VERSION } from "../jupyter/messages";
import { appVersion } from "../server/version";
import type { TargetName } from "./engine";

export const KERNEL_IMPLEMENTATION = "kernel-lab";

export function kernelInfoReply(target: TargetName, defaultTarget: TargetName, languageVersion: string): KernelInfoReply {
  const version = appVersion();
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: KERNEL_IMPLEMENTATION,
    implementation_version: version,
    language_info: {
      name: "python",
      version: languageVersion,
      mimetype: "text/x-python",
      file_extension: ".py",
      pygments_lexer: "ipython3",
      codemirror_mode: { name: "ipython", version: 3 },
      nbconvert_exporter: "python",
    },
    banner:
      `Kernel Lab ${version}: NKI on the Kernel Lab Trainium simulator ${version} (Python ${languageVersion} subset)\n` +
      `Target: ${target} (default ${defaultTarget}); change it with %target trn1|trn2|trn3\n`,
    debugger: false,
    help_links: [
      { text: "NKI documentation", url: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/nki/index.html" },
    ],
  };
}
