import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import type { ContactLookup } from "../../src/core/types.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { contactQueryOptions } from "../../src/react/contactQueryOptions.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useContacts } from "../../src/react/useContacts.js";
import { useFlowIQClient } from "../../src/react/useFlowIQClient.js";
import { createContactRouteHandler } from "../../src/server/createContactRouteHandler.js";
import { prefetchContacts } from "../../src/server/prefetchContacts.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";
import { server } from "../server.js";
import { API, createTestQueryClient, recordRequests, renderWithProvider, TEST_KEY } from "../utils.js";

const CONTACTS = Array.from({ length: 150 }, (_, n) => contactAt(n));
const phone = (n: number): ContactLookup => ({ phoneNumber: `+${digitsAt(n)}` });

/** A table row as a dashboard writes one: the contact's name, or what became of it. */
function Row({ lookup }: { lookup: ContactLookup }) {
  const { data, error, isPending } = useContact(lookup);
  const text = isPending ? "loading" : error ? `error: ${error.code}` : data ? data.full_name : "no such contact";
  return <li data-testid="row">{text}</li>;
}

function Rows({ from = 0, count }: { from?: number; count: number }) {
  return (
    <ul>
      {Array.from({ length: count }, (_, index) => (
        <Row key={from + index} lookup={phone(from + index)} />
      ))}
    </ul>
  );
}

/** The API's stand-in (single and batch routes) and a log of what reached it. */
function api(options: Parameters<typeof createContactHandlers>[0] = {}) {
  server.use(...createContactHandlers({ contacts: CONTACTS, ...options }));
  const requests = recordRequests(server);
  const batches = () => requests.filter((request) => new URL(request.url).pathname.endsWith("/contacts"));
  const singles = () => requests.filter((request) => new URL(request.url).pathname.endsWith("/contact"));
  const asked = (request: Request) => [...new URL(request.url).searchParams].filter(([name]) => name !== "tenantId").map(([, value]) => value);
  return { requests, batches, singles, asked };
}

const rowTexts = () => screen.getAllByTestId("row").map((row) => row.textContent);

