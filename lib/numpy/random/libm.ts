/**
 * The C math library calls of numpy's samplers, as close to the glibc numpy links against as we have:
 * - log: glibc-log.ts, bit-identical to glibc's.
 * - exp, pow: correctly rounded (lib/python/runtime/correctly-rounded.ts). glibc's are not quite (up
 *   to ~0.52 ulp), so about 0.07% of results differ in the last bit (measured on uniform inputs).
 * - log1p: V8's Math.log1p, fdlibm's algorithm like glibc's; about 0.1% of results differ in the last bit.
 * sqrt and floor are exact everywhere, so samplers use Math.sqrt / Math.floor directly.
 */
export { exp, pow } from "../../python/runtime/correctly-rounded";
export { glibcLog as log } from "./glibc-log";
export const log1p: (x: number) => number = Math.log1p;
