import { describe, expect, it } from "vitest";
import { applyTerminalControls } from "../../../app/components/outputs/terminal";

const RED = "\x1b[31m";
const GREEN = "\x1b[32m";
const RESET = "\x1b[0m";

describe("stream text as a terminal shows it", () => {
  it("leaves plain text untouched", () => {
    const text = "epoch 1\nepoch 2\n";
    expect(applyTerminalControls(text)).toBe(text);
  });

  it("overwrites from the line start after a carriage return, keeping the longer tail", () => {
    expect(applyTerminalControls("loading 10%\rloading 100%\n")).toBe("loading 100%\n");
    expect(applyTerminalControls("abcdef\rXY")).toBe("XYcdef");
  });

  it("keeps progress bars that arrive in separate chunks on one line", () => {
    expect(applyTerminalControls("[##   ] 40%\r[#### ] 80%\r[#####] 100%\ndone\n")).toBe("[#####] 100%\ndone\n");
  });

  it("treats CRLF as a plain newline", () => {
    expect(applyTerminalControls("a\r\nb\r\n")).toBe("a\nb\n");
  });

  it("moves back one column per backspace without passing the line start", () => {
    expect(applyTerminalControls("abc\b\bX")).toBe("aXc");
    expect(applyTerminalControls("a\b\b\bZ")).toBe("Z");
  });

  it("erases to the end of the line with ESC[K", () => {
    expect(applyTerminalControls("long status line\rshort\x1b[K\n")).toBe("short\n");
  });

  it("keeps each character's colour through an overwrite", () => {
    // "ok" was red; the overwrite writes a green "X" over the "o" only.
    expect(applyTerminalControls(`${RED}ok${RESET}\r${GREEN}X${RESET}`)).toBe(`${GREEN}X${RESET}${RED}k${RESET}`);
  });

  it("carries a colour over a line end and closes it on every line", () => {
    expect(applyTerminalControls(`${RED}one\ntwo${RESET} three`)).toBe(`${RED}one${RESET}\n${RED}two${RESET} three`);
  });

  it("drops cursor movement it does not model", () => {
    expect(applyTerminalControls("a\x1b[2Ab")).toBe("ab");
  });
});
