// @vitest-environment node
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { getContact } from "../../src/core/getContact.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { createContactScenarios } from "../../src/msw/contactScenarios.js";
import { prefetchContact } from "../../src/server/prefetchContact.js";
import { server } from "../server.js";
import { hydrateInBrowser, recordRequests } from "../utils.js";

const KEY = "fiq_live_prefetch_1a2b";
const serverConfig: FlowIQConfig = { tenantId: "acme", apiKey: KEY };
const serverClient = () => createFlowIQClient(serverConfig);
const ada = buildContact({ id: "c-ada", full_name: "Ada Lovelace", phone_number: "+27825550101", whatsapp_id: "27825550101" });

describe("prefetchContact on the server", () => {
  it("caches the contact under the tenant-and-digits key the hooks read", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const queryClient = new QueryClient();
    await prefetchContact(queryClient, serverClient(), { phoneNumber: "+27 (82) 555-0101" });
    expect(queryClient.getQueryData(contactQueryKey("acme", { whatsappId: "27825550101" }))).toEqual(ada);
  });

  it("caches a not-found as null", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const queryClient = new QueryClient();
    await prefetchContact(queryClient, serverClient(), { phoneNumber: "27820000000" });
    const query = queryClient.getQueryCache().find({ queryKey: contactQueryKey("acme", "27820000000") });
    expect(query?.state.status).toBe("success");
    expect(query?.state.data).toBeNull();
  });

  it("tries once on a server error, never throws, and leaves nothing to hydrate", async () => {
    server.use(...createContactScenarios().serverError);
    const requests = recordRequests(server);
    const queryClient = new QueryClient();
    await expect(prefetchContact(queryClient, serverClient(), { phoneNumber: "27825550101" })).resolves.toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(dehydrate(queryClient).queries).toEqual([]);
  });

  it("keeps a retry the app set on its QueryClient", async () => {
    server.use(...createContactScenarios().serverError);
    const requests = recordRequests(server);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay: 0 } } });
    await prefetchContact(queryClient, serverClient(), { phoneNumber: "27825550101" });
    expect(requests).toHaveLength(2);
  });

  it("hydrates a browser that reads through the proxy without a request", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const serverQueries = new QueryClient();
    await prefetchContact(serverQueries, createFlowIQClient({ ...serverConfig, baseUrl: "https://api.flowiq.live" }), { phoneNumber: "+27 82 555 0101" });
    // What crosses to the browser is JSON: no function, no key.
    const { read, requests } = hydrateInBrowser(serverQueries, KEY);
    // fetchQuery honours staleTime: fresh hydrated data means no request at all.
    const contact = await read({ whatsappId: "27825550101" });
    expect(contact).toEqual(ada);
    expect(requests).toHaveLength(0);
  });

  it("asks the API once for a contact that several parts of one render read at the same time", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const requests = recordRequests(server);
    const flowiq = serverClient();
    // A page, its table and a sidebar: each with its own QueryClient or none, each writing the number its own way.
    const [, , sidebar, other] = await Promise.all([
      prefetchContact(new QueryClient(), flowiq, { phoneNumber: "+27 82 555 0101" }),
      prefetchContact(new QueryClient(), flowiq, { whatsappId: "27825550101" }),
      getContact(flowiq, { phoneNumber: "27825550101" }),
      getContact(flowiq, { phoneNumber: "27820000000" }),
    ]);
    expect(sidebar).toEqual(ada);
    expect(other).toBeNull();
    // One request for Ada, one for the other number: the positive control that the count can grow.
    expect(requests.map((request) => new URL(request.url).searchParams.get("phone_number") ?? new URL(request.url).searchParams.get("whatsapp_id"))).toEqual([
      "27825550101",
      "27820000000",
    ]);
    // Nothing is kept once the reads settled: the next render asks again.
    await getContact(flowiq, { phoneNumber: "27825550101" });
    expect(requests).toHaveLength(3);
  });

  it("keeps a shared read going for the callers still waiting when one of them gives up", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY, delayMs: 50 }));
    const requests = recordRequests(server);
    const flowiq = serverClient();
    const leaving = new AbortController();
    const gone = getContact(flowiq, { phoneNumber: "27825550101" }, { signal: leaving.signal }).catch((error: unknown) => error);
    const staying = getContact(flowiq, { phoneNumber: "27825550101" });
    leaving.abort(new Error("left"));
    expect(await gone).toEqual(new Error("left"));
    expect(await staying).toEqual(ada);
    expect(requests).toHaveLength(1);
  });
});
