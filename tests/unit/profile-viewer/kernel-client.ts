/**
 * Creates stored profiles the way students do: a notebook, a session on the `nki` kernel, and cells
 * that call `kernel_lab.profile`, sent over the kernel channels WebSocket. The server stores each
 * profile and replaces it by a card carrying its id and URL. Used by the viewer's browser test and
 * benchmark against a running server.
 */
import { randomUUID } from "node:crypto";
import { WebSocket } from "ws";
import { isProfileCard, type ProfileCard } from "../../../lib/profile/card";
import { PROFILE_MIME, type ProfileDocument } from "../../../lib/profile/document";

interface WireMessage {
  header: { msg_id: string; msg_type: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
}

export interface ServerAccess {
  readonly url: string;
  readonly token: string;
}

export async function api(server: ServerAccess, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `token ${server.token}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  const response = await fetch(`${server.url}${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  if (!response.ok && response.status !== 404) throw new Error(`${init.method ?? "GET"} ${path} → ${response.status}: ${await response.text()}`);
  return response;
}

/** A stored profile's document; polls while the server may still be writing it (the card can arrive first). */
export async function storedDocument(server: ServerAccess, profileId: string, timeoutMs = 30_000): Promise<ProfileDocument> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api(server, `/api/lab/profiles/${profileId}`);
    if (response.ok) return (await response.json()) as ProfileDocument;
    if (Date.now() > deadline) throw new Error(`profile ${profileId} was not stored within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs each cell in a fresh session of `notebook` and returns the profile card each displayed. */
export async function profileCells(server: ServerAccess, notebook: string, cells: readonly string[], timeoutMs = 120_000): Promise<ProfileCard[]> {
  const cellJson = cells.map((source, k) => ({ cell_type: "code", id: `cell-${k}`, metadata: {}, source, execution_count: null, outputs: [] }));
  await api(server, `/api/contents/${notebook}`, { method: "PUT", json: { type: "notebook", content: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cellJson } } });
  const session = (await (await api(server, "/api/sessions", { method: "POST", json: { path: notebook, type: "notebook", kernel: { name: "nki" } } })).json()) as { id: string; kernel: { id: string } };
  const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/api/kernels/${session.kernel.id}/channels?session_id=${randomUUID()}&token=${server.token}`);
  const received: WireMessage[] = [];
  ws.on("message", (data) => received.push(JSON.parse(String(data)) as WireMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  try {
    const cards: ProfileCard[] = [];
    for (const [k, code] of cells.entries()) {
      const msgId = randomUUID();
      ws.send(
        JSON.stringify({
          channel: "shell",
          header: { msg_id: msgId, msg_type: "execute_request", session: "profile-viewer-test", username: "test", date: new Date().toISOString(), version: "5.3" },
          parent_header: {},
          metadata: { cellId: `cell-${k}` },
          content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
        }),
      );
      const deadline = Date.now() + timeoutMs;
      const mine = () => received.filter((m) => m.parent_header.msg_id === msgId);
      while (!mine().some((m) => m.header.msg_type === "status" && m.content.execution_state === "idle")) {
        if (Date.now() > deadline) throw new Error(`cell ${k} did not finish within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const error = mine().find((m) => m.header.msg_type === "error");
      if (error) throw new Error(`cell ${k} raised: ${JSON.stringify(error.content.traceback)}`);
      const card = mine()
        .map((m) => (m.content.data as Record<string, unknown> | undefined)?.[PROFILE_MIME])
        .find(isProfileCard);
      if (!card) throw new Error(`cell ${k} displayed no profile card: ${mine().map((m) => m.header.msg_type).join(", ")}`);
      cards.push(card);
    }
    return cards;
  } finally {
    ws.close();
    await api(server, `/api/sessions/${session.id}`, { method: "DELETE" });
  }
}
