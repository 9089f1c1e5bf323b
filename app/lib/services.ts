/**
 * The browser's connection to Kernel Lab's Jupyter server, through `@jupyterlab/services` — the only way
 * the UI talks to kernels, sessions and contents. Pages the app serves set the HttpOnly session cookie, so
 * the browser needs no token; the server checks the Origin of every request.
 */
import { ServerConnection } from "@jupyterlab/services";

let settings: ServerConnection.ISettings | null = null;

export function serverSettings(): ServerConnection.ISettings {
  if (!settings) {
    const baseUrl = `${window.location.origin}/`;
    const wsUrl = baseUrl.replace(/^http/, "ws");
    settings = ServerConnection.makeSettings({ baseUrl, wsUrl, appendToken: false, init: { credentials: "same-origin" } });
  }
  return settings;
}
