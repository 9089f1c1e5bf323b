/*
 * The native modules the CLI's interpreter offers besides the standard library.
 */

import { NUMPY_MODULES } from "../numpy/python/module";
import type { NativeModuleDef } from "../python";

export const engineModules: readonly NativeModuleDef[] = [...NUMPY_MODULES];
