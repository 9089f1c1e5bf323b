/*
 * Which statements must publish their line before they run. Native code (the NKI API) asks the
 * runtime for the line of the Python frame calling it (`Runtime.currentLocation`), which reads the
 * per-depth location table compiled code writes. A store per statement is measurable in tight
 * loops, so the compiler writes the table only before code that can reach native code:
 *   - a statement containing a call, attribute access, subscript, comprehension, `*` unpacking, an
 *     import or a context manager publishes its line first;
 *   - operators publish their line only on their slow path (the inline small-int paths cannot
 *     reach native code), so `i + 1` in a loop costs nothing.
 * Reading the table from a statement that published nothing cannot happen: native code is only
 * reached through one of the operations above. Tracebacks do not use the table: every frame keeps
 * its exact line in a JS local, updated before every statement.
 */

import type * as A from "../parser/ast";

/** Can evaluating `e` reach native code other than through an operator's guarded slow path? */
export function reachesNative(e: A.Expr | null): boolean {
  if (e === null) return false;
  switch (e.kind) {
    case "Constant":
    case "Name":
      return false;
    case "BinOp":
      return reachesNative(e.left) || reachesNative(e.right);
    case "UnaryOp":
      return reachesNative(e.operand);
    case "Compare":
      return reachesNative(e.left) || e.comparators.some(reachesNative);
    case "BoolOp":
      return e.values.some(reachesNative);
    case "IfExp":
      return reachesNative(e.test) || reachesNative(e.body) || reachesNative(e.orelse);
    case "NamedExpr":
      return reachesNative(e.value);
    case "Yield":
    case "YieldFrom":
      return true;
    case "Tuple":
    case "List":
    case "Set":
      return e.elts.some(reachesNative);
    case "Slice":
      return reachesNative(e.lower) || reachesNative(e.upper) || reachesNative(e.step);
    case "Dict":
      // A `**mapping` entry calls the mapping's keys() and __getitem__.
      return e.keys.some((k) => k === null || reachesNative(k)) || e.values.some(reachesNative);
    case "JoinedStr":
      return e.values.some(reachesNative);
    case "FormattedValue":
      return reachesNative(e.value) || reachesNative(e.formatSpec);
    case "Lambda":
      return e.args.defaults.some(reachesNative) || e.args.kwDefaults.some(reachesNative);
    default:
      return true;
  }
}

/** Does `e` contain a generator expression (whose body runs whenever its consumer advances it)? */
export function containsGenerator(e: A.Expr | null): boolean {
  if (e === null) return false;
  switch (e.kind) {
    case "GeneratorExp":
      return true;
    case "Call":
      return containsGenerator(e.func) || e.args.some(containsGenerator) || e.keywords.some((k) => containsGenerator(k.value));
    case "Starred":
    case "Attribute":
      return containsGenerator(e.value);
    case "Subscript":
      return containsGenerator(e.value) || containsGenerator(e.slice);
    case "Tuple":
    case "List":
      return e.elts.some(containsGenerator);
    case "IfExp":
      return containsGenerator(e.test) || containsGenerator(e.body) || containsGenerator(e.orelse);
    case "BoolOp":
      return e.values.some(containsGenerator);
    case "NamedExpr":
      return containsGenerator(e.value);
    default:
      return false;
  }
}

/** Does assigning to `t` (a subscript or attribute, possibly inside a tuple) run native code? */
export function targetReachesNative(t: A.Expr): boolean {
  switch (t.kind) {
    case "Name":
      return false;
    case "Tuple":
    case "List":
      return t.elts.some(targetReachesNative);
    case "Starred":
      return targetReachesNative(t.value);
    default:
      return true;
  }
}

/** Must `s` publish its line before it runs (its own expressions only, not nested blocks)? */
export function statementReachesNative(s: A.Stmt): boolean {
  switch (s.kind) {
    case "Expr":
      return reachesNative(s.value);
    case "Return":
      return reachesNative(s.value);
    case "Assign":
      return reachesNative(s.value) || s.targets.some(targetReachesNative);
    case "AugAssign":
      return reachesNative(s.value) || targetReachesNative(s.target);
    case "AnnAssign":
      return reachesNative(s.value) || targetReachesNative(s.target) || reachesNative(s.annotation);
    case "Assert":
      return reachesNative(s.test) || reachesNative(s.msg);
    case "Delete":
      return s.targets.some(targetReachesNative);
    case "If":
    case "While":
      return reachesNative(s.test);
    case "For":
      return reachesNative(s.iter);
    case "Pass":
    case "Break":
    case "Continue":
    case "Global":
    case "Nonlocal":
    case "Try":
      return false;
    default:
      // raise, import, with, def, class: rare enough that publishing the line always is free.
      return true;
  }
}
