// Monaco's base worker (word-based suggestions, link detection), bundled from the package; no CDN.
import "monaco-editor/editor/editor.worker.js";
