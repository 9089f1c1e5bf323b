import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { collapseText, splitLines, STREAM_LIMITS } from "../../../app/components/outputs/collapse";

const lines = (n: number, width = 10) => Array.from({ length: n }, (_, i) => `${String(i).padStart(width - 1, "0")}\n`).join("");

describe("collapsing long text outputs", () => {
  it("keeps text within both limits whole", () => {
    const text = lines(200);
    expect(collapseText(text, STREAM_LIMITS)).toEqual({ collapsed: false, text });
  });

  it("hides the middle of a long stream, keeping 20 head and 40 tail lines", () => {
    const text = lines(1000);
    const c = collapseText(text, STREAM_LIMITS);
    if (!c.collapsed) throw new Error("expected a collapsed text");
    expect(splitLines(c.head)).toHaveLength(20);
    expect(splitLines(c.tail)).toHaveLength(40);
    expect(c.head.startsWith("000000000\n")).toBe(true);
    expect(c.tail.endsWith("000000999\n")).toBe(true);
    expect(c.hiddenLines).toBe(940);
  });

  it("applies the character limit to few very long lines", () => {
    const text = lines(10, 5000);
    const c = collapseText(text, STREAM_LIMITS);
    if (!c.collapsed) throw new Error("expected a collapsed text");
    expect(c.head.length + c.tail.length).toBeLessThanOrEqual(STREAM_LIMITS.shownChars);
    expect(c.head.length).toBeGreaterThan(0);
  });

  it("shows the beginning of a single enormous line", () => {
    const c = collapseText("x".repeat(100_000), STREAM_LIMITS);
    if (!c.collapsed) throw new Error("expected a collapsed text");
    expect(c.head).toBe("x".repeat(2667)); // a third of 8000, rounded up
    expect(c.hiddenChars).toBe(100_000 - c.head.length);
  });

  it("never loses or duplicates text: head + hidden + tail is the whole", () => {
    const limits = { maxLines: 12, maxChars: 300, shownLines: 6, shownChars: 150 };
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 80 }), (parts) => {
        const text = parts.join("\n");
        const c = collapseText(text, limits);
        if (!c.collapsed) {
          expect(c.text).toBe(text);
          return;
        }
        expect(text.startsWith(c.head)).toBe(true);
        expect(text.endsWith(c.tail)).toBe(true);
        expect(c.head.length + c.hiddenChars + c.tail.length).toBe(text.length);
        if (c.head === "" || c.head.endsWith("\n")) {
          expect(c.hiddenLines).toBe(splitLines(text.slice(c.head.length, text.length - c.tail.length)).length);
        }
        expect(splitLines(c.head).length + splitLines(c.tail).length).toBeLessThanOrEqual(limits.shownLines);
        expect(c.head.length + c.tail.length).toBeLessThanOrEqual(limits.shownChars);
      }),
    );
  });
});
