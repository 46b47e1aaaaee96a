// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import type { ContactBatchResponse } from "../../src/core/contactBatchWire.js";
import { isFlowIQError } from "../../src/core/FlowIQError.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { getContact } from "../../src/core/getContact.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { createContactScenarios, type ContactScenarioName } from "../../src/msw/contactScenarios.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";
import { server } from "../server.js";
import { API, recordRequests, TEST_KEY } from "../utils.js";

const batchUrl = (digits: string[], tenant = "acme", base = API) =>
  `${base}/contacts?tenantId=${tenant}&${digits.map((value) => `phone_number=${value}`).join("&")}`;

async function statuses(response: Response): Promise<number[]> {
  expect(response.status).toBe(200);
  return ((await response.json()) as ContactBatchResponse).results.map((result) => result.status);
}

describe("createContactHandlers answering the batch route", () => {
  it("answers each contact as GET /contact would, in the route handler's format", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(1)] }));
    const response = await fetch(batchUrl([digitsAt(1), digitsAt(2), "abc"]));
    expect(await response.json()).toEqual({
      version: 1,
      results: [
        { lookup: { param: "phone_number", digits: digitsAt(1) }, status: 200, contact: contactAt(1) },
        { lookup: { param: "phone_number", digits: digitsAt(2) }, status: 404, error: "Contact not found", message: expect.any(String) },
        { lookup: { param: "phone_number" }, status: 400, error: "Bad request", message: expect.any(String) },
      ],
    });
  });

  it("serves a relative baseUrl's batch route", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(1)], baseUrl: "http://localhost/api/flowiq" }));
    expect(await statuses(await fetch(batchUrl([digitsAt(1)], "acme", "http://localhost/api/flowiq")))).toEqual([200]);
  });

  it("refuses more than 50 distinct lookups with 400, like the route handler", async () => {
    server.use(...createContactHandlers());
    const response = await fetch(batchUrl(Array.from({ length: 51 }, (_, n) => digitsAt(n))));
    expect(response.status).toBe(400);
  });

  it("counts each contact in a batch as one request for `failures`", async () => {
    server.use(...createContactHandlers({ contacts: [0, 1, 2].map(contactAt), failures: 2 }));
    const digits = [0, 1, 2].map(digitsAt);
    expect(await statuses(await fetch(batchUrl(digits)))).toEqual([500, 500, 200]);
    expect(await statuses(await fetch(batchUrl(digits)))).toEqual([200, 200, 200]);
  });

  it("answers only its tenant's batches; another tenant's fall through to the next handlers", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(1)], tenantId: "acme" }));
    server.use(...createContactHandlers({ contacts: [], tenantId: "globex" }));
    expect(await statuses(await fetch(batchUrl([digitsAt(1)], "acme")))).toEqual([200]);
    expect(await statuses(await fetch(batchUrl([digitsAt(1)], "globex")))).toEqual([404]);
  });

  it("answers every contact with the API's 401 when the key is required and missing", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(1)], apiKey: TEST_KEY }));
    expect(await statuses(await fetch(batchUrl([digitsAt(1), digitsAt(2)])))).toEqual([401, 401]);
    const withKey = await fetch(batchUrl([digitsAt(1)]), { headers: { Authorization: `Bearer ${TEST_KEY}` } });
    expect(await statuses(withKey)).toEqual([200]);
  });

  it("waits delayMs before answering a batch", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      server.use(...createContactHandlers({ contacts: [contactAt(1)], delayMs: 1000 }));
      let answered = false;
      const pending = fetch(batchUrl([digitsAt(1)])).then((response) => {
        answered = true;
        return response;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await statuses(await pending)).toEqual([200]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** One contact through a batch and through a single request, against the same scenario. */
async function bothWays(name: ContactScenarioName) {
  server.use(...createContactScenarios({ slowMs: 5 })[name]);
  const config: FlowIQConfig = { tenantId: "acme" };
  const describeOutcome = (promise: Promise<unknown>) =>
    promise.then(
      (value) => (value === null ? "null" : `contact ${(value as { phone_number: string }).phone_number}`),
      (error: unknown) => (isFlowIQError(error) ? `${error.code} ${error.status ?? ""} ${error.retryAfterMs ?? ""}`.trim() : "thrown"),
    );
  const single = await describeOutcome(getContact(config, { phoneNumber: digitsAt(1) }));
  const batched = await describeOutcome(
    createFlowIQClient({ ...config, batch: { windowMs: 0 } }).fetchContact({ phoneNumber: digitsAt(1) }),
  );
  return { single, batched };
}

describe("contactScenarios with batch on", () => {
  it.each([
    ["found", `contact +${digitsAt(1)}`],
    ["notFound", "null"],
    ["unauthorized", "unauthorized 401"],
    ["forbidden", "forbidden 403"],
    ["rateLimited", "rate_limited 429 120000"],
    ["serverError", "server 500"],
    ["networkError", "network"],
    ["slow", `contact +${digitsAt(1)}`],
    ["malformed", "invalid_response 200"],
    ["misroutedProxy", "invalid_response 404"],
  ] as const)("give a batched contact what a single request gets (%s)", async (name, expected) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const requests = recordRequests(server);
    const { single, batched } = await bothWays(name);
    expect(single).toBe(expected);
    expect(batched).toBe(expected);
    // The misrouted proxy's HTML 404 is the whole batch's answer: the client falls back, once.
    expect(warn).toHaveBeenCalledTimes(name === "misroutedProxy" ? 1 : 0);
    expect(requests.filter((request) => request.url.includes("/contacts?"))).toHaveLength(1);
  });
});
