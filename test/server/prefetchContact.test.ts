// @vitest-environment node
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { createContactScenarios } from "../../src/msw/contactScenarios.js";
import { prefetchContact } from "../../src/server/prefetchContact.js";
import { server } from "../server.js";
import { hydrateInBrowser, recordRequests } from "../utils.js";

const KEY = "fiq_live_prefetch_1a2b";
const serverConfig: FlowIQConfig = { tenantId: "acme", apiKey: KEY };
const ada = buildContact({ id: "c-ada", full_name: "Ada Lovelace", phone_number: "+27825550101", whatsapp_id: "27825550101" });

describe("prefetchContact on the server", () => {
  it("caches the contact under the tenant-and-digits key the hooks read", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const queryClient = new QueryClient();
    await prefetchContact(queryClient, serverConfig, { phoneNumber: "+27 (82) 555-0101" });
    expect(queryClient.getQueryData(contactQueryKey("acme", { whatsappId: "27825550101" }))).toEqual(ada);
  });

  it("caches a not-found as null", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const queryClient = new QueryClient();
    await prefetchContact(queryClient, serverConfig, { phoneNumber: "27820000000" });
    const query = queryClient.getQueryCache().find({ queryKey: contactQueryKey("acme", "27820000000") });
    expect(query?.state.status).toBe("success");
    expect(query?.state.data).toBeNull();
  });

  it("tries once on a server error, never throws, and leaves nothing to hydrate", async () => {
    server.use(...createContactScenarios().serverError);
    const requests = recordRequests(server);
    const queryClient = new QueryClient();
    await expect(prefetchContact(queryClient, serverConfig, { phoneNumber: "27825550101" })).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(dehydrate(queryClient).queries).toEqual([]);
  });

  it("keeps a retry the app set on its QueryClient", async () => {
    server.use(...createContactScenarios().serverError);
    const requests = recordRequests(server);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay: 0 } } });
    await prefetchContact(queryClient, serverConfig, { phoneNumber: "27825550101" });
    expect(requests).toHaveLength(2);
  });

  it("hydrates a browser that reads through the proxy without a request", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const serverClient = new QueryClient();
    await prefetchContact(serverClient, { ...serverConfig, baseUrl: "https://api.flowiq.live" }, { phoneNumber: "+27 82 555 0101" });
    // What crosses to the browser is JSON: no function, no key.
    const { read, requests } = hydrateInBrowser(serverClient, KEY);
    // fetchQuery honours staleTime: fresh hydrated data means no request at all.
    const contact = await read({ whatsappId: "27825550101" });
    expect(contact).toEqual(ada);
    expect(requests).toHaveLength(0);
  });
});
