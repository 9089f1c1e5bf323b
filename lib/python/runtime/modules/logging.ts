/*
 * logging: loggers with levels and propagation to the root logger, StreamHandler/NullHandler,
 * Formatter ('%' and '{' styles), basicConfig, disable, and the module-level shortcuts. Output goes
 * through the handler's stream (sys.stderr by default), so `basicConfig(stream=sys.stdout)` prints
 * to stdout as in CPython. Without a handler, WARNING and above print the bare message to stderr
 * (CPython's lastResort). Records know no source location: %(lineno)d is 0 and %(filename)s,
 * %(module)s and %(funcName)s name the logger's module only approximately; exception() logs at
 * ERROR without appending the traceback.
 */

import { parseArgs } from "../binding";
import { defineNativeType, nativeFunction } from "../define";
import * as E from "../errors";
import { None, PyDict, PyFloat, PyList, PyObject, type Kwargs, type PyValue } from "../objects";
import type { NativeModuleDef, Runtime } from "../runtime";

const LEVELS: [string, number][] = [["CRITICAL", 50], ["FATAL", 50], ["ERROR", 40], ["WARNING", 30], ["WARN", 30], ["INFO", 20], ["DEBUG", 10], ["NOTSET", 0]];
const LEVEL_NAMES = new Map<number, string>([[50, "CRITICAL"], [40, "ERROR"], [30, "WARNING"], [20, "INFO"], [10, "DEBUG"], [0, "NOTSET"]]);
const BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s";

function levelName(n: number): string {
  return LEVEL_NAMES.get(n) ?? `Level ${n}`;
}

function toLevel(rt: Runtime, v: PyValue): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const found = LEVELS.find(([name]) => name === v);
    if (found === undefined) throw E.valueError(`Unknown level: ${rt.repr(v)}`);
    return found[1];
  }
  throw E.typeError(`Level not an integer or a valid string: ${rt.repr(v)}`);
}

class Formatter extends PyObject {
  constructor(
    readonly fmt: string,
    readonly style: string,
  ) {
    super(formatterType);
  }
}

class Handler extends PyObject {
  level = 0;
  formatter: Formatter | null = null;
  constructor(readonly stream: PyValue) {
    super(handlerType);
  }
}

class Logger extends PyObject {
  level = 0;
  propagate = true;
  disabled = false;
  readonly handlers = new PyList([]);
  constructor(
    readonly name: string,
    readonly parent: Logger | null,
    readonly state: State,
  ) {
    super(loggerType);
  }
}

interface State {
  readonly root: Logger;
  readonly loggers: Map<string, Logger>;
  disableLevel: number;
  readonly started: number;
}

function effectiveLevel(l: Logger): number {
  for (let x: Logger | null = l; x !== null; x = x.parent) if (x.level !== 0) return x.level;
  return 0;
}

