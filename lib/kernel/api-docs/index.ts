/*
 * Signatures and docstrings for native functions, which carry none of their own: CPython's builtins
 * and standard library and numpy (generated from the real ones: python-docs.gen.py) and NKI /
 * kernel_lab (nki-docs.ts). Looked up by canonical dotted name.
 */
import pythonDocs from "./python-docs.json";
import { NKI_DOCS, type ApiDoc } from "./nki-docs";

export type { ApiDoc };

const PYTHON_DOCS: Readonly<Record<string, ApiDoc>> = pythonDocs;

/** The module name docs are keyed under: the newer top-level `nki` family shares `neuronxcc.nki`'s entries. */
export function canonicalModule(module: string): string {
  return module === "nki" || module.startsWith("nki.") ? `neuronxcc.${module}` : module;
}

export function apiDoc(qualifiedName: string): ApiDoc | undefined {
  if (qualifiedName.startsWith("$")) return undefined;
  return NKI_DOCS.get(qualifiedName) ?? (Object.hasOwn(PYTHON_DOCS, qualifiedName) ? PYTHON_DOCS[qualifiedName] : undefined);
}
