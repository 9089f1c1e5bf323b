import { describe, expect, it } from "vitest";
import { compareText, judge, parseTraceback } from "./compare";

// Traceback text as CPython 3.11 prints it (copied from python3 runs of corpus programs).
const chained = `Traceback (most recent call last):
  File "/work/main/tests/corpus/programs/121_err_raise_from_uncaught.py", line 4, in load
    return cfg[key]
           ~~~^^^^^
KeyError: 'psum'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/work/main/tests/corpus/programs/121_err_raise_from_uncaught.py", line 13, in <module>
    print(load(cfg, "psum"))
          ^^^^^^^^^^^^^^^^^
  File "/work/main/tests/corpus/programs/121_err_raise_from_uncaught.py", line 6, in load
    raise ValueError(f"config is missing {key!r}") from e
ValueError: config is missing 'psum'
`;

const libraryFrames = `Traceback (most recent call last):
  File "/x/164_np_testing_assert_allclose_fail.py", line 9, in <module>
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=0)
  File "/usr/lib/python3/dist-packages/numpy/testing/_private/utils.py", line 983, in assert_array_compare
    raise AssertionError(msg)
AssertionError: 
Not equal to tolerance rtol=1e-05, atol=0

 ACTUAL: array([1.  , 2.  , 3.01, 4.  ])
`;

const syntaxError = `  File "/x/119_err_syntax_error.py", line 7
    def broken(:
               ^
SyntaxError: invalid syntax
`;

describe("parseTraceback", () => {
  it("reads the last exception of a chained traceback and its innermost frame", () => {
    expect(parseTraceback(chained, "121_err_raise_from_uncaught.py")).toEqual({
      type: "ValueError",
      message: "config is missing 'psum'",
      line: 6,
      frames: [
        [13, "<module>"],
        [6, "load"],
      ],
    });
  });

  it("keeps multi-line messages and ignores frames outside the program", () => {
    expect(parseTraceback(libraryFrames, "164_np_testing_assert_allclose_fail.py")).toEqual({
      type: "AssertionError",
      message: "\nNot equal to tolerance rtol=1e-05, atol=0\n\n ACTUAL: array([1.  , 2.  , 3.01, 4.  ])",
      line: 9,
      frames: [[9, "<module>"]],
    });
  });

  it("understands SyntaxError reports, which have no Traceback header", () => {
    expect(parseTraceback(syntaxError, "119_err_syntax_error.py")).toEqual({ type: "SyntaxError", message: "invalid syntax", line: 7, frames: [] });
  });

  it("returns null when stderr holds no exception", () => {
    expect(parseTraceback("", "a.py")).toBeNull();
  });
});

describe("compareText", () => {
  it("accepts identical text and reports the first differing line otherwise", () => {
    expect(compareText("a\nb\n", "a\nb\n")).toBeNull();
    expect(compareText("a\nc\n", "a\nb\n")).toBe('stdout line 2: got "c", expected "b"');
  });

  it("with a tolerance, compares numbers relatively and ignores column padding", () => {
    expect(compareText("[0.10000001 2.        ]\n", "[0.1       2.       ]\n", 1e-6)).toBeNull();
    expect(compareText("x = 1.001\n", "x = 1.0\n", 1e-6)).toMatch(/beyond tolerance/);
    expect(compareText("[nan inf -inf]", "[nan inf -inf]", 1e-6)).toBeNull();
    expect(compareText("value 1.0", "other 1.0", 1e-6)).toMatch(/line 1/);
  });
});

describe("judge", () => {
  it("flags exit code, exception type, message and line differences", () => {
    const expected = {
      stdout: "",
      exitCode: 1 as const,
      error: { type: "ValueError", message: "config is missing 'psum'", line: 6, frames: [[13, "<module>"], [6, "load"]] as [number, string][] },
    };
    expect(judge({ filename: "121_err_raise_from_uncaught.py", stdout: "", stderr: chained, exitCode: 1 }, expected)).toEqual([]);
    const wrong = judge({ filename: "121_err_raise_from_uncaught.py", stdout: "", stderr: syntaxError, exitCode: 0 }, expected);
    expect(wrong).toEqual([
      "exit code 0, expected 1",
      "exception SyntaxError, expected ValueError",
      'exception message "invalid syntax", expected "config is missing \'psum\'"',
      "exception at line null, expected line 6",
      'traceback frames [], expected [[13,"<module>"],[6,"load"]]',
    ]);
  });

  it("rejects a traceback when the program should have succeeded", () => {
    expect(judge({ filename: "a.py", stdout: "", stderr: chained, exitCode: 0 }, { stdout: "", exitCode: 0, error: null })[0]).toMatch(
      /unexpected traceback/,
    );
  });
});
