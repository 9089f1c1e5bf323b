/*
 * Kernel Lab's Jupyter messaging protocol library (5.3): message model, client validation, the two
 * WebSocket framings, iopub buffering/rate limits and the request ordering contract. Pure: usable
 * from the server, tests and the browser alike.
 */
export * from "./messages";
export * from "./build";
export * from "./validate";
export * from "./framing";
export * from "./client-frame";
export * from "./iopub";
export * from "./request-cycle";
