/*
 * io: StringIO, the in-memory text stream harness code prints into (print(..., file=buf),
 * contextlib.redirect_stdout(buf)) and reads back. Positions count UTF-16 units, which equal
 * CPython's code point positions for text without characters outside the BMP.
 */

import { parseArgs } from "../binding";
import { defineNativeType } from "../define";
import * as E from "../errors";
import { None, PyList, PyObject, typeOf, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";
import { codePointLength } from "../codepoints";

export class StringIO extends PyObject {
  buffer: string;
  pos = 0;
  closed = false;
  constructor(initial: string) {
    super(stringIOType);
    this.buffer = initial;
  }
}

function open(s: StringIO): StringIO {
  if (s.closed) throw E.valueError("I/O operation on closed file");
  return s;
}

function readLine(s: StringIO): string {
  const nl = s.buffer.indexOf("\n", s.pos);
  const end = nl < 0 ? s.buffer.length : nl + 1;
  const line = s.buffer.slice(s.pos, end);
  s.pos = end;
  return line;
}

function sizeArg(rt: Runtime, v: PyValue | undefined): number {
  if (v === undefined || v === None) return -1;
  return rt.asIndex(v, `argument should be integer or None, not '${typeof v}'`);
}

const stringIOType = defineNativeType<StringIO>({
  name: "StringIO",
  module: "_io",
  instanceOf: StringIO,
  construct(args, kw) {
    const [initial] = parseArgs("StringIO", args, kw, { names: ["initial_value", "newline"] });
    if (initial !== undefined && initial !== None && typeof initial !== "string") {
      throw E.typeError(`initial_value must be str or None, not ${typeOf(initial).name}`);
    }
    return new StringIO(typeof initial === "string" ? initial : "");
  },
  methods: {
    write: (self, args, _k, rt) => {
      const s = open(self);
      const text = args[0];
      if (typeof text !== "string") throw E.typeError(`string argument expected, got '${typeOf(text).name}'`);
      const b = s.buffer;
      const before = s.pos > b.length ? b + "\0".repeat(s.pos - b.length) : b.slice(0, s.pos);
      s.buffer = before + text + b.slice(s.pos + text.length);
      s.pos += text.length;
      rt.charge(text.length * 2);
      return codePointLength(text);
    },
    writelines: (self, args, _k, rt) => {
      for (const line of rt.iterate(args[0])) rt.callMethod1(self, "write", line);
      return None;
    },
    getvalue: (self) => open(self).buffer,
    read: (self, args, _k, rt) => {
      const s = open(self);
      const n = sizeArg(rt, args[0]);
      const end = n < 0 ? s.buffer.length : Math.min(s.buffer.length, s.pos + n);
      const out = s.buffer.slice(s.pos, end);
      s.pos = Math.max(s.pos, end);
      return out;
    },
    readline: (self) => readLine(open(self)),
    readlines: (self) => {
      const s = open(self);
      const lines: PyValue[] = [];
      while (s.pos < s.buffer.length) lines.push(readLine(s));
      return new PyList(lines);
    },
    seek: (self, args, _k, rt) => {
      const s = open(self);
      const whence = args[1] === undefined ? 0 : rt.asIndex(args[1], "whence must be an integer");
      const off = rt.asIndex(args[0], "position must be an integer");
      if (whence === 0) {
        if (off < 0) throw E.valueError(`Negative seek position ${off}`);
        s.pos = off;
      } else if (off !== 0) {
        throw E.pyException(E.OSError, "Can't do nonzero cur-relative seeks");
      } else if (whence === 2) s.pos = s.buffer.length;
      return s.pos;
    },
    tell: (self) => open(self).pos,
    truncate: (self, args, _k, rt) => {
      const s = open(self);
      const size = args[0] === undefined || args[0] === None ? s.pos : rt.asIndex(args[0], "size must be an integer");
      s.buffer = s.buffer.slice(0, size);
      return size;
    },
    close: (self) => {
      self.closed = true;
      return None;
    },
    flush: (self) => (open(self), None),
    readable: () => true,
    writable: () => true,
    seekable: () => true,
    __enter__: (self) => open(self),
    __exit__: (self) => {
      self.closed = true;
      return false;
    },
    __iter__: (self) => open(self),
    __next__: (self) => {
      const s = open(self);
      if (s.pos >= s.buffer.length) throw E.stopIteration();
      return readLine(s);
    },
  },
  getters: { closed: (self) => self.closed },
});

export const ioModule: NativeModuleDef = {
  name: "io",
  init(mod) {
    mod.set("StringIO", stringIOType);
  },
};
