import { describe, expect, it } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { normalizeLookup } from "../../src/core/normalizeLookup.js";
import type { ContactLookup } from "../../src/core/types.js";

describe("normalizeLookup", () => {
  it.each([
    ["27123456789", "27123456789"],
    ["+27 12 345 6789", "27123456789"],
    ["0027-12-345-6789", "27123456789"],
    ["(27) 123.456.789", "27123456789"],
    ["+1 (415) 555-0100", "14155550100"],
    [" 27123456789 ", "27123456789"],
    ["12345678", "12345678"],
    ["123456789012345", "123456789012345"],
  ])("reduces %j to the digits %s", (input, digits) => {
    expect(normalizeLookup({ phoneNumber: input })).toEqual({ digits, param: "phone_number" });
  });

  it("keeps the parameter the caller used", () => {
    expect(normalizeLookup({ whatsappId: "+27 12 345 6789" })).toEqual({ digits: "27123456789", param: "whatsapp_id" });
  });

  it.each([
    ["letters", "27abc456789"],
    ["too short", "1234567"],
    ["too long", "1234567890123456"],
    ["a query string", "27123456789&tenantId=evil"],
    ["whitespace only", "   "],
    ["empty", ""],
    ["a plus in the middle", "27+123456789"],
    ["two leading pluses", "++27123456789"],
    ["unicode digits", "٢٧١٢٣٤٥٦٧٨٩"],
  ])("rejects %s as invalid_lookup", (_name, input) => {
    expect(() => normalizeLookup({ phoneNumber: input })).toThrow(
      expect.objectContaining({ name: "FlowIQError", code: "invalid_lookup" }),
    );
  });

  it("rejects both parameters at once", () => {
    const both = { phoneNumber: "27123456789", whatsappId: "27123456789" } as unknown as ContactLookup;
    expect(() => normalizeLookup(both)).toThrow(/not both/);
  });

  it.each([null, undefined, {}, { phoneNumber: 27123456789 }, "27123456789"])("rejects %j as invalid_lookup", (value) => {
    let thrown: unknown;
    try {
      normalizeLookup(value as unknown as ContactLookup);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowIQError);
    expect((thrown as FlowIQError).code).toBe("invalid_lookup");
  });
});
