import { describe, expect, it } from "vitest";
import { notFoundBody, readBatchLookups } from "../../src/core/contactBatchWire.js";

describe("notFoundBody", () => {
  it("names the kind of number the lookup was", () => {
    expect(notFoundBody({ param: "whatsapp_id", digits: "27123456789" })).toEqual({
      error: "Contact not found",
      message: "No contact found with WhatsApp id 27123456789",
    });
    expect(notFoundBody({ param: "phone_number", digits: "27123456789" })).toEqual({
      error: "Contact not found",
      message: "No contact found with phone number 27123456789",
    });
  });
});

describe("readBatchLookups", () => {
  it("keeps at most 64 characters of a value that is not a number", () => {
    const raw = `x${"9".repeat(99)}`;
    const [item] = readBatchLookups(new URLSearchParams({ phone_number: raw }));
    expect(item).toMatchObject({ param: "phone_number", value: raw.slice(0, 64) });
    expect((item as { value: string }).value).toHaveLength(64);
    expect((item as { message: string }).message).toMatch(/^phoneNumber must hold 8–15 digits/);
  });
});
