import { describe, expect, it } from "vitest";
import { FormatError } from "./errors";
import { fromBits, type Outcome } from "./golden-values";
import { floatRepr } from "./float-repr";
import { percentFormat, type PercentHooks, type PercentValue } from "./percent";
import { strRepr } from "./str-repr";
import cases from "./goldens/percent.json";

/** A stand-in for runtime objects: CPython precomputed everything the hooks may be asked. */
interface OtherInfo {
  type: string;
  str: string;
  repr: string;
  ascii: string;
  mapping: boolean;
  index: string | null;
  int: string | null;
  float: string | null;
}

/** str/repr/ascii of an int or float subclass instance (numpy.float64 and friends). */
interface Sub {
  type: string;
  str: string;
  repr: string;
  ascii: string;
}

type Arg =
  | { int: string; sub?: Sub }
  | { float: string; sub?: Sub }
  | { str: string }
  | { bool: boolean }
  | { tuple: Arg[]; repr: string }
  | { dict: [string, Arg][]; repr: string }
  | { other: OtherInfo };

class KeyMissing extends Error {}

/** repr() of the primitive encodings, as the runtime would give it. */
function reprOf(v: Arg, asciiOnly: boolean): string {
  if ("int" in v) return v.int;
  if ("float" in v) return floatRepr(fromBits(v.float));
  if ("bool" in v) return v.bool ? "True" : "False";
  if ("str" in v) return strRepr(v.str, asciiOnly);
  if ("repr" in v) return v.repr;
  return "?";
}

const hooks: PercentHooks<Arg> = {
  classify(v): PercentValue {
    if ("int" in v) return { kind: "int", value: BigInt(v.int) };
    if ("float" in v) return { kind: "float", value: fromBits(v.float) };
    if ("str" in v) return { kind: "str", value: v.str };
    if ("bool" in v) return { kind: "bool", value: v.bool };
    return { kind: "other" };
  },
  typeName(v) {
    if ("other" in v) return v.other.type;
    if ("sub" in v && v.sub) return v.sub.type;
    return (["int", "float", "str", "bool", "tuple", "dict"] as const).find((k) => k in v) ?? "?";
  },
  str: (v) => ("other" in v ? v.other.str : "sub" in v && v.sub ? v.sub.str : "str" in v ? v.str : reprOf(v, false)),
  repr: (v) => ("other" in v ? v.other.repr : "sub" in v && v.sub ? v.sub.repr : reprOf(v, false)),
  ascii: (v) => ("other" in v ? v.other.ascii : "sub" in v && v.sub ? v.sub.ascii : reprOf(v, true)),
  index: (v) => ("other" in v && v.other.index !== null ? BigInt(v.other.index) : undefined),
  int: (v) => ("other" in v && v.other.int !== null ? BigInt(v.other.int) : undefined),
  float: (v) => ("other" in v && v.other.float !== null ? fromBits(v.other.float) : undefined),
  tupleItems: (v) => ("tuple" in v ? v.tuple : undefined),
  isMapping: (v) => "dict" in v || ("other" in v && v.other.mapping),
  getItem(mapping, key) {
    if (!("dict" in mapping)) throw new KeyMissing(key);
    const hit = mapping.dict.find(([k]) => k === key);
    if (!hit) throw new KeyMissing(key);
    return hit[1];
  },
};

function outcomeOf(template: string, args: Arg): Outcome<string> {
  try {
    return { ok: percentFormat(template, args, hooks) };
  } catch (e) {
    if (e instanceof FormatError) return { error: e.pyType, message: e.message };
    throw e;
  }
}

describe("percentFormat", () => {
  it("matches CPython str % args, errors included", () => {
    const wrong: string[] = [];
    for (const [template, args, expected] of cases as [string, Arg, Outcome<string>][]) {
      const got = outcomeOf(template, args);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`${JSON.stringify(template)} % ${JSON.stringify(args)}: got ${JSON.stringify(got)}, CPython ${JSON.stringify(expected)}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect((cases as unknown[]).length).toBeGreaterThan(1000);
  });

  it("lets the mapping hook raise the runtime's own KeyError", () => {
    expect(() => percentFormat("%(missing)s", { dict: [], repr: "{}" }, hooks)).toThrow(KeyMissing);
  });
});
