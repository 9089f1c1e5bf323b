/*
 * sys: stdout/stderr streams (bound to the interpreter's callbacks), version info, limits.
 */

import { parseArgs } from "../binding";
import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyObject, PyTuple, typeOf, type PyValue } from "../objects";
import { MAX_RECURSION_LIMIT, type NativeModuleDef, type Runtime } from "../runtime";

export class TextStream extends PyObject {
  constructor(
    readonly name: string,
    readonly write: (text: string) => void,
  ) {
    super(textStreamType);
  }
}

export const textStreamType = defineNativeType<TextStream>({
  name: "TextIOWrapper",
  module: "_io",
  instanceOf: TextStream,
  methods: {
    write(self, args) {
      const [s] = parseArgs("write", args, null, { names: ["s"], required: 1 });
      if (typeof s !== "string") throw E.typeError(`write() argument must be str, not ${typeOf(s as PyValue).name}`);
      self.write(s);
      return s.length;
    },
    writelines(self, args, _kw, rt) {
      for (const line of rt.iterate(args[0])) self.write(rt.str(line));
      return None;
    },
    flush: () => None,
    isatty: () => false,
    __repr__: (self) => `<_io.TextIOWrapper name='<${self.name}>' mode='w' encoding='utf-8'>`,
  },
  getters: { name: (self) => `<${self.name}>` },
});

export const sysModule: NativeModuleDef = {
  name: "sys",
  init(mod, rt: Runtime) {
    mod.set("stdout", new TextStream("stdout", (t) => rt.stdout(t)));
    mod.set("stderr", new TextStream("stderr", (t) => rt.stderr(t)));
    mod.set("__stdout__", mod.scope.get("stdout") as PyValue);
    mod.set("__stderr__", mod.scope.get("stderr") as PyValue);
    mod.set("version_info", new PyTuple([3, 11, 0, "final", 0]));
    mod.set("version", "3.11.0 (Kernel Lab)");
    mod.set("hexversion", 0x030b00f0);
    mod.set("platform", "kernel-lab");
    mod.set("byteorder", "little");
    mod.set("maxsize", 2n ** 63n - 1n);
    mod.set("maxunicode", 0x10ffff);
    mod.set("argv", rt.list([rt.modules.get("__main__")?.scope.get("__file__") ?? ""]));
    mod.set("getrecursionlimit", nativeFunction("getrecursionlimit", () => rt.limits.maxRecursionDepth));
    mod.set(
      "setrecursionlimit",
      nativeFunction("setrecursionlimit", (args) => {
        const n = args[0];
        if (typeof n !== "number") throw E.typeError("an integer is required");
        if (n < 1) throw E.valueError("recursion limit must be greater or equal than 1");
        rt.limits.maxRecursionDepth = Math.min(n, MAX_RECURSION_LIMIT);
        return None;
      }),
    );
    mod.set(
      "exit",
      nativeFunction("exit", (args) => {
        throw E.pyException(E.SystemExit, ...(args.length > 0 ? [args[0]] : []));
      }),
    );
    mod.set("getsizeof", nativeFunction("getsizeof", () => {
      throw E.notImplementedError("sys.getsizeof is not available in Kernel Lab");
    }));
  },
};
