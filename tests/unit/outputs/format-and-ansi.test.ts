import { describe, expect, it } from "vitest";
import { formatDuration, formatPercent } from "../../../app/components/outputs/format";
import { ansiSegments, stripAnsi, xterm256 } from "../../../app/components/outputs/ansi";
import { linkParts } from "../../../app/components/outputs/links";

describe("profile card number formats", () => {
  it("picks the unit that keeps three significant digits", () => {
    expect(formatDuration(512)).toBe("512 ns");
    expect(formatDuration(34_376.98)).toBe("34.4 µs");
    expect(formatDuration(1_234_567)).toBe("1.23 ms");
    expect(formatDuration(2.5e9)).toBe("2.50 s");
    expect(formatPercent(16.6547)).toBe("16.7%");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});

describe("ANSI text", () => {
  it("splits coloured text into styled segments", () => {
    const segs = ansiSegments("plain \x1b[1;31mbold red\x1b[0m \x1b[38;5;208morange\x1b[0m");
    expect(segs.map((s) => s.text)).toEqual(["plain ", "bold red", " ", "orange"]);
    expect(segs[1]).toMatchObject({ fg: { kind: "named", name: "red" }, bold: true });
    expect(segs[3].fg).toEqual({ kind: "rgb", rgb: "rgb(255,135,0)" });
    expect(stripAnsi("\x1b[32mok\x1b[0m")).toBe("ok");
  });

  it("maps the xterm palette's cube and grey ramp", () => {
    // xterm's own table: 16 = black, 21 = blue, 196 = red, 231 = white, 232 = #080808, 255 = #eeeeee.
    expect([16, 21, 196, 231, 232, 255].map(xterm256)).toEqual([
      "rgb(0,0,0)", "rgb(0,0,255)", "rgb(255,0,0)", "rgb(255,255,255)", "rgb(8,8,8)", "rgb(238,238,238)",
    ]);
  });
});

describe("links in output text", () => {
  it("finds http(s) addresses and leaves trailing punctuation outside", () => {
    expect(linkParts("see https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/api.html.")).toEqual([
      { text: "see ", href: null },
      { text: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/api.html", href: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/api.html" },
      { text: ".", href: null },
    ]);
    expect(linkParts("(http://localhost:3000/profiles/a1), done")).toEqual([
      { text: "(", href: null },
      { text: "http://localhost:3000/profiles/a1", href: "http://localhost:3000/profiles/a1" },
      { text: "), done", href: null },
    ]);
    expect(linkParts("javascript:alert(1) and ftp://x")).toEqual([{ text: "javascript:alert(1) and ftp://x", href: null }]);
  });
});
