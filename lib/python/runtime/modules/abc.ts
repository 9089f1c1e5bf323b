/*
 * abc: ABC and @abstractmethod. Kernel Lab has no metaclasses, so ABC does ABCMeta's two jobs
 * itself: its __init_subclass__ records each subclass's unimplemented abstract methods in
 * `__abstractmethods__`, and its __new__ refuses to instantiate a class that still has some, with
 * CPython 3.11's message.
 */

import { attrGet, attrSet } from "../attr-store";
import { nativeFunction } from "../define";
import * as E from "../errors";
import {
  None,
  PyClassMethod,
  PyObject,
  PyProperty,
  PySet,
  PyStaticMethod,
  PyType,
  frozensetType,
  objectType,
  typeType,
  type PyValue,
} from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

function isAbstract(rt: Runtime, v: PyValue): boolean {
  if (v instanceof PyProperty) return isAbstract(rt, v.fget);
  if (v instanceof PyClassMethod || v instanceof PyStaticMethod) return isAbstract(rt, v.func);
  if (!(v instanceof PyObject) || v.dict === null) return false;
  const flag = attrGet(v.dict, "__isabstractmethod__");
  return flag !== undefined && rt.truthy(flag);
}

function abstractNames(rt: Runtime, cls: PyType): string[] {
  const names = new Set<string>();
  for (const t of cls.mro) for (const [name, v] of t.ns) if (isAbstract(rt, v)) names.add(name);
  return [...names].filter((n) => isAbstract(rt, cls.lookup(n) ?? None)).sort();
}

function frozenset(rt: Runtime, names: string[]): PySet {
  const s = new PySet(frozensetType);
  for (const n of names) s.table.set(n, None, rt);
  return s;
}

function makeABC(rt: Runtime): PyType {
  const abc = new PyType(typeType, "ABC", [objectType], new Map(), objectType.alloc, { module: "abc", instanceDict: true });
  abc.ns.set("__abstractmethods__", frozenset(rt, []));
  abc.ns.set(
    "__init_subclass__",
    new PyClassMethod(nativeFunction("__init_subclass__", (args) => {
      const cls = args[0];
      if (cls instanceof PyType) cls.ns.set("__abstractmethods__", frozenset(rt, abstractNames(rt, cls)));
      return None;
    })),
  );
  abc.ns.set(
    "__new__",
    new PyStaticMethod(nativeFunction("__new__", (args, kw) => {
      const cls = args[0];
      if (!(cls instanceof PyType)) throw E.typeError("ABC.__new__(X): X is not a type object");
      const pending = cls.lookup("__abstractmethods__");
      if (pending instanceof PySet && pending.table.size > 0) {
        const names = pending.table.keys().map((k) => rt.str(k)).sort();
        const s = names.length === 1 ? "" : "s";
        throw E.typeError(`Can't instantiate abstract class ${cls.name} with abstract method${s} ${names.join(", ")}`);
      }
      return cls.alloc === objectType.alloc ? cls.alloc(cls, [], null, rt) : cls.alloc(cls, args.slice(1), kw, rt);
    })),
  );
  return abc;
}

export const abcModule: NativeModuleDef = {
  name: "abc",
  init(mod, rt) {
    mod.set("ABC", makeABC(rt));
    mod.set(
      "abstractmethod",
      nativeFunction("abstractmethod", (args) => {
        const f = args[0];
        if (f instanceof PyObject && f.dict !== null) attrSet(f.dict, "__isabstractmethod__", true);
        else rt.setattr(f, "__isabstractmethod__", true);
        return f;
      }),
    );
  },
};
