import { screen, waitFor } from "@testing-library/react";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { normalizeLookup } from "../../src/core/normalizeLookup.js";
import type { ContactLookup } from "../../src/core/types.js";
import { useContact } from "../../src/react/useContact.js";
import { renderWithProvider } from "../utils.js";
import { answerWith, createPolicyQueryClient, fetchContact, json, okBody } from "./support.js";

type Row = { name: string; lookup: unknown; digits?: string; param?: "phone_number" | "whatsapp_id" };

const refused: Row[] = [
  { name: "letters", lookup: { phoneNumber: "call me" } },
  { name: "digits with letters", lookup: { phoneNumber: "2712345678O" } },
  { name: "a vanity number", lookup: { phoneNumber: "+1 800 FLOWERS" } },
  { name: "seven digits (too short)", lookup: { phoneNumber: "1234567" } },
  { name: "sixteen digits (too long)", lookup: { phoneNumber: "1234567890123456" } },
  { name: "a megabyte of digits", lookup: { phoneNumber: "1".repeat(1024 * 1024) } },
  { name: "an empty string", lookup: { phoneNumber: "" } },
  { name: "whitespace only", lookup: { phoneNumber: " \t\n " } },
  { name: "separators only", lookup: { phoneNumber: "(--..)" } },
  { name: "a bare +", lookup: { phoneNumber: "+" } },
  { name: "two leading +", lookup: { phoneNumber: "++27123456789" } },
  { name: "a + in the middle", lookup: { phoneNumber: "27+123456789" } },
  { name: "& that tries to add tenantId", lookup: { phoneNumber: "123&tenantId=evil" } },
  { name: "digits then &tenantId=", lookup: { phoneNumber: "27123456789&tenantId=evil" } },
  { name: "? that tries to start a query", lookup: { phoneNumber: "27123456789?tenantId=evil" } },
  { name: "# that tries to cut the query", lookup: { phoneNumber: "27123456789#" } },
  { name: "a percent-encoded &", lookup: { phoneNumber: "27123456789%26tenantId%3Devil" } },
  { name: "; as a separator", lookup: { whatsappId: "27123456789;tenantId=evil" } },
  { name: "a path traversal", lookup: { whatsappId: "../../admin?x=27123456789" } },
  { name: "a CRLF header injection", lookup: { phoneNumber: "27123456789\r\nAuthorization: Bearer evil" } },
  { name: "a comma list of two numbers", lookup: { phoneNumber: "27123456789,27123456780" } },
  { name: "Arabic-Indic digits", lookup: { phoneNumber: "٢٧١٢٣٤٥٦٧٨٩" } },
  { name: "full-width digits", lookup: { phoneNumber: "２７１２３４５６７８９" } },
  { name: "a zero-width space inside", lookup: { phoneNumber: "2712\u200B3456789" } },
  { name: "both parameters at once", lookup: { phoneNumber: "27123456789", whatsappId: "27123456789" } },
  { name: "both parameters, one empty", lookup: { phoneNumber: "", whatsappId: "27123456789" } },
  { name: "neither parameter", lookup: {} },
  { name: "the wrong parameter name", lookup: { phone_number: "27123456789" } },
  { name: "a number instead of a string", lookup: { phoneNumber: 27123456789 } },
  { name: "an array of digits", lookup: { phoneNumber: ["27123456789"] } },
  { name: "an object with toString", lookup: { phoneNumber: { toString: () => "27123456789" } } },
  { name: "null as the number", lookup: { phoneNumber: null } },
  { name: "a bare string lookup", lookup: "27123456789" },
  { name: "null", lookup: null },
];

