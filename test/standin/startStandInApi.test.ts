// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getContact } from "../../src/core/getContact.js";
import { contactDigitsAt, generateContacts, startStandInApi, type StandIn } from "../../standin/index.js";
import { server, toLocalServers } from "../server.js";
import { failure } from "../utils.js";

let api: StandIn | undefined;
beforeEach(() => {
  // Real HTTP to 127.0.0.1 goes past the unit suite's MSW server.
  server.use(toLocalServers);
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("the stand-in API", () => {
  it("answers a generated contact over HTTP, however the number is written, and logs the request", async () => {
    api = await startStandInApi({ contacts: generateContacts(5) });
    const config = { tenantId: "acme", apiKey: "any-key-123", baseUrl: api.url };

    const contact = await getContact(config, { phoneNumber: `+${contactDigitsAt(3).slice(0, 2)} ${contactDigitsAt(3).slice(2)}` });

    expect(contact?.id).toBe("contact-3");
    expect(api.requests).toEqual([
      expect.objectContaining({ method: "GET", path: "/contact", tenantId: "acme", param: "phone_number", digits: contactDigitsAt(3), authorized: true, status: 200 }),
    ]);
  });

  it("answers an unknown number with the API's 404 (null from getContact)", async () => {
    api = await startStandInApi({ contacts: generateContacts(1) });
    expect(await getContact({ tenantId: "acme", apiKey: "any-key-123", baseUrl: api.url }, { whatsappId: "27999999999" })).toBeNull();
    expect(api.requests.map((request) => request.status)).toEqual([404]);
  });

  it("enforces the key and the tenant when given them", async () => {
    api = await startStandInApi({ contacts: generateContacts(1), apiKey: "right-key-123", tenantId: "acme" });
    const lookup = { whatsappId: contactDigitsAt(0) };

    expect((await failure(getContact({ tenantId: "acme", apiKey: "wrong-key-123", baseUrl: api.url }, lookup))).code).toBe("unauthorized");
    expect((await failure(getContact({ tenantId: "globex", apiKey: "right-key-123", baseUrl: api.url }, lookup))).code).toBe("forbidden");
    expect((await getContact({ tenantId: "acme", apiKey: "right-key-123", baseUrl: api.url }, lookup))?.id).toBe("contact-0");
    expect(api.requests.map(({ status, authorized }) => [status, authorized])).toEqual([
      [401, false],
      [403, true],
      [200, true],
    ]);
  });

  it("answers 429 above its rate limit and records how many were in flight", async () => {
    api = await startStandInApi({ contacts: generateContacts(3), delayMs: 200, rateLimit: 2 });
    const config = { tenantId: "acme", apiKey: "any-key-123", baseUrl: api.url, maxConcurrentRequests: 3 };

    const settled = await Promise.allSettled([0, 1, 2].map((index) => getContact(config, { whatsappId: contactDigitsAt(index) })));

    expect(settled.map((result) => result.status).sort()).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(api.requests.map((request) => request.status).sort()).toEqual([200, 200, 429]);
    expect(Math.max(...api.requests.map((request) => request.inFlight))).toBe(3);
  });

  it("serves its log at /__requests and forgets it on DELETE", async () => {
    api = await startStandInApi({ contacts: generateContacts(1) });
    await fetch(`${api.url}/contact?tenantId=acme&phone_number=${contactDigitsAt(0)}`);

    const log = (await (await fetch(`${api.url}/__requests`)).json()) as unknown[];
    expect(log).toHaveLength(1);
    expect((await fetch(`${api.url}/__requests`, { method: "DELETE" })).status).toBe(204);
    expect(api.requests).toEqual([]);
  });

  it("answers a page on another origin (CORS)", async () => {
    api = await startStandInApi({ contacts: generateContacts(1) });
    const response = await fetch(`${api.url}/contact?tenantId=acme&phone_number=${contactDigitsAt(0)}`, { headers: { Origin: "http://127.0.0.1:1" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("generateContacts", () => {
  it("gives the same contacts for the same seed and other names for another seed", () => {
    expect(generateContacts(30, 1)).toEqual(generateContacts(30, 1));
    expect(generateContacts(30, 2).map((contact) => contact.full_name)).not.toEqual(generateContacts(30, 1).map((contact) => contact.full_name));
    expect(new Set(generateContacts(30).map((contact) => contact.phone_number)).size).toBe(30);
  });
});
