/*
 * The abstract syntax tree of Kernel Lab's Python subset.
 *
 * Node kinds and fields follow CPython 3.11's `ast` module (same class names in `kind`, same
 * operator names) so golden tests can compare against `python3 -c "import ast; ..."` directly and
 * readers who know CPython's AST know this one. Field names are camelCase.
 *
 * Every node carries its source span like CPython's `lineno/col_offset/end_lineno/end_col_offset`:
 * lines are 1-based, columns 0-based. Columns count UTF-16 code units (JavaScript string indices),
 * which equals CPython's UTF-8 byte offsets for ASCII source lines.
 *
 * Constructs Kernel Lab does not run (yield, await, async, match, complex literals) never reach the
 * AST: the parser rejects them with a SyntaxError saying so.
 */

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface Module extends Span {
  kind: "Module";
  body: Stmt[];
}

// ---------------------------------------------------------------------------------------------
// Statements

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

/** `def name(args) -> returns: body`; the span starts at `def` (decorators are separate nodes). */
export interface FunctionDef extends Span {
  kind: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorators: Expr[];
  returns: Expr | null;
}

export interface ClassDef extends Span {
  kind: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
}

export interface Return extends Span {
  kind: "Return";
  value: Expr | null;
}

export interface Delete extends Span {
  kind: "Delete";
  targets: Expr[];
}

/** `a = b = value`: `targets` holds every target left to right. */
export interface Assign extends Span {
  kind: "Assign";
  targets: Expr[];
  value: Expr;
}

export interface AugAssign extends Span {
  kind: "AugAssign";
  target: Expr;
  op: BinaryOperator;
  value: Expr;
}

/** `target: annotation [= value]`; `simple` is true for a bare unparenthesised name target. */
export interface AnnAssign extends Span {
  kind: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  simple: boolean;
}

export interface For extends Span {
  kind: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface While extends Span {
  kind: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

/** `elif` chains are nested `If` nodes in `orelse`, as in CPython. */
export interface If extends Span {
  kind: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends Span {
  kind: "With";
  items: WithItem[];
  body: Stmt[];
}

export interface WithItem extends Span {
  kind: "WithItem";
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface Raise extends Span {
  kind: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends Span {
  kind: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface ExceptHandler extends Span {
  kind: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Assert extends Span {
  kind: "Assert";
  test: Expr;
  msg: Expr | null;
}

export interface Import extends Span {
  kind: "Import";
  names: Alias[];
}

/** `level` counts leading dots; relative imports are rejected by the compiler, not the parser. */
export interface ImportFrom extends Span {
  kind: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number;
}

/** `name` may be dotted (`import x.y`) or `*`. */
export interface Alias extends Span {
  kind: "Alias";
  name: string;
  asname: string | null;
}

export interface Global extends Span {
  kind: "Global";
  names: string[];
}

export interface Nonlocal extends Span {
  kind: "Nonlocal";
  names: string[];
}

/** An expression statement (CPython's `Expr`). */
export interface ExprStmt extends Span {
  kind: "Expr";
  value: Expr;
}

export interface Pass extends Span {
  kind: "Pass";
}

export interface Break extends Span {
  kind: "Break";
}

export interface Continue extends Span {
  kind: "Continue";
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice
  | Yield
  | YieldFrom;

export type BoolOperator = "And" | "Or";

export type BinaryOperator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";

export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";

export type CompareOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

/** `a and b and c` is one BoolOp with three values. */
export interface BoolOp extends Span {
  kind: "BoolOp";
  op: BoolOperator;
  values: Expr[];
}

/** `yield value` (value null for a bare `yield`). */
export interface Yield extends Span {
  kind: "Yield";
  value: Expr | null;
}

/** `yield from iterable`. */
export interface YieldFrom extends Span {
  kind: "YieldFrom";
  value: Expr;
}

export interface NamedExpr extends Span {
  kind: "NamedExpr";
  target: Name;
  value: Expr;
}

export interface BinOp extends Span {
  kind: "BinOp";
  left: Expr;
  op: BinaryOperator;
  right: Expr;
}

export interface UnaryOp extends Span {
  kind: "UnaryOp";
  op: UnaryOperator;
  operand: Expr;
}

export interface Lambda extends Span {
  kind: "Lambda";
  args: Arguments;
  body: Expr;
}

export interface IfExp extends Span {
  kind: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}

/** A `null` key marks `**mapping` unpacking, whose mapping is the matching value. */
export interface Dict extends Span {
  kind: "Dict";
  keys: (Expr | null)[];
  values: Expr[];
}

export interface SetExpr extends Span {
  kind: "Set";
  elts: Expr[];
}

export interface ListComp extends Span {
  kind: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface SetComp extends Span {
  kind: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface DictComp extends Span {
  kind: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}

export interface GeneratorExp extends Span {
  kind: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}

/** One `for target in iter if cond...` clause; its span runs from `for` to the last condition. */
export interface Comprehension extends Span {
  kind: "Comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

/** `a < b <= c`: `ops.length === comparators.length`. */
export interface Compare extends Span {
  kind: "Compare";
  left: Expr;
  ops: CompareOperator[];
  comparators: Expr[];
}

/** Positional `args` may contain `Starred` (`*xs`); a keyword with `arg === null` is `**kw`. */
export interface Call extends Span {
  kind: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}

export interface Keyword extends Span {
  kind: "Keyword";
  arg: string | null;
  value: Expr;
}

/** One `{value!conversion:formatSpec}` replacement field of an f-string. */
export interface FormattedValue extends Span {
  kind: "FormattedValue";
  value: Expr;
  conversion: FormatConversion;
  formatSpec: JoinedStr | null;
}

/** `!s`, `!r`, `!a` or none (`null`). */
export type FormatConversion = "s" | "r" | "a" | null;

/** An f-string (after implicit concatenation); `values` are str Constants and FormattedValues. */
export interface JoinedStr extends Span {
  kind: "JoinedStr";
  values: (Constant | FormattedValue)[];
}

export type ConstantValue =
  | { type: "int"; value: bigint }
  | { type: "float"; value: number }
  | { type: "str"; value: string }
  | { type: "bool"; value: boolean }
  | { type: "None" }
  | { type: "Ellipsis" };

export interface Constant extends Span {
  kind: "Constant";
  value: ConstantValue;
}

export interface Attribute extends Span {
  kind: "Attribute";
  value: Expr;
  attr: string;
}

/** `a[i, j]` has a Tuple slice; `a[1:2]` a Slice; `a[1:2, :]` a Tuple of Slices. */
export interface Subscript extends Span {
  kind: "Subscript";
  value: Expr;
  slice: Expr;
}

export interface Starred extends Span {
  kind: "Starred";
  value: Expr;
}

export interface Name extends Span {
  kind: "Name";
  id: string;
}

export interface List extends Span {
  kind: "List";
  elts: Expr[];
}

export interface Tuple extends Span {
  kind: "Tuple";
  elts: Expr[];
}

export interface Slice extends Span {
  kind: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

// ---------------------------------------------------------------------------------------------
// Function signatures

/**
 * Parameters in CPython's layout: `defaults` align with the LAST entries of `posonlyargs ++ args`;
 * `kwDefaults` aligns one-to-one with `kwonlyargs` (`null` = required).
 */
export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

export interface Arg extends Span {
  kind: "Arg";
  arg: string;
  annotation: Expr | null;
}

export type Node =
  | Module
  | Stmt
  | Expr
  | WithItem
  | ExceptHandler
  | Alias
  | Comprehension
  | Keyword
  | Arg;