describe("FlowIQProvider with batch on", () => {
  it("fills twenty rows with one request, each contact under its usual key", async () => {
    const { requests, batches, asked } = api();
    const { queryClient } = renderWithProvider(<Rows count={20} />, { batch: true });

    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 20).map((contact) => contact.full_name)));
    expect(requests).toHaveLength(1);
    expect(batches()).toHaveLength(1);
    expect(asked(batches()[0]!)).toEqual(Array.from({ length: 20 }, (_, n) => digitsAt(n)));
    // Each contact has its own entry, found by any way of writing its number.
    expect(queryClient.getQueryData(contactKeys.detail("acme", { whatsappId: digitsAt(7) }))).toEqual(contactAt(7));
    expect(queryClient.getQueryData(["flowiq", "contact", "acme", digitsAt(7)])).toEqual(contactAt(7));
  });

  it("is off by default with an apiKey (straight to the API, which has no batch route): one request per contact", async () => {
    const { requests, singles } = api();
    renderWithProvider(<Rows count={5} />);
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 5).map((contact) => contact.full_name)));
    expect(singles()).toHaveLength(5);
    expect(requests).toHaveLength(5);
  });

  it("is on by default without an apiKey (the app's own proxy): one request for five rows", async () => {
    const { requests, batches } = api({ baseUrl: "http://localhost/api/flowiq" });
    renderWithProvider(<Rows count={5} />, { apiKey: undefined, baseUrl: "http://localhost/api/flowiq" });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 5).map((contact) => contact.full_name)));
    expect(batches()).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it("is off behind a proxy too when batch is false", async () => {
    const { requests, singles } = api({ baseUrl: "http://localhost/api/flowiq" });
    renderWithProvider(<Rows count={3} />, { apiKey: undefined, baseUrl: "http://localhost/api/flowiq", batch: false });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 3).map((contact) => contact.full_name)));
    expect(singles()).toHaveLength(3);
    expect(requests).toHaveLength(3);
  });

  it("sends one request per maxSize distinct contacts", async () => {
    const { batches, asked } = api();
    renderWithProvider(<Rows count={12} />, { batch: { maxSize: 5 } });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 12).map((contact) => contact.full_name)));
    expect(batches().map((request) => asked(request).length)).toEqual([5, 5, 2]);
  });

  it("holds at most 50 contacts in one request when batch is true", async () => {
    const { batches, asked } = api();
    renderWithProvider(<Rows count={120} />, { batch: true });
    await waitFor(() => expect(screen.getAllByText(/^Contact \d+$/)).toHaveLength(120), { timeout: 10_000 });
    expect(batches().map((request) => asked(request).length)).toEqual([50, 50, 20]);
  });

  it("never asks for a contact that is fresh in the cache", async () => {
    const { batches, asked } = api();
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(contactKeys.detail("acme", phone(1)), contactAt(1));
    queryClient.setQueryData(contactKeys.detail("acme", phone(3)), contactAt(3));
    renderWithProvider(<Rows count={5} />, { batch: true, queryClient });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 5).map((contact) => contact.full_name)));
    expect(batches()).toHaveLength(1);
    expect(asked(batches()[0]!)).toEqual([digitsAt(0), digitsAt(2), digitsAt(4)]);
  });

  it("asks once for a contact that many rows show in different forms", async () => {
    const { requests, asked } = api();
    const lookups: ContactLookup[] = [phone(1), { whatsappId: digitsAt(1) }, { phoneNumber: `00${digitsAt(1)}` }, phone(2)];
    function Column() {
      const results = useContacts(lookups);
      return <p>{results.map((result) => result.data?.full_name ?? "…").join(", ")}</p>;
    }
    renderWithProvider(<Column />, { batch: true });
    expect(await screen.findByText("Contact 1, Contact 1, Contact 1, Contact 2")).toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(asked(requests[0]!)).toEqual([digitsAt(1), digitsAt(2)]);
  });

  /**
   * Loads the batcher's code with one row of its own, so that rows rendered next reach its window
   * (and unmounting them takes its "left the window" path, not the "already aborted" one).
   */
  async function batcherLoaded() {
    const result = renderWithProvider(<Rows from={140} count={1} />, { batch: { windowMs: 0 } });
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 140"]));
    return result;
  }

  it("drops the contacts of rows that unmounted before the batch left", async () => {
    const { batches, asked } = api();
    const { rerender, queryClient } = await batcherLoaded();
    const flowiq = createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY, batch: { windowMs: 1000 } });
    rerender(<FlowIQProvider client={flowiq} queryClient={queryClient}><Rows count={3} /></FlowIQProvider>);
    await waitFor(() => expect(queryClient.isFetching()).toBe(3));
    // Past the client's lazy start: every row's contact is in the window now, and none has left.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(batches()).toHaveLength(1);
    rerender(<FlowIQProvider client={flowiq} queryClient={queryClient}><Rows from={2} count={1} /></FlowIQProvider>);
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 2"]), { timeout: 5000 });
    expect(batches()).toHaveLength(2);
    expect(asked(batches()[1]!)).toEqual([digitsAt(2)]);
  });

  it("sends nothing when every row unmounted before the batch left", async () => {
    const { requests } = api();
    const { rerender, queryClient } = await batcherLoaded();
    const flowiq = createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY, batch: { windowMs: 300 } });
    const under = (ui: ReactNode) => <FlowIQProvider client={flowiq} queryClient={queryClient}>{ui}</FlowIQProvider>;
    rerender(under(<Rows count={3} />));
    await waitFor(() => expect(queryClient.isFetching()).toBe(3));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    rerender(under(<p>Nothing to show</p>));
    // A later batch proves the window passed: it holds only its own contact.
    rerender(under(<Rows from={9} count={1} />));
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 9"]), { timeout: 5000 });
    expect(requests).toHaveLength(2);
    expect([...new URL(requests[1]!.url).searchParams.values()]).toEqual(["acme", digitsAt(9)]);
  });

  it("retries a failed contact on its own through the usual retry policy", async () => {
    const { batches, asked } = api({ failures: 1 });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay: 0, gcTime: Infinity } } });
    renderWithProvider(<Rows count={3} />, { batch: true, queryClient });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 3).map((contact) => contact.full_name)));
    expect(batches().map(asked)).toEqual([[digitsAt(0), digitsAt(1), digitsAt(2)], [digitsAt(0)]]);
  });

  it("shows each row its own outcome: found, not found, or its own error", async () => {
    api({ contacts: [contactAt(0)] });
    server.use(
      http.get(`${API}/contacts`, () =>
        HttpResponse.json({
          version: 1,
          results: [
            { lookup: { param: "phone_number", digits: digitsAt(0) }, status: 200, contact: contactAt(0) },
            { lookup: { param: "phone_number", digits: digitsAt(1) }, status: 404, error: "Contact not found", message: "none" },
            { lookup: { param: "phone_number", digits: digitsAt(2) }, status: 502, error: "Bad gateway", message: "The FlowIQ API failed (500)." },
            { lookup: { param: "phone_number", digits: digitsAt(3) }, status: 429, error: "Too many requests", message: "Slow down", retryAfterMs: 120_000 },
          ],
        }),
      ),
    );
    renderWithProvider(<Rows count={4} />, { batch: true });
    await waitFor(() =>
      expect(rowTexts()).toEqual(["Contact 0", "no such contact", "error: server", "error: rate_limited"]),
    );
  });

  it("gives every row the error of a batch that fails as a whole", async () => {
    server.use(http.get(`${API}/contacts`, () => HttpResponse.json({ error: "Internal error" }, { status: 500 })));
    recordRequests(server);
    renderWithProvider(<Rows count={3} />, { batch: true });
    await waitFor(() => expect(rowTexts()).toEqual(["error: server", "error: server", "error: server"]));
  });

  it("makes no request for a provider without a tenant, batch or not", async () => {
    const { requests } = api();
    renderWithProvider(<Rows count={2} />, { batch: true, tenantId: "" });
    await waitFor(() => expect(rowTexts()).toEqual(["error: config", "error: config"]));
    expect(requests).toHaveLength(0);
  });

  it("batches queries made with contactQueryOptions and the provider's client", async () => {
    const { requests } = api();
    function Name({ n }: { n: number }) {
      const { data } = useQuery(contactQueryOptions(useFlowIQClient(), phone(n)));
      return <li data-testid="row">{data?.full_name ?? "…"}</li>;
    }
    renderWithProvider(
      <ul>
        <Name n={4} />
        <Name n={5} />
      </ul>,
      { batch: true },
    );
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 4", "Contact 5"]));
    expect(requests).toHaveLength(1);
  });

  it("fills cards too", async () => {
    const { requests } = api();
    const { container } = renderWithProvider(
      <>
        <ContactCard phoneNumber={`+${digitsAt(0)}`} />
        <ContactCard whatsappId={digitsAt(1)} />
        <ContactCard phoneNumber="+27 82 555 0999" />
      </>,
      { batch: true },
    );
    await waitFor(() => expect(container.querySelectorAll("[data-state='ready']")).toHaveLength(2));
    await waitFor(() => expect(container.querySelectorAll("[data-state='not-found']")).toHaveLength(1));
    expect(requests).toHaveLength(1);
  });
});

