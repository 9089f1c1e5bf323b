// Fallback worker entry (see worker-source.ts): worker threads do not inherit the parent's
// TypeScript loader under vitest, so the worker registers tsx itself before importing TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./worker-dynamic.ts");
