/** What the REST API needs from the kernel runtime (lib/kernel's KernelManager provides it). */
export type ExecutionState = "starting" | "idle" | "busy" | "restarting" | "dead";

/** Jupyter Server's kernel model, as `GET /api/kernels` returns it. */
export interface KernelModel {
  id: string;
  name: string;
  last_activity: string;
  execution_state: ExecutionState;
  connections: number;
}

export interface KernelService {
  start(options: { target?: string }): Promise<KernelModel>;
  list(): KernelModel[];
  get(id: string): KernelModel | undefined;
  interrupt(id: string): Promise<void>;
  restart(id: string): Promise<KernelModel>;
  shutdown(id: string): Promise<void>;
}
