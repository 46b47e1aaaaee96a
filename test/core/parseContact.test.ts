import { describe, expect, it } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { parseContact, parseContactResponse } from "../../src/core/parseContact.js";

function failure(run: () => unknown): FlowIQError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowIQError) return error;
    throw error;
  }
  throw new Error("expected a FlowIQError");
}

describe("parseContact: the source location", () => {
  it("keeps a location written as text, and drops one that is only blanks", () => {
    expect(parseContact({ id: "c1", source: { location: "Cape Town" } }).source?.location).toBe("Cape Town");
    expect(parseContact({ id: "c1", source: { location: "   " } }).source?.location).toBeNull();
    expect(parseContact({ id: "c1", source: { location: "" } }).source?.location).toBeNull();
  });

  it("keeps a location object's text, numbers, booleans and nulls, and drops anything else", () => {
    const contact = parseContact({
      id: "c1",
      source: {
        type: "whatsapp",
        location: { city: "Durban", lat: -29.86, verified: true, shared: false, region: null, extra: { a: 1 }, list: [1], bad: Number.NaN },
      },
    });
    expect(contact.source).toEqual({
      type: "whatsapp",
      location: { city: "Durban", lat: -29.86, verified: true, shared: false, region: null },
      created_at: null,
    });
  });
});

describe("parseContact and parseContactResponse failures", () => {
  it("says a contact that is not an object is not one, with the status when there is one", () => {
    for (const value of ["c1", null, [], 7]) {
      const error = failure(() => parseContact(value, 200));
      expect(error.code).toBe("invalid_response");
      expect(error.message).toBe("The API's contact is not an object.");
      expect(error.status).toBe(200);
    }
    expect(failure(() => parseContact("c1")).status).toBeUndefined();
  });

  it("says an answer that is not a JSON object is not one", () => {
    for (const body of ["<html>", null, [{ id: "c1" }]]) {
      const error = failure(() => parseContactResponse(body));
      expect(error.code).toBe("invalid_response");
      expect(error.message).toBe("The API answered with something other than a JSON object.");
      expect(error.status).toBe(200);
    }
  });
});
