/**
 * The engine module the server's kernels load (KernelManager's `engineModule`): the Python engine with
 * profile capture around it (./capture-engine.ts).
 */
import { createEngine as createPythonEngine } from "../../kernel/python-engine";
import { captureProfiles } from "./capture-engine";
import { broadcastProfiles } from "./channel";

export const createEngine = captureProfiles(createPythonEngine, broadcastProfiles());
