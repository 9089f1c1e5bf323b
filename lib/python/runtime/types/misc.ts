/*
 * Exceptions, None/NotImplemented/Ellipsis, property, staticmethod, classmethod, super, module,
 * and `type(name, bases, ns)`.
 */

import { attrGet, attrSet } from "../attr-store";
import { parseArgs } from "../binding";
import { getter, method } from "../define";
import * as E from "../errors";
import {
  Ellipsis,
  None,
  NotImplemented,
  PyBaseException,
  PyClassMethod,
  PyDict,
  PyModule,
  PyProperty,
  PyStaticMethod,
  PySuper,
  PyTuple,
  classMethodType,
  ellipsisType,
  moduleType,
  noneType,
  notImplementedType,
  propertyType,
  staticMethodType,
  superType,
  typeOf,
  typeType,
  type PyValue,
} from "../objects";
import type { Runtime } from "../runtime";

// ---- exceptions -----------------------------------------------------------------------------------

const X = (v: PyValue): PyBaseException => v as PyBaseException;
const B = E.BaseException;

method(B, "__init__", (self, args) => {
  X(self).args = args.slice();
  return None;
});
getter(B, "args", (self) => new PyTuple(X(self).args), (self, v, rt) => {
  X(self).args = rt.toArray(v);
});
method(B, "__str__", (self, _a, _k, rt) => {
  const args = X(self).args;
  if (args.length === 0) return "";
  if (args.length === 1) return rt.str(args[0]);
  return rt.repr(new PyTuple(args));
});
method(B, "__repr__", (self, _a, _k, rt) => {
  const args = X(self).args;
  const name = typeOf(self).name;
  if (args.length === 1) return `${name}(${rt.repr(args[0])})`;
  return `${name}${rt.repr(new PyTuple(args))}`;
});
method(B, "with_traceback", (self) => self);
method(B, "add_note", (self, args, _k, rt) => {
  const dict = X(self).dict ?? new Map<string, PyValue>();
  const notes = attrGet(dict, "__notes__");
  if (notes === undefined) attrSet(dict, "__notes__", rt.list([args[0]]));
  else rt.callMethod1(notes, "append", args[0]);
  return None;
});
getter(B, "__cause__", (self) => X(self).cause ?? None, (self, v) => {
  X(self).cause = v === None ? null : (v as PyBaseException);
  X(self).suppressContext = true;
});
getter(B, "__context__", (self) => X(self).context ?? None, (self, v) => {
  X(self).context = v === None ? null : (v as PyBaseException);
});
getter(B, "__suppress_context__", (self) => X(self).suppressContext, (self, v, rt) => {
  X(self).suppressContext = rt.truthy(v);
});
getter(B, "__traceback__", () => None);
method(E.KeyError, "__str__", (self, _a, _k, rt) => {
  const args = X(self).args;
  if (args.length === 1) return rt.repr(args[0]);
  return args.length === 0 ? "" : rt.repr(new PyTuple(args));
});
getter(E.StopIteration, "value", (self) => X(self).args[0] ?? None);
getter(E.SystemExit, "code", (self) => X(self).args[0] ?? None);

// ---- singletons ------------------------------------------------------------------------------------

method(noneType, "__repr__", () => "None");
method(noneType, "__bool__", () => false);
noneType.alloc = () => None;
method(notImplementedType, "__repr__", () => "NotImplemented");
notImplementedType.alloc = () => NotImplemented;
method(ellipsisType, "__repr__", () => "Ellipsis");
ellipsisType.alloc = () => Ellipsis;

// ---- property, staticmethod, classmethod --------------------------------------------------------------

