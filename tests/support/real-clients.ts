/**
 * Real Jupyter clients from Debian (python3-nbclient, python3-jupyter-server) for conformance tests. They
 * need Debian's /usr/bin/python3 (the default python3 here may be another build without them). Under
 * CI=true a missing client is a failure; elsewhere the tests are skipped with a loud warning.
 */
import { spawnSync } from "node:child_process";

export const debianPython = "/usr/bin/python3";

function hasModules(): boolean {
  const probe = spawnSync(debianPython, ["-c", "import nbclient, nbformat, jupyter_server.gateway.managers"], { encoding: "utf8" });
  return probe.status === 0;
}

export const realClientsAvailable = hasModules();

if (!realClientsAvailable) {
  const message = "Debian's Jupyter clients are missing: apt-get install -y python3-jupyter-server python3-nbclient python3-nbformat";
  if (process.env.CI === "true") throw new Error(`${message} (required in CI)`);
  console.warn(`\n⚠ SKIPPING REAL-CLIENT CONFORMANCE TESTS — ${message}\n`);
}
