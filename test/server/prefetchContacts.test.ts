// @vitest-environment node
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import type { ContactLookup, FlowIQConfig } from "../../src/core/types.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { prefetchContacts } from "../../src/server/prefetchContacts.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";
import { server } from "../server.js";
import { API, hydrateInBrowser, recordRequests, watchInFlight } from "../utils.js";

const KEY = "fiq_live_prefetch_many_3c4d";
const config: FlowIQConfig = { tenantId: "acme", apiKey: KEY };
const flowiq = (overrides: Partial<FlowIQConfig> = {}) => createFlowIQClient({ ...config, ...overrides });
const CONTACTS = Array.from({ length: 40 }, (_, n) => contactAt(n));

describe("prefetchContacts on the server", () => {
  it("fills one entry per contact under the keys the hooks read", async () => {
    server.use(...createContactHandlers({ contacts: CONTACTS, apiKey: KEY }));
    const queryClient = new QueryClient();
    await prefetchContacts(queryClient, flowiq(), [{ phoneNumber: `+${digitsAt(1)}` }, { whatsappId: digitsAt(2) }]);
    expect(queryClient.getQueryData(contactQueryKey("acme", digitsAt(1)))).toEqual(contactAt(1));
    expect(queryClient.getQueryData(contactQueryKey("acme", { phoneNumber: digitsAt(2) }))).toEqual(contactAt(2));
  });

  it("asks once per distinct contact however it is written, and skips rows without a lookup", async () => {
    server.use(...createContactHandlers({ contacts: CONTACTS, apiKey: KEY }));
    const requests = recordRequests(server);
    const lookups: Array<ContactLookup | null | undefined> = [
      { phoneNumber: `+${digitsAt(1)}` },
      { whatsappId: digitsAt(1) },
      null,
      { phoneNumber: `00 ${digitsAt(1)}` },
      undefined,
      { phoneNumber: digitsAt(2) },
    ];
    const queryClient = new QueryClient();
    await prefetchContacts(queryClient, flowiq(), lookups);
    expect(requests).toHaveLength(2);
    // Nothing is left in the client for the rows without a lookup.
    expect(queryClient.getQueryCache().getAll().map((query) => query.queryKey[3])).toEqual([digitsAt(1), digitsAt(2)]);
  });

  it("asks for a contact written several ways in the form of its first row", async () => {
    server.use(...createContactHandlers({ contacts: CONTACTS, apiKey: KEY }));
    const requests = recordRequests(server);
    await prefetchContacts(new QueryClient(), flowiq(), [{ whatsappId: digitsAt(1) }, { phoneNumber: `+${digitsAt(1)}` }]);
    expect(requests.map((request) => [...new URL(request.url).searchParams.keys()])).toEqual([["tenantId", "whatsapp_id"]]);
  });

  it("fans out under maxConcurrentRequests", async () => {
    const seen = watchInFlight(`${API}/contact`, 10, () => HttpResponse.json({ error: "Contact not found", message: "none" }, { status: 404 }));
    const requests = recordRequests(server);
    const lookups = Array.from({ length: 20 }, (_, n) => ({ phoneNumber: digitsAt(n) }));
    await prefetchContacts(new QueryClient(), flowiq({ maxConcurrentRequests: 3 }), lookups);
    expect(requests).toHaveLength(20);
    expect(seen.peak).toBe(3);
  });

  it("caches not-found as null, tries a failure once, never throws, and leaves failures out of what hydrates", async () => {
    server.use(
      http.get(`${API}/contact`, ({ request }) => {
        const digits = new URL(request.url).searchParams.get("phone_number");
        if (digits === digitsAt(1)) return HttpResponse.json({ success: true, contact: contactAt(1) });
        if (digits === digitsAt(2)) return HttpResponse.json({ error: "Contact not found", message: "none" }, { status: 404 });
        return HttpResponse.json({ error: "Internal" }, { status: 500 });
      }),
    );
    const requests = recordRequests(server);
    const queryClient = new QueryClient();
    await expect(
      prefetchContacts(queryClient, flowiq(), [
        { phoneNumber: digitsAt(1) },
        { phoneNumber: digitsAt(2) },
        { phoneNumber: digitsAt(3) },
        { phoneNumber: "not a number" },
      ]),
    ).resolves.toBeUndefined();
    expect(requests).toHaveLength(3);
    const hydrated = dehydrate(queryClient).queries.map((query) => [query.queryKey[3], query.state.data]);
    expect(hydrated).toEqual([
      [digitsAt(1), contactAt(1)],
      [digitsAt(2), null],
    ]);
  });

  it("never throws, even given no list or a config without a tenant", async () => {
    const requests = recordRequests(server);
    const queryClient = new QueryClient();
    await expect(prefetchContacts(queryClient, flowiq(), undefined as unknown as ContactLookup[])).resolves.toBeUndefined();
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    await expect(prefetchContacts(new QueryClient(), flowiq({ tenantId: "" }), [{ phoneNumber: digitsAt(1) }])).resolves.toBeUndefined();
    expect(requests).toHaveLength(0);
  });

  it("asks nothing for contacts already fresh in the client", async () => {
    server.use(...createContactHandlers({ contacts: CONTACTS, apiKey: KEY }));
    const queryClient = new QueryClient();
    queryClient.setQueryData(contactQueryKey("acme", digitsAt(1)), contactAt(1));
    const requests = recordRequests(server);
    await prefetchContacts(queryClient, flowiq(), [{ phoneNumber: digitsAt(1) }, { phoneNumber: digitsAt(2) }]);
    expect(requests).toHaveLength(1);
  });

  it("hydrates a browser that reads through the proxy without a request, and carries no key", async () => {
    server.use(...createContactHandlers({ contacts: CONTACTS, apiKey: KEY }));
    const serverClient = new QueryClient();
    await prefetchContacts(serverClient, flowiq(), Array.from({ length: 10 }, (_, n) => ({ phoneNumber: digitsAt(n) })));
    const { read, requests } = hydrateInBrowser(serverClient, KEY);
    for (let n = 0; n < 10; n++) {
      expect(await read({ whatsappId: digitsAt(n) })).toEqual(contactAt(n));
    }
    expect(requests).toHaveLength(0);
  });
});
