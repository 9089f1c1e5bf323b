import { describe, expect, it } from "vitest";
import { profileCardFromPayload } from "../../../app/components/outputs/profile-payload";
import { profileCard, type ProfileCard } from "../../../lib/profile/card";
import type { ProfileDocument } from "../../../lib/profile/document";
import fixture from "../../../app/dev/outputs/fixtures/profile.json";

const doc = fixture.document as unknown as ProfileDocument;
const card = fixture.card as unknown as ProfileCard;

describe("the profile MIME payload as a card", () => {
  it("summarises a full document with profileCard and no link", () => {
    const c = profileCardFromPayload(doc);
    expect(c).toEqual(profileCard(doc));
    expect(typeof c !== "string" && c.url).toBeNull();
  });

  it("passes a stored card through with its link", () => {
    expect(profileCardFromPayload(card)).toEqual(card);
    expect((profileCardFromPayload(card) as ProfileCard).url).toBe("/profiles/fixture-matmul-tiled");
  });

  it("drops links that leave the app's origin in unsafe ways", () => {
    for (const url of ["javascript:alert(1)", "//evil.example/x", "data:text/html,hi"]) {
      expect((profileCardFromPayload({ ...card, url }) as ProfileCard).url).toBeNull();
    }
    expect((profileCardFromPayload({ ...card, url: "https://example.com/p" }) as ProfileCard).url).toBe("https://example.com/p");
  });

  it("explains what is wrong with a malformed card or document", () => {
    expect(profileCardFromPayload({ ...card, totalNs: "fast" })).toBe("card.totalNs must be a number");
    expect(profileCardFromPayload({ ...card, engines: [{ name: "tensor" }] })).toBe("card.engines must be a list of {name, activePercent}");
    expect(profileCardFromPayload({ ...doc, metrics: { ...doc.metrics, tensor_engine_active_time_percent: null } })).toBe(
      "document.metrics.tensor_engine_active_time_percent must be a number",
    );
    expect(profileCardFromPayload({ ...doc, instructions: {} })).toBe("document.instructions.startNs must be a list");
    expect(profileCardFromPayload([1, 2])).toBe("expected a profile document or card object");
  });
});
