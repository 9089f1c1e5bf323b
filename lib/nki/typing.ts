/**
 * `neuronxcc.nki.typing` (nt): `nt.tensor[[8192, 4096], nl.bfloat16]` describes a tensor by shape and
 * dtype only. Passed as a kernel argument it becomes an uninitialised HBM input (for benchmarking
 * shapes without data); as an annotation it is simply a value.
 */

import { defineNativeType } from "../python/runtime/define";
import * as E from "../python/runtime/errors";
import { None, PyList, PyObject, PyTuple, type PyModule, type PyValue } from "../python/runtime/objects";
import type { Runtime } from "../python/runtime/runtime";

export class TensorSpec extends PyObject {
  constructor(
    readonly shape: readonly number[],
    readonly dtype: PyValue,
  ) {
    super(tensorSpecType);
  }
}

export const tensorSpecType = defineNativeType<TensorSpec>({
  name: "tensor_spec",
  module: "neuronxcc.nki.typing",
  instanceOf: TensorSpec,
  methods: { __repr__: (s, _a, _k, rt) => `tensor[[${s.shape.join(", ")}], ${s.dtype === None ? "None" : rt.repr(s.dtype)}]` },
  getters: { shape: (s) => new PyTuple([...s.shape]), dtype: (s) => s.dtype },
});

class TensorTypeFactory extends PyObject {
  constructor() {
    super(factoryType);
  }
}

function specOf(key: PyValue, rt: Runtime): TensorSpec {
  const items = key instanceof PyTuple ? key.items : [key];
  const first = items[0];
  if (first instanceof PyList || first instanceof PyTuple) {
    return new TensorSpec(first.items.map((x) => rt.asIndex(x, "tensor shape entries must be integers")), items[1] ?? None);
  }
  // `nt.tensor[c, h, w]`: a shape without a dtype.
  if (items.every((x) => typeof x === "number")) return new TensorSpec(items as number[], None);
  throw E.typeError("nt.tensor takes [[shape...], dtype] or a list of dimension sizes");
}

const factoryType = defineNativeType<TensorTypeFactory>({
  name: "tensor",
  module: "neuronxcc.nki.typing",
  instanceOf: TensorTypeFactory,
  methods: {
    __getitem__: (_s, [key], _kw, rt) => specOf(key, rt),
    __repr__: () => "<class 'neuronxcc.nki.typing.tensor'>",
  },
});

export function initTyping(mod: PyModule): void {
  mod.set("tensor", new TensorTypeFactory());
}
