/*
 * The native modules the CLI's interpreter offers besides the standard library.
 */

import type { NativeModuleDef } from "../python";

export const engineModules: readonly NativeModuleDef[] = [];
