/*
 * Generator (run: npx tsx lib/kernel/api-docs/names.gen.ts, then python3 lib/kernel/api-docs/python-docs.gen.py):
 * the callables Kernel Lab's Python offers from CPython's builtins, its standard library modules and
 * numpy, as dotted names (`numpy.zeros`, `numpy.ndarray.reshape`, `builtins.len`), for
 * python-docs.gen.py to document from the real CPython and numpy.
 */
import { writeFileSync } from "node:fs";
import { Session } from "../../python";
import { stdlibModules } from "../../python/runtime/interpreter";
import { NUMPY_MODULES } from "../../numpy/python";
import { PyBuiltin, PyFunction, PyMethodDescr, PyModule, PyType, type PyValue } from "../../python/runtime/objects";

const s = new Session({ stdout: () => undefined, stderr: () => undefined, modules: [...NUMPY_MODULES] });
const names: string[] = [];
const callable = (v: PyValue | undefined) => v instanceof PyBuiltin || v instanceof PyType || v instanceof PyFunction || (v !== undefined && s.runtime.hasattr(v, "__call__"));

function addScope(prefix: string, entries: Iterable<[string, PyValue | undefined]>): void {
  for (const [name, v] of entries) {
    if (name.startsWith("_") || v instanceof PyModule || !callable(v)) continue;
    names.push(`${prefix}.${name}`);
    // Methods of ndarray and of the builtin data types (scalar types' and exceptions' are not worth the bytes).
    const withMethods = prefix === "numpy" ? name === "ndarray" : prefix === "builtins" && !/(Error|Exception|Warning|Exit|Interrupt)$/.test(name);
    if (v instanceof PyType && withMethods) {
      for (const [m, d] of v.ns) if (!m.startsWith("_") && d instanceof PyMethodDescr) names.push(`${prefix}.${name}.${m}`);
    }
  }
}

addScope("builtins", [...s.runtime.builtins.names()].map((n): [string, PyValue | undefined] => [n, s.runtime.builtins.get(n)]));
for (const def of [...stdlibModules, ...NUMPY_MODULES]) {
  if (def.name === "ml_dtypes" || def.name === "numpy.testing") continue;
  const mod = s.runtime.importModule(def.name, true);
  if (mod instanceof PyModule) addScope(def.name, [...mod.scope.names()].map((n): [string, PyValue | undefined] => [n, mod.scope.get(n)]));
}
writeFileSync(new URL("./names.json", import.meta.url), `${JSON.stringify([...new Set(names)].sort(), null, 1)}\n`);
