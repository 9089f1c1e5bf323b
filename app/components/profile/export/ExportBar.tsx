"use client";

import { memo, useState } from "react";
import type { ProfileDocument } from "../../../../lib/profile/document";
import { csvFromDocument, perfettoFromDocument } from "../../../../lib/profile/export/from-document";
import { browserHandshakeEnv, openInPerfetto } from "./perfetto-open";
import styles from "../profile.module.css";

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Perfetto trace download, "Open in Perfetto" (download when Perfetto cannot be reached), CSV. */
export const ExportBar = memo(function ExportBar({ doc, baseName }: { doc: ProfileDocument; baseName: string }) {
  const [status, setStatus] = useState("");
  const traceJson = () => JSON.stringify(perfettoFromDocument(doc));
  const perfettoName = `${baseName}.perfetto.json`;
  const onOpen = async () => {
    setStatus("Opening Perfetto…");
    const json = traceJson();
    const result = await openInPerfetto({ buffer: new TextEncoder().encode(json).buffer as ArrayBuffer, title: baseName, fileName: perfettoName }, browserHandshakeEnv());
    if (result === "opened") setStatus("Sent to Perfetto.");
    else {
      download(perfettoName, "application/json", json);
      setStatus("Perfetto could not be reached; the trace was downloaded instead (open it at ui.perfetto.dev).");
    }
  };
  return (
    <div className={styles.exportBar} role="group" aria-label="Export">
      <button type="button" className={styles.button} onClick={() => download(perfettoName, "application/json", traceJson())}>
        Perfetto trace
      </button>
      <button type="button" className={styles.button} onClick={onOpen}>
        Open in Perfetto
      </button>
      <button type="button" className={styles.button} onClick={() => download(`${baseName}.csv`, "text/csv", csvFromDocument(doc))}>
        CSV
      </button>
      <span role="status" className={styles.muted}>
        {status}
      </span>
    </div>
  );
});