const accepted: Row[] = [
  { name: "international format", lookup: { phoneNumber: "+27 (12) 345-6789" }, digits: "27123456789", param: "phone_number" },
  { name: "a 00 prefix", lookup: { phoneNumber: "0027 12 345 6789" }, digits: "27123456789", param: "phone_number" },
  { name: "dots", lookup: { whatsappId: "27.12.345.6789" }, digits: "27123456789", param: "whatsapp_id" },
  { name: "tabs and newlines around it", lookup: { phoneNumber: "\t27123456789\n" }, digits: "27123456789", param: "phone_number" },
  { name: "eight digits (shortest)", lookup: { phoneNumber: "12345678" }, digits: "12345678", param: "phone_number" },
  { name: "fifteen digits (longest)", lookup: { whatsappId: "123456789012345" }, digits: "123456789012345", param: "whatsapp_id" },
  { name: "phoneNumber: undefined beside a whatsappId", lookup: { phoneNumber: undefined, whatsappId: "27123456789" }, digits: "27123456789", param: "whatsapp_id" },
];

describe("normalizeLookup and getContact given a hostile lookup", () => {
  it.each(refused)("refuse $name with invalid_lookup and make no request", async ({ lookup }) => {
    const requests = answerWith(json(okBody()));
    expect(() => normalizeLookup(lookup as ContactLookup)).toThrow(FlowIQError);
    try {
      normalizeLookup(lookup as ContactLookup);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_lookup" });
      // The message quotes the input, but never a megabyte of it.
      expect((error as Error).message.length).toBeLessThan(300);
    }
    expect(await fetchContact({}, lookup as ContactLookup)).toMatchObject({ kind: "error", code: "invalid_lookup" });
    expect(requests).toHaveLength(0);
  });

  it.each(accepted)("accept $name, sending only the tenant and $param", async ({ lookup, digits, param }) => {
    const requests = answerWith(json(okBody()));
    expect(normalizeLookup(lookup as ContactLookup)).toEqual({ digits, param });
    expect(await fetchContact({}, lookup as ContactLookup)).toMatchObject({ kind: "contact" });
    expect(requests).toHaveLength(1);
    const params = [...new URL((requests[0] as Request).url).searchParams];
    expect(params).toEqual([
      ["tenantId", "acme"],
      [param, digits],
    ]);
  });
});

describe("getContact given a tenant that tries to add parameters", () => {
  it.each([
    "acme&phone_number=1",
    "acme&tenantId=evil",
    "acme#",
    "acme?x=1",
    "../other",
    "acme\r\nX-Evil: 1",
  ])("sends %j as one tenantId value and nothing else", async (tenantId) => {
    const requests = answerWith(json(okBody()));
    await fetchContact({ tenantId }, { whatsappId: "27123456789" });
    expect(requests).toHaveLength(1);
    const url = new URL((requests[0] as Request).url);
    expect(url.pathname).toBe("/contact");
    expect([...url.searchParams]).toEqual([
      ["tenantId", tenantId],
      ["whatsapp_id", "27123456789"],
    ]);
  });

  it.each(["", "   ", undefined, null, 42])("refuses tenant %j with a config error and no request", async (tenantId) => {
    const requests = answerWith(json(okBody()));
    expect(await fetchContact({ tenantId: tenantId as string })).toMatchObject({ kind: "error", code: "config" });
    expect(requests).toHaveLength(0);
  });
});

function LookupStatus({ lookup }: { lookup: ContactLookup }) {
  const { data, error, failureCount, fetchStatus } = useContact(lookup);
  return (
    <p>
      {error ? `error ${error.code} after ${failureCount} failure(s), ${fetchStatus}` : data ? data.full_name : "pending"}
    </p>
  );
}

describe("useContact given an invalid lookup", () => {
  it.each(refused.filter((row) => typeof row.lookup === "object" && row.lookup !== null).slice(0, 8))(
    "shows invalid_lookup for $name without a request or a retry",
    async ({ lookup }) => {
      const requests = answerWith(json(okBody()));
      // A client without retry defaults: the library's own policy decides.
      renderWithProvider(<LookupStatus lookup={lookup as ContactLookup} />, {
        queryClient: createPolicyQueryClient(),
      });
      await waitFor(() => expect(screen.getByText("error invalid_lookup after 1 failure(s), idle")).toBeInTheDocument());
      expect(requests).toHaveLength(0);
    },
  );
});