describe("two FlowIQProviders with batch on, for two tenants, under one QueryClient", () => {
  it("never share a batch or an entry", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(1)], tenantId: "acme" }));
    server.use(...createContactHandlers({ contacts: [{ ...contactAt(1), full_name: "Globex's Contact 1" }], tenantId: "globex" }));
    const requests = recordRequests(server);
    const queryClient = createTestQueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} batch>
          <ul>
            <Row lookup={phone(1)} />
          </ul>
        </FlowIQProvider>
        <FlowIQProvider tenantId="globex" apiKey={TEST_KEY} batch>
          <ul>
            <Row lookup={phone(1)} />
          </ul>
        </FlowIQProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 1", "Globex's Contact 1"]));
    expect(requests.map((request) => new URL(request.url).searchParams.get("tenantId")).sort()).toEqual(["acme", "globex"]);
  });
});

describe("FlowIQProvider with batch on, against a server without /contacts", () => {
  it.each([404, 405])("falls back to one request per contact after a %i, warns once, and stays in fallback", async (status) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { batches, singles } = api();
    // Added last, so it answers before the stand-in's own batch route.
    server.use(http.get(`${API}/contacts`, () => new HttpResponse("<h1>Not here</h1>", { status, headers: { "Content-Type": "text/html" } })));
    const { rerender } = renderWithProvider(<Rows count={4} />, { batch: true });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 4).map((contact) => contact.full_name)));
    expect(batches()).toHaveLength(1);
    expect(singles()).toHaveLength(4);

    rerender(<Rows from={10} count={3} />);
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(10, 13).map((contact) => contact.full_name)));
    expect(batches()).toHaveLength(1);
    expect(singles()).toHaveLength(7);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("one request each");
  });
});

