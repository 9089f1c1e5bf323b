/** numpy.random for Kernel Lab: bit-exact legacy RandomState (MT19937) and Generator (PCG64) streams. */
export { LegacyRandomState, type LegacyState } from "./legacy";
export { Generator, defaultRng } from "./generator";
export { MT19937, MT_N, initGenrand, initByArray, genrandInt32 } from "./mt19937";
export { PCG64 } from "./pcg64";
export { SeedSequence } from "./seed-sequence";
export type { BitGenerator } from "./bit-generator";
export type { IntDTypeName } from "./bounded";
export type { Param } from "./params";
export type { Samplers } from "./distributions";
/** C `log` bit-identical to glibc's (what CPython's math.log and numpy's legacy samplers call). */
export { glibcLog } from "./glibc-log";
