/*
 * contextlib: contextmanager (a generator function as a with-statement context manager),
 * redirect_stdout/redirect_stderr (swap sys.stdout/sys.stderr, which print follows), suppress and
 * nullcontext.
 */

import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyBaseException, PyGenerator, PyObject, PyType, typeOf, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

class GeneratorCM extends PyObject {
  constructor(readonly gen: PyValue) {
    super(generatorCMType);
  }
}

function stopped(e: unknown): boolean {
  return e instanceof PyBaseException && e.cls.isSubtypeOf(E.StopIteration);
}

const generatorCMType = defineNativeType<GeneratorCM>({
  name: "_GeneratorContextManager",
  module: "contextlib",
  instanceOf: GeneratorCM,
  methods: {
    __enter__: (self, _a, _k, rt) => {
      try {
        return rt.callMethod0(self.gen, "__next__");
      } catch (e) {
        if (stopped(e)) throw E.runtimeError("generator didn't yield");
        throw e;
      }
    },
    __exit__: (self, args, _k, rt) => {
      const [type, value] = args;
      if (type === None || type === undefined) {
        try {
          rt.callMethod0(self.gen, "__next__");
        } catch (e) {
          if (stopped(e)) return false;
          throw e;
        }
        throw E.runtimeError("generator didn't stop");
      }
      const exc = value instanceof PyBaseException ? value : rt.call(type, [], null);
      try {
        rt.callMethod1(self.gen, "throw", exc);
      } catch (e) {
        // The generator let the exception through (or raised another): not suppressed.
        if (e === exc) return false;
        if (stopped(e)) return true;
        throw e;
      }
      throw E.runtimeError("generator didn't stop after throw()");
    },
  },
});

class Redirect extends PyObject {
  saved: PyValue[] = [];
  constructor(
    readonly stream: "stdout" | "stderr",
    readonly target: PyValue,
  ) {
    super(redirectType);
  }
}

const redirectType = defineNativeType<Redirect>({
  name: "redirect_stdout",
  module: "contextlib",
  instanceOf: Redirect,
  methods: {
    __enter__: (self, _a, _k, rt) => {
      const sys = rt.importModule("sys", true);
      self.saved.push(rt.getattr(sys, self.stream));
      rt.setattr(sys, self.stream, self.target);
      return self.target;
    },
    __exit__: (self, _a, _k, rt) => {
      const prev = self.saved.pop();
      if (prev !== undefined) rt.setattr(rt.importModule("sys", true), self.stream, prev);
      return false;
    },
  },
});

class Suppress extends PyObject {
  constructor(readonly types: PyValue[]) {
    super(suppressType);
  }
}

const suppressType = defineNativeType<Suppress>({
  name: "suppress",
  module: "contextlib",
  instanceOf: Suppress,
  methods: {
    __enter__: () => None,
    __exit__: (self, args) => {
      const t = args[0];
      return t instanceof PyType && self.types.some((x) => x instanceof PyType && t.isSubtypeOf(x));
    },
  },
});

class NullContext extends PyObject {
  constructor(readonly value: PyValue) {
    super(nullContextType);
  }
}

const nullContextType = defineNativeType<NullContext>({
  name: "nullcontext",
  module: "contextlib",
  instanceOf: NullContext,
  methods: { __enter__: (self) => self.value, __exit__: () => false },
});

function contextmanager(rt: Runtime, func: PyValue): PyValue {
  const wrapper = nativeFunction(rt.str(rt.getattr(func, "__name__")), (args, kw) => {
    const gen = rt.call(func, args, kw);
    if (!(gen instanceof PyGenerator)) throw E.typeError(`'${typeOf(gen).name}' object is not an iterator`);
    return new GeneratorCM(gen);
  });
  return wrapper;
}

export const contextlibModule: NativeModuleDef = {
  name: "contextlib",
  init(mod, rt) {
    mod.set("contextmanager", nativeFunction("contextmanager", (args) => contextmanager(rt, args[0])));
    mod.set("redirect_stdout", nativeFunction("redirect_stdout", (args) => new Redirect("stdout", args[0] ?? None)));
    mod.set("redirect_stderr", nativeFunction("redirect_stderr", (args) => new Redirect("stderr", args[0] ?? None)));
    mod.set("suppress", nativeFunction("suppress", (args) => new Suppress(args)));
    mod.set("nullcontext", nativeFunction("nullcontext", (args) => new NullContext(args[0] ?? None)));
  },
};
