import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./router";

const withEncoding = (value: string | undefined) => ({ headers: value === undefined ? {} : { "accept-encoding": value } }) as IncomingMessage;

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["identity", false],
    ["gzip;q=0", false],
    ["deflate", false],
    [undefined, false],
  ])("Accept-Encoding %s → %s", (header, expected) => {
    expect(acceptsGzip(withEncoding(header))).toBe(expected);
  });
});
