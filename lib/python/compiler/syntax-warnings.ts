/*
 * The SyntaxWarnings CPython 3.11's compiler issues for code that is valid but almost certainly a
 * mistake (compile.c: check_compare, check_caller, check_subscripter, check_index):
 *
 *   x is 1            "is" with a literal. Did you mean "=="?
 *   [1, 2] (3, 4)     'list' object is not callable; perhaps you missed a comma?
 *   5[0]              'int' object is not subscriptable; perhaps you missed a comma?
 *   [1, 2]["a"]       list indices must be integers or slices, not str; perhaps you missed a comma?
 *
 * CPython checks after constant folding, so `-1`, `2 * 3` and `(1, 2)` count as literals here too.
 */
import type * as A from "../parser/ast";

export interface CompileWarning {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The Python type name of a literal after CPython's constant folding, or null for anything else. */
function constantType(e: A.Expr): string | null {
  switch (e.kind) {
    case "Constant":
      switch (e.value.type) {
        case "int":
          return "int";
        case "float":
          return "float";
        case "str":
          return "str";
        case "bool":
          return "bool";
        case "None":
          return "NoneType";
        case "Ellipsis":
          return "ellipsis";
      }
      break;
    case "UnaryOp": {
      const t = constantType(e.operand);
      if (t === null) return null;
      if (e.op === "Not") return "bool";
      return t === "bool" ? "int" : t === "int" || t === "float" ? t : null;
    }
    case "BinOp": {
      const l = constantType(e.left);
      const r = constantType(e.right);
      if (l === null || r === null) return null;
      const numeric = (t: string): boolean => t === "int" || t === "float" || t === "bool";
      if (numeric(l) && numeric(r)) return e.op === "Div" || l === "float" || r === "float" ? "float" : "int";
      if (l === "str" && r === "str" && e.op === "Add") return "str";
      if (e.op === "Mult" && ((l === "str" && r === "int") || (l === "int" && r === "str"))) return "str";
      return null;
    }
    case "Tuple":
      return e.elts.every((x) => constantType(x) !== null) ? "tuple" : null;
  }
  return null;
}

/** infer_type in compile.c: the type a literal or display evaluates to, or null when unknown. */
function inferType(e: A.Expr): string | null {
  switch (e.kind) {
    case "Tuple":
      return "tuple";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Set":
    case "SetComp":
      return "set";
    case "GeneratorExp":
      return "generator";
    case "Lambda":
      return "function";
    case "JoinedStr":
      return "str";
    case "Slice":
      return "slice";
    default:
      return constantType(e);
  }
}

const isNamedSingleton = (e: A.Expr): boolean =>
  e.kind === "Constant" && (e.value.type === "None" || e.value.type === "bool" || e.value.type === "Ellipsis");

function checkCompare(e: A.Compare, warn: (at: A.Span, message: string) => void): void {
  const isArg = (x: A.Expr): boolean => constantType(x) === null || isNamedSingleton(x);
  let left = isArg(e.left);
  e.ops.forEach((op, i) => {
    const right = isArg(e.comparators[i]);
    if ((op === "Is" || op === "IsNot") && (!left || !right)) {
      warn(e, op === "Is" ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
    }
    left = right;
  });
}

const CALLER_KINDS: ReadonlySet<string> = new Set(["Tuple", "List", "ListComp", "Dict", "DictComp", "Set", "SetComp", "GeneratorExp", "JoinedStr"]);

function checkCall(e: A.Call, warn: (at: A.Span, message: string) => void): void {
  const f = e.func;
  const t = CALLER_KINDS.has(f.kind) ? inferType(f) : constantType(f);
  if (t !== null) warn(e, `'${t}' object is not callable; perhaps you missed a comma?`);
}

const UNSUBSCRIPTABLE_CONSTANTS: ReadonlySet<string> = new Set(["NoneType", "ellipsis", "int", "bool", "float"]);

function checkSubscript(e: A.Subscript, warn: (at: A.Span, message: string) => void): void {
  const v = e.value;
  const vt = constantType(v);
  if ((vt !== null && UNSUBSCRIPTABLE_CONSTANTS.has(vt)) || v.kind === "Set" || v.kind === "SetComp" || v.kind === "GeneratorExp" || v.kind === "Lambda") {
    warn(e, `'${vt ?? inferType(v)}' object is not subscriptable; perhaps you missed a comma?`);
    return;
  }
  const it = inferType(e.slice);
  if (it === null || it === "int" || it === "bool" || it === "slice") return;
  const indexed = vt === "str" || vt === "tuple" || ["Tuple", "List", "ListComp", "JoinedStr"].includes(v.kind);
  if (indexed) warn(e, `${vt ?? inferType(v)} indices must be integers or slices, not ${it}; perhaps you missed a comma?`);
}

type Node = { kind?: string } & Record<string, unknown>;

/** The compile-time warnings of a module, in source order. */
export function syntaxWarnings(module: A.Module): CompileWarning[] {
  const out: CompileWarning[] = [];
  const warn = (at: A.Span, message: string): void => {
    out.push({ line: at.line, col: at.col, message });
  };
  // Subscripts assigned to or deleted are not loads: CPython checks loads only.
  const targets = new Set<unknown>();
  const markTargets = (t: unknown): void => {
    const n = t as Node;
    if (n === null || typeof n !== "object") return;
    if (n.kind === "Subscript") targets.add(n);
    else if (n.kind === "Tuple" || n.kind === "List") for (const x of n.elts as unknown[]) markTargets(x);
    else if (n.kind === "Starred") markTargets(n.value);
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const n = v as Node;
    switch (n.kind) {
      case "Assign":
        for (const t of n.targets as unknown[]) markTargets(t);
        break;
      case "AugAssign":
      case "AnnAssign":
      case "For":
      case "Comprehension":
        markTargets(n.target);
        break;
      case "Delete":
        for (const t of n.targets as unknown[]) markTargets(t);
        break;
      case "WithItem":
        markTargets(n.optionalVars);
        break;
      case "Compare":
        checkCompare(v as A.Compare, warn);
        break;
      case "Call":
        checkCall(v as A.Call, warn);
        break;
      case "Subscript":
        if (!targets.has(v)) checkSubscript(v as A.Subscript, warn);
        break;
    }
    for (const key of Object.keys(n)) {
      const child = n[key];
      if (child !== null && typeof child === "object") visit(child);
    }
  };
  visit(module);
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}
