// Worker threads do not inherit the parent's TypeScript loader (vitest's or `node --import tsx`),
// so each kernel worker registers tsx itself before importing the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
