import { describe, expect, it } from "vitest";
import { normalizeLookup } from "../../src/core/normalizeLookup.js";

// What an invalid_lookup error says about the value it refused: a developer reading it in a log must
// see what was passed (cut short when long), or what the lookup was missing.
describe("normalizeLookup's invalid_lookup messages", () => {
  it("quote a refused value of 40 characters whole", () => {
    const forty = "x".repeat(40);
    expect(() => normalizeLookup({ phoneNumber: forty })).toThrow(`; got "${forty}".`);
  });

  it("cut a longer value at 40 characters", () => {
    expect(() => normalizeLookup({ phoneNumber: "y".repeat(41) })).toThrow(`; got "${"y".repeat(40)}…".`);
  });

  it("name the type of a value that is not text", () => {
    expect(() => normalizeLookup({ phoneNumber: 27123456789 as unknown as string })).toThrow(/; got number\.$/);
  });

  it("say what a lookup must be when it has neither field", () => {
    expect(() => normalizeLookup({} as never)).toThrow("A lookup must be { phoneNumber } or { whatsappId }.");
  });

  it("name the field the value came from", () => {
    expect(() => normalizeLookup({ phoneNumber: "12" })).toThrow(/^phoneNumber must hold 8–15 digits/);
    expect(() => normalizeLookup({ whatsappId: "12" })).toThrow(/^whatsappId must hold 8–15 digits/);
  });
});