describe("a browser with batch on, through createContactRouteHandler", () => {
  function throughProxy(authorize: () => boolean = () => true) {
    const route = createContactRouteHandler({ tenantId: "acme", apiKey: TEST_KEY, authorize });
    const seen: Request[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(request);
      return route(request);
    };
    return { seen, fetch };
  }

  it("fills every row from one browser request, the proxy asking the API once per contact", async () => {
    const { requests } = api({ apiKey: TEST_KEY, tenantId: "acme" });
    const { seen, fetch } = throughProxy();
    renderWithProvider(<Rows count={6} />, { batch: true, baseUrl: "http://localhost/api/flowiq", apiKey: undefined, tenantId: "x", fetch });
    await waitFor(() => expect(rowTexts()).toEqual(CONTACTS.slice(0, 6).map((contact) => contact.full_name)));
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!.url).pathname).toBe("/api/flowiq/contacts");
    expect(seen[0]!.headers.has("authorization")).toBe(false);
    expect(requests).toHaveLength(6);
  });

  it("gives every row 'session_refused' when authorize refuses the batch", async () => {
    const { requests } = api();
    const { fetch } = throughProxy(() => false);
    renderWithProvider(<Rows count={3} />, { batch: true, baseUrl: "http://localhost/api/flowiq", apiKey: undefined, fetch });
    await waitFor(() => expect(rowTexts()).toEqual(["error: session_refused", "error: session_refused", "error: session_refused"]));
    expect(requests).toHaveLength(0);
  });
});

describe("a server-rendered table prefetched with prefetchContacts", () => {
  it("hydrates a browser with batch on that then asks for nothing", async () => {
    const { requests } = api({ apiKey: TEST_KEY });
    const serverClient = new QueryClient();
    await prefetchContacts(serverClient, createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY }), Array.from({ length: 8 }, (_, n) => phone(n)));
    expect(requests).toHaveLength(8);
    const wire = JSON.parse(JSON.stringify(dehydrate(serverClient)));

    requests.length = 0;
    const { queryClient } = renderWithProvider(
      <HydrationBoundary state={wire}>
        <Rows count={8} />
      </HydrationBoundary>,
      { batch: true, baseUrl: "/api/flowiq", apiKey: undefined },
    );
    expect(rowTexts()).toEqual(CONTACTS.slice(0, 8).map((contact) => contact.full_name));
    // Mounting a stale query starts its fetch at once, before any window or lazy import: none started.
    expect(queryClient.isFetching()).toBe(0);
    const states = queryClient.getQueryCache().getAll().map((query) => [query.state.status, query.state.fetchStatus, query.isStale()]);
    expect(states).toEqual(Array.from({ length: 8 }, () => ["success", "idle", false]));
    expect(requests).toHaveLength(0);
  });
});

describe("contactQueryOptions outside React (a router loader, an event handler)", () => {
  it("makes thirty fetchQuery calls in one tick one batch request, capped like the hooks", async () => {
    const { requests, batches, asked } = api({ baseUrl: "http://localhost/api/flowiq" });
    const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "http://localhost/api/flowiq" });
    const queryClient = createTestQueryClient();
    const contacts = await Promise.all(
      Array.from({ length: 30 }, (_, n) => queryClient.fetchQuery(contactQueryOptions(flowiq, phone(n)))),
    );
    expect(contacts).toEqual(CONTACTS.slice(0, 30));
    expect(requests).toHaveLength(1);
    expect(asked(batches()[0]!)).toEqual(Array.from({ length: 30 }, (_, n) => digitsAt(n)));
  });

  it("shares its batches with a provider given the same client", async () => {
    const { requests } = api({ baseUrl: "http://localhost/api/flowiq" });
    const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "http://localhost/api/flowiq", batch: { windowMs: 50 } });
    const queryClient = createTestQueryClient();
    render(
      <FlowIQProvider client={flowiq} queryClient={queryClient}>
        <Rows count={2} />
      </FlowIQProvider>,
    );
    const loaded = queryClient.fetchQuery(contactQueryOptions(flowiq, phone(7)));
    await waitFor(() => expect(rowTexts()).toEqual(["Contact 0", "Contact 1"]));
    expect(await loaded).toEqual(contactAt(7));
    expect(requests).toHaveLength(1);
  });
});
