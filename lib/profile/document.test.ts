import { describe, expect, it } from "vitest";
import { profileDocument, PROFILE_MIME } from "./document";
import { profileTrace } from "./profile";
import { TraceKit } from "../sim/timing/trace-kit";
import { Engine, Memory } from "../sim/trace/types";

describe("profile document", () => {
  const kit = new TraceKit();
  const x = kit.tile("x", Memory.Sbuf, [128, 512]);
  kit.at(3).dma(x, kit.hbm("X", [128, 512]));
  kit.at(4).unary(Engine.Scalar, "activation", kit.tile("y", Memory.Sbuf, [128, 512]), x, "exp");
  const doc = profileDocument(profileTrace(kit.trace, "trn3"));

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(PROFILE_MIME).toBe("application/vnd.kernel-lab.profile+json");
  });

  it("has a columnar instruction table with interned strings", () => {
    expect(doc.instructions.startNs).toHaveLength(2);
    expect(doc.strings[doc.instructions.opcode[1]]).toBe("activation");
    expect(doc.strings[doc.instructions.file[1]]).toBe("kernel.py");
    expect(doc.instructions.line).toEqual([3, 4]);
    expect(doc.instructions.waitedOn[1]).toBe(0);
    expect(doc.tracks[doc.instructions.track[1]]).toBe("scalar");
  });

  it("lists every timing constant with its provenance", () => {
    expect(doc.coreVersion).toBe("NC-v4");
    expect(doc.constants.find((c) => c.startsWith("dmaEngineBytesPerNs = 33"))).toContain("[DMA-BW]");
  });
});
