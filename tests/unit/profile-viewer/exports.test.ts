import { describe, expect, it } from "vitest";
import { fixtureProfile, FIXTURE_SHAPES } from "../../../app/dev/profile/fixture";
import { csvFromDocument, DOCUMENT_CSV_COLUMNS, perfettoFromDocument } from "../../../lib/profile/export/from-document";
import { toCsv, toPerfetto, CSV_COLUMNS } from "../../../lib/profile";
import { openInPerfetto, PERFETTO_ORIGIN, type HandshakeEnv } from "../../../app/components/profile/export/perfetto-open";

const { profile, document: doc } = fixtureProfile(FIXTURE_SHAPES.small, "trn2");

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    }
    else if (c === "\r" && text[k + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      k++;
    } else field += c;
  }
  return rows;
}

describe("Perfetto trace from a document", () => {
  const fromDoc = perfettoFromDocument(doc);
  const fromProfile = toPerfetto(profile);

  it("parses as JSON and has the same slices (name, track, time) as the profile's own export", () => {
    const parsed = JSON.parse(JSON.stringify(fromDoc)) as typeof fromDoc;
    const slices = (t: typeof fromDoc) => t.traceEvents.filter((e) => e.ph === "X" && e.name !== "LoadStationary");
    const a = slices(parsed);
    const b = slices(fromProfile);
    expect(a.length).toBe(b.length);
    a.forEach((e, k) => {
      expect(e.name).toBe(b[k].name);
      expect(e.tid).toBe(b[k].tid);
      expect(e.ts!).toBeCloseTo(b[k].ts!, 5);
      expect(e.dur!).toBeCloseTo(b[k].dur!, 5);
      expect(e.args?.nki_source_location).toBe(b[k].args?.nki_source_location);
    });
  });

  it("names the same threads and draws the same flow arrows", () => {
    const names = (t: typeof fromDoc) => t.traceEvents.filter((e) => e.name === "thread_name").map((e) => e.args?.name);
    expect(names(fromDoc)).toEqual(names(fromProfile));
    const flows = (t: typeof fromDoc) => t.traceEvents.filter((e) => e.ph === "s" || e.ph === "f").map((e) => [e.ph, e.cat, e.tid]);
    expect(flows(fromDoc)).toEqual(flows(fromProfile));
  });
});

describe("CSV from a document", () => {
  const rows = parseCsv(csvFromDocument(doc));
  const reference = parseCsv(toCsv(profile));

  it("has a header and one row per instruction", () => {
    expect(rows[0]).toEqual([...DOCUMENT_CSV_COLUMNS]);
    expect(rows.length).toBe(doc.instructions.startNs.length + 1);
  });

  it("agrees with the profile's CSV on every shared column", () => {
    const shared = DOCUMENT_CSV_COLUMNS.filter((c) => (CSV_COLUMNS as readonly string[]).includes(c) && c !== "loop_path");
    for (const column of shared) {
      const a = rows[0].indexOf(column);
      const b = reference[0].indexOf(column);
      for (let r = 1; r < rows.length; r++) {
        const x = rows[r][a];
        const y = reference[r][b];
        if (/_ns$/.test(column) && x !== "") expect(Number(x)).toBeCloseTo(Number(y), 2);
        else expect(x, `${column} row ${r}`).toBe(y);
      }
    }
  });

  it("quotes the operand descriptions, which contain commas", () => {
    const k = rows[0].indexOf("operands");
    const matmul = rows.find((r) => r[3] === "nc_matmul")!;
    expect(matmul[k]).toContain(", ");
    expect(matmul[k]).toContain("psum float32[128,512]");
  });
});

/** A fake window environment whose clock the test advances. */
function fakeEnv(answer: boolean) {
  const posted: unknown[] = [];
  let listener: ((e: { source: unknown; origin: string; data: unknown }) => void) | null = null;
  const timers: { at: number; fn: () => void; every?: number; id: number }[] = [];
  let now = 0;
  let nextId = 1;
  const win = {
    postMessage: (m: unknown, origin: string) => {
      expect(origin).toBe(PERFETTO_ORIGIN);
      posted.push(m);
      if (answer && m === "PING") queueMicrotask(() => listener?.({ source: win, origin: PERFETTO_ORIGIN, data: "PONG" }));
    },
    closed: false,
    close: () => (win.closed = true),
  };
  const env: HandshakeEnv = {
    open: () => win,
    onMessage: (l) => ((listener = l), () => (listener = null)),
    setInterval: (fn, ms) => (timers.push({ at: now + ms, fn, every: ms, id: nextId }), nextId++),
    clearInterval: (h) => timers.splice(timers.findIndex((t) => t.id === h), 1),
    setTimeout: (fn, ms) => (timers.push({ at: now + ms, fn, id: nextId }), nextId++),
    clearTimeout: (h) => {
      const k = timers.findIndex((t) => t.id === h);
      if (k >= 0) timers.splice(k, 1);
    },
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > until) break;
      now = t.at;
      if (t.every) t.at += t.every;
      else timers.shift();
      t.fn();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = until;
  };
  return { env, posted, win, advance, listening: () => listener !== null };
}

describe("Open in Perfetto handshake", () => {
  const payload = { buffer: new ArrayBuffer(8), title: "k", fileName: "k.json" };

  it("pings until Perfetto answers PONG, then posts the trace once", async () => {
    const f = fakeEnv(true);
    const result = openInPerfetto(payload, f.env, { pingMs: 50, timeoutMs: 1000 });
    await f.advance(50);
    expect(await result).toBe("opened");
    expect(f.posted).toEqual(["PING", { perfetto: payload }]);
    expect(f.listening()).toBe(false);
  });

  it("gives up after the timeout when Perfetto cannot be reached, closing the window", async () => {
    const f = fakeEnv(false);
    const result = openInPerfetto(payload, f.env, { pingMs: 50, timeoutMs: 1000 });
    await f.advance(1000);
    expect(await result).toBe("unreachable");
    expect(f.posted.every((m) => m === "PING")).toBe(true);
    expect(f.posted.length).toBe(20);
    expect(f.win.closed).toBe(true);
  });

  it("reports unreachable at once when no window opens", async () => {
    const env = { ...fakeEnv(true).env, open: () => null };
    expect(await openInPerfetto(payload, env)).toBe("unreachable");
  });
});