const P = (v: PyValue): PyProperty => v as PyProperty;
propertyType.alloc = (cls, args, kw) => {
  const [fget, fset, fdel, doc] = parseArgs("property", args, kw, { names: ["fget", "fset", "fdel", "doc"] });
  return new PyProperty(fget ?? None, fset ?? None, fdel ?? None, doc ?? None, cls);
};
getter(propertyType, "fget", (self) => P(self).fget);
getter(propertyType, "fset", (self) => P(self).fset);
getter(propertyType, "fdel", (self) => P(self).fdel);
getter(propertyType, "__doc__", (self, rt) => {
  const p = P(self);
  return p.doc !== None || p.fget === None ? p.doc : rt.hasattr(p.fget, "__doc__") ? rt.getattr(p.fget, "__doc__") : None;
});
method(propertyType, "getter", (self, args) => new PyProperty(args[0], P(self).fset, P(self).fdel, P(self).doc, typeOf(self)));
method(propertyType, "setter", (self, args) => new PyProperty(P(self).fget, args[0], P(self).fdel, P(self).doc, typeOf(self)));
method(propertyType, "deleter", (self, args) => new PyProperty(P(self).fget, P(self).fset, args[0], P(self).doc, typeOf(self)));
method(propertyType, "__get__", (self, args, _k, rt) => (args[0] === None ? self : rt.call1(P(self).fget, args[0])));

staticMethodType.alloc = (_cls, args) => {
  if (args.length !== 1) throw E.typeError(`staticmethod expected 1 argument, got ${args.length}`);
  return new PyStaticMethod(args[0]);
};
classMethodType.alloc = (_cls, args) => {
  if (args.length !== 1) throw E.typeError(`classmethod expected 1 argument, got ${args.length}`);
  return new PyClassMethod(args[0]);
};
getter(staticMethodType, "__func__", (self) => (self as PyStaticMethod).func);
getter(classMethodType, "__func__", (self) => (self as PyClassMethod).func);
method(staticMethodType, "__call__", (self, args, kw, rt) => rt.call((self as PyStaticMethod).func, args, kw));

// ---- super ------------------------------------------------------------------------------------------

superType.alloc = (_cls, args, _kw, rt) => {
  if (args.length === 0) throw E.runtimeError("super(): no arguments");
  if (args.length === 1) throw E.typeError("super() with one argument is not supported in Kernel Lab");
  return rt.superOf(args[0], args[1]);
};
method(superType, "__repr__", (self, _a, _k, rt) => {
  const s = self as PySuper;
  return `<super: <class '${s.thisClass.name}'>, <${rt.repr(s.selfType)} object>>`;
});

// ---- module ---------------------------------------------------------------------------------------------

method(moduleType, "__repr__", (self) => `<module '${(self as PyModule).name}' (built-in)>`);

// ---- type(name, bases, dict) ------------------------------------------------------------------------------

typeType.alloc = (_cls, args, kw, rt: Runtime) => {
  if (args.length === 1) return typeOf(args[0]);
  if (args.length !== 3) throw E.typeError("type() takes 1 or 3 arguments");
  const [name, bases, ns] = args;
  if (typeof name !== "string") throw E.typeError(`type.__new__() argument 1 must be str, not ${typeOf(name).name}`);
  if (!(bases instanceof PyTuple)) throw E.typeError(`type.__new__() argument 2 must be tuple, not ${typeOf(bases).name}`);
  if (!(ns instanceof PyDict)) throw E.typeError(`type.__new__() argument 3 must be dict, not ${typeOf(ns).name}`);
  const main = rt.modules.get("__main__");
  return rt.makeClass(
    { name, qualname: name, filename: "<type>", firstLine: 0, params: { positional: [], posonly: 0, varargs: null, kwonly: [], varkw: null } },
    [...bases.items],
    kw === null ? [] : [...kw.keys()],
    kw === null ? [] : [...kw.values()],
    (m) => {
      for (const e of ns.table.iterate()) if (typeof e.k === "string") m.set(e.k, e.v);
    },
    main?.scope ?? new PyModule("__main__").scope,
  );
};
method(typeType, "__init__", () => None);
