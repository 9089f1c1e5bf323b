export type * from "./ast";
export { parseModule, describeExpression } from "./parser";
export { PythonSyntaxError, formatSyntaxError, type SyntaxErrorType } from "./syntaxError";
export { tokenize, TokenType, type Token, type TokenizerOutput } from "./tokenizer";
