import { ContentsManager } from "@jupyterlab/services";
import { serverSettings } from "@/app/lib/services";

/** A contents manager on the app's server settings; callers dispose it when done. */
export function newContentsManager(): ContentsManager {
  return new ContentsManager({ serverSettings: serverSettings() });
}

/** The message a failed contents or lab call carries: the server's own `message` when it sent one. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