function formatRecord(rt: Runtime, f: Formatter | null, logger: Logger, level: number, message: string): string {
  const fmt = f ?? new Formatter("%(message)s", "%");
  const now = Date.now();
  const d = new Date(now);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const asctime = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())},${String(d.getMilliseconds()).padStart(3, "0")}`;
  const fields: [string, PyValue][] = [
    ["name", logger.name], ["levelname", levelName(level)], ["levelno", level], ["message", message], ["msg", message],
    ["asctime", asctime], ["created", new PyFloat(now / 1000)], ["msecs", new PyFloat(d.getMilliseconds())],
    ["relativeCreated", new PyFloat(now - logger.state.started)], ["filename", "__main__"], ["module", "__main__"],
    ["pathname", "__main__"], ["funcName", "<module>"], ["lineno", 0], ["process", 1], ["processName", "MainProcess"],
    ["thread", 1], ["threadName", "MainThread"],
  ];
  if (fmt.style === "{") {
    return rt.str(rt.call(rt.getattr(fmt.fmt, "format"), [], new Map(fields)));
  }
  const dict = new PyDict();
  for (const [k, v] of fields) dict.table.set(k, v, rt);
  return rt.str(rt.percentFormat(fmt.fmt, dict));
}

function emit(rt: Runtime, logger: Logger, level: number, msg: PyValue, args: PyValue[]): void {
  const st = logger.state;
  if (logger.disabled || level <= st.disableLevel || level < effectiveLevel(logger)) return;
  let text = rt.str(msg);
  if (args.length > 0) text = rt.str(rt.percentFormat(text, args.length === 1 && args[0] instanceof PyDict ? args[0] : rt.tuple(args)));
  let found = false;
  for (let l: Logger | null = logger; l !== null; l = l.propagate ? l.parent : null) {
    for (const h of l.handlers.items) {
      found = true;
      if (!(h instanceof Handler) || level < h.level || h.stream === None) continue;
      rt.callMethod1(h.stream, "write", formatRecord(rt, h.formatter, logger, level, text) + "\n");
    }
  }
  if (!found && level >= 30) rt.stderr(text + "\n");
}

const formatterType = defineNativeType<Formatter>({
  name: "Formatter",
  module: "logging",
  instanceOf: Formatter,
  construct(args, kw, rt) {
    const [fmt, , style] = parseArgs("Formatter", args, kw, { names: ["fmt", "datefmt", "style", "validate"], kwonly: ["defaults"] });
    const s = style === undefined ? "%" : rt.str(style);
    if (s !== "%" && s !== "{") throw E.valueError(`Style must be one of: %,{ (Kernel Lab has no '$' style)`);
    return new Formatter(fmt === undefined || fmt === None ? (s === "{" ? "{message}" : "%(message)s") : rt.str(fmt), s);
  },
});

const handlerType = defineNativeType<Handler>({
  name: "StreamHandler",
  module: "logging",
  instanceOf: Handler,
  methods: {
    setLevel: (self, args, _k, rt) => {
      self.level = toLevel(rt, args[0]);
      return None;
    },
    setFormatter: (self, args) => {
      const f = args[0];
      self.formatter = f instanceof Formatter ? f : null;
      return None;
    },
    flush: () => None,
    close: () => None,
  },
  getters: { level: (self) => self.level, formatter: (self) => self.formatter ?? None, stream: (self) => self.stream },
});

/** Logger.debug/info/.../log; keyword options (exc_info, stack_info, extra) are accepted and not used. */
function levelMethod(level: number | null) {
  return (self: Logger, args: PyValue[], _kw: Kwargs | null, rt: Runtime): PyValue => {
    const all = level === null ? args.slice(1) : args;
    const lv = level === null ? toLevel(rt, args[0]) : level;
    if (all.length === 0) throw E.typeError("missing 1 required positional argument: 'msg'");
    emit(rt, self, lv, all[0], all.slice(1));
    return None;
  };
}

const loggerType = defineNativeType<Logger>({
  name: "Logger",
  module: "logging",
  instanceOf: Logger,
  methods: {
    debug: levelMethod(10),
    info: levelMethod(20),
    warning: levelMethod(30),
    warn: levelMethod(30),
    error: levelMethod(40),
    exception: levelMethod(40),
    critical: levelMethod(50),
    fatal: levelMethod(50),
    log: levelMethod(null),
    setLevel: (self, args, _k, rt) => {
      self.level = toLevel(rt, args[0]);
      return None;
    },
    getEffectiveLevel: (self) => effectiveLevel(self),
    isEnabledFor: (self, args, _k, rt) => toLevel(rt, args[0]) > self.state.disableLevel && toLevel(rt, args[0]) >= effectiveLevel(self),
    addHandler: (self, args) => {
      if (!self.handlers.items.includes(args[0])) self.handlers.items.push(args[0]);
      return None;
    },
    removeHandler: (self, args) => {
      self.handlers.items = self.handlers.items.filter((h) => h !== args[0]);
      return None;
    },
    hasHandlers: (self) => {
      for (let l: Logger | null = self; l !== null; l = l.propagate ? l.parent : null) if (l.handlers.items.length > 0) return true;
      return false;
    },
    __repr__: (self) => `<${self.parent === null ? "RootLogger" : "Logger"} ${self.name} (${levelName(effectiveLevel(self))})>`,
  },
  getters: {
    name: (self) => self.name,
    level: (self) => self.level,
    handlers: (self) => self.handlers,
    parent: (self) => self.parent ?? None,
    propagate: (self) => self.propagate,
    disabled: (self) => self.disabled,
  },
  setters: {
    propagate: (self, v, rt) => {
      self.propagate = rt.truthy(v);
    },
    disabled: (self, v, rt) => {
      self.disabled = rt.truthy(v);
    },
  },
});

export const loggingModule: NativeModuleDef = {
  name: "logging",
  init(mod, rt) {
    const state: State = { root: null as unknown as Logger, loggers: new Map(), disableLevel: -1, started: Date.now() };
    const root = new Logger("root", null, state);
    root.level = 30;
    (state as { root: Logger }).root = root;
    for (const [name, n] of LEVELS) mod.set(name, n);
    mod.set("BASIC_FORMAT", BASIC_FORMAT);
    mod.set("Logger", loggerType);
    mod.set("Formatter", formatterType);
    mod.set("StreamHandler", nativeFunction("StreamHandler", (args) => new Handler(args[0] ?? rt.getattr(rt.importModule("sys", true), "stderr"))));
    mod.set("NullHandler", nativeFunction("NullHandler", () => new Handler(None)));
    mod.set("Handler", handlerType);
    mod.set("root", root);
    mod.set("getLogger", nativeFunction("getLogger", (args) => {
      const name = args[0];
      if (name === undefined || name === None || name === "root") return root;
      const key = rt.str(name);
      let l = state.loggers.get(key);
      if (l === undefined) {
        l = new Logger(key, root, state);
        state.loggers.set(key, l);
      }
      return l;
    }));
    mod.set("getLevelName", nativeFunction("getLevelName", (args) => {
      const v = args[0];
      if (typeof v === "number") return levelName(v);
      const found = LEVELS.find(([name]) => name === v);
      return found === undefined ? `Level ${rt.str(v)}` : found[1];
    }));
    mod.set("disable", nativeFunction("disable", (args) => {
      state.disableLevel = args.length === 0 ? 50 : toLevel(rt, args[0]);
      return None;
    }));
    mod.set("basicConfig", nativeFunction("basicConfig", (args, kw) => {
      const [filename, , format, , style, level, stream, handlers, force] = parseArgs("basicConfig", args, kw, {
        names: [],
        kwonly: ["filename", "filemode", "format", "datefmt", "style", "level", "stream", "handlers", "force", "encoding", "errors"],
      });
      if (filename !== undefined) throw E.notImplementedError("logging.basicConfig(filename=...) is not available in Kernel Lab (no file system)");
      const forced = force !== undefined && rt.truthy(force);
      if (root.handlers.items.length > 0 && !forced) return None;
      root.handlers.items = [];
      const s = style === undefined ? "%" : rt.str(style);
      const fmt = new Formatter(format === undefined ? (s === "{" ? "{levelname}:{name}:{message}" : BASIC_FORMAT) : rt.str(format), s);
      const hs = handlers !== undefined && handlers !== None ? rt.toArray(handlers) : [new Handler(stream ?? rt.getattr(rt.importModule("sys", true), "stderr"))];
      for (const h of hs) {
        if (h instanceof Handler && h.formatter === null) h.formatter = fmt;
        root.handlers.items.push(h);
      }
      if (level !== undefined) root.level = toLevel(rt, level);
      return None;
    }));
    for (const [name, level] of [["debug", 10], ["info", 20], ["warning", 30], ["warn", 30], ["error", 40], ["exception", 40], ["critical", 50], ["fatal", 50]] as const) {
      mod.set(name, nativeFunction(name, (args) => {
        if (root.handlers.items.length === 0) {
          // Like CPython's module-level helpers: an unconfigured root gets basicConfig() first.
          const h = new Handler(rt.getattr(rt.importModule("sys", true), "stderr"));
          h.formatter = new Formatter(BASIC_FORMAT, "%");
          root.handlers.items.push(h);
        }
        emit(rt, root, level, args[0] ?? "", args.slice(1));
        return None;
      }));
    }
    mod.set("shutdown", nativeFunction("shutdown", () => None));
  },
};
