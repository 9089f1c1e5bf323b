import { afterEach, describe, expect, it, vi } from "vitest";
import { newRequestId } from "../../lib/server/request-id";
import { logLine } from "../../lib/server/request-log";

afterEach(() => vi.restoreAllMocks());

describe("logLine", () => {
  it("writes an error as exactly one line carrying the request id", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logLine("error", "abc123", "GET /x failed: TypeError: boom\n    at frame (file.ts:1:2)\n    at other");
    expect(error).toHaveBeenCalledTimes(1);
    const line = String(error.mock.calls[0][0]);
    expect(line).not.toContain("\n");
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR req=abc123 GET \/x failed: TypeError: boom \| at frame \(file\.ts:1:2\) \| at other$/);
  });

  it("omits the request id for events outside a request", () => {
    const info = vi.spyOn(console, "log").mockImplementation(() => undefined);
    logLine("info", null, "started");
    expect(String(info.mock.calls[0][0])).toMatch(/Z INFO started$/);
  });
});

describe("newRequestId", () => {
  it("makes short, distinct hexadecimal ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
