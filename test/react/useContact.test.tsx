import { dehydrate, HydrationBoundary, QueryClient, useQuery } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { Suspense, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import type { ContactLookup } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { contactQueryOptions } from "../../src/react/contactQueryOptions.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useSuspenseContact } from "../../src/react/useSuspenseContact.js";
import { prefetchContact } from "../../src/server/prefetchContact.js";
import { server } from "../server.js";
import { API, createTestQueryClient, recordRequests, renderWithProvider, TEST_KEY } from "../utils.js";

const ada = buildContact({ id: "ada", full_name: "Ada Lovelace", phone_number: "+27123456789", whatsapp_id: "27123456789" });

function wrapperFor(queryClient: QueryClient, props: { tenantId?: string; baseUrl?: string; apiKey?: string } = {}) {
  return ({ children }: { children?: ReactNode }) => (
    <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient} {...props}>
      {children}
    </FlowIQProvider>
  );
}

describe("useContact", () => {
  it("gives the contact", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const { result } = renderHook(() => useContact({ phoneNumber: "+27 12 345 6789" }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(ada);
  });

  it("gives data: null when the API has no such contact, and does not retry", async () => {
    server.use(...createContactHandlers({ contacts: [] }));
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact({ phoneNumber: "27123456789" }), {
      wrapper: wrapperFor(new QueryClient()),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toBeNull();
    expect(requests).toHaveLength(1);
  });

  it.each([null, undefined])("makes no request for a %s lookup", async (lookup) => {
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact(lookup), { wrapper: wrapperFor(createTestQueryClient()) });
    // Mounted with its effects run: a fetch would have started by now.
    expect(result.current.fetchStatus).toBe("idle");
    expect(result.current.isPending).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it('keeps a card with no lookup apart from one whose number is the text "none"', async () => {
    const { result } = renderHook(() => ({ none: useContact(null), text: useContact({ phoneNumber: "none" }) }), {
      wrapper: wrapperFor(new QueryClient()),
    });
    await waitFor(() => expect(result.current.text.error?.code).toBe("invalid_lookup"));
    expect(result.current.none).toMatchObject({ status: "pending", fetchStatus: "idle", error: null });
  });

  it("turns an invalid number into an invalid_lookup error with no request and no retry", async () => {
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact({ phoneNumber: "not a number" }), {
      wrapper: wrapperFor(new QueryClient()),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe("invalid_lookup");
    expect(result.current.failureCount).toBe(1);
    expect(requests).toHaveLength(0);
  });

  it("makes one request for one contact, however the number is written", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const requests = recordRequests(server);
    const forms: ContactLookup[] = [
      { phoneNumber: "+27 12 345 6789" },
      { phoneNumber: "0027-12-345-6789" },
      { whatsappId: "27123456789" },
      { phoneNumber: "(27) 123.456.789" },
    ];
    const { result } = renderHook(() => forms.map((lookup) => useContact(lookup)), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await waitFor(() => expect(result.current.every((r) => r.data?.id === "ada")).toBe(true));
    expect(requests).toHaveLength(1);
  });

  it("keeps two tenants on one QueryClient apart", async () => {
    server.use(
      ...createContactHandlers({ tenantId: "acme", contacts: [ada] }),
      ...createContactHandlers({ tenantId: "globex", contacts: [{ ...ada, id: "grace", full_name: "Grace Hopper" }] }),
    );
    const queryClient = createTestQueryClient();
    const lookup = { phoneNumber: "27123456789" };
    const acme = renderHook(() => useContact(lookup), { wrapper: wrapperFor(queryClient, { tenantId: "acme" }) });
    const globex = renderHook(() => useContact(lookup), { wrapper: wrapperFor(queryClient, { tenantId: "globex" }) });
    await waitFor(() => expect(acme.result.current.data?.full_name).toBe("Ada Lovelace"));
    await waitFor(() => expect(globex.result.current.data?.full_name).toBe("Grace Hopper"));
    expect(queryClient.getQueryData(contactKeys.detail("acme", lookup))).toMatchObject({ id: "ada" });
    expect(queryClient.getQueryData(contactKeys.detail("globex", lookup))).toMatchObject({ id: "grace" });
  });

  it("does not retry a refused key", async () => {
    server.use(http.get(`${API}/contact`, () => HttpResponse.json({ error: "Unauthorized" }, { status: 401 })));
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact({ phoneNumber: "27123456789" }), {
      wrapper: wrapperFor(new QueryClient()),
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe("unauthorized");
    expect(requests).toHaveLength(1);
  });

  it("recovers from a 5xx by retrying", async () => {
    server.use(...createContactHandlers({ contacts: [ada], failures: 1 }));
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact({ phoneNumber: "27123456789" }), {
      wrapper: wrapperFor(new QueryClient()),
    });
    await waitFor(() => expect(result.current.data?.id).toBe("ada"), { timeout: 4_000 });
    expect(requests).toHaveLength(2);
  });

  it("keeps a QueryClient's own retry: false", async () => {
    server.use(...createContactHandlers({ contacts: [ada], failures: 1 }));
    const requests = recordRequests(server);
    const { result } = renderHook(() => useContact({ phoneNumber: "27123456789" }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await waitFor(() => expect(result.current.error?.code).toBe("server"));
    expect(requests).toHaveLength(1);
  });

  it("cancels its request when the last component using it unmounts", async () => {
    let aborted = false;
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.use(
      http.get(`${API}/contact`, async ({ request }) => {
        arrived();
        // Answers only once the request is aborted: without the cancel, the test times out.
        await new Promise((resolve) => request.signal.addEventListener("abort", resolve, { once: true }));
        aborted = request.signal.aborted;
        return HttpResponse.error();
      }),
    );
    const { unmount } = renderHook(() => useContact({ phoneNumber: "27123456789" }), {
      wrapper: wrapperFor(createTestQueryClient()),
    });
    await reached;
    unmount();
    await waitFor(() => expect(aborted).toBe(true));
  });

  it("makes no request for a contact that is still fresh (staleTime 60 s)", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const requests = recordRequests(server);
    const queryClient = createTestQueryClient();
    const first = renderHook(() => useContact({ phoneNumber: "27123456789" }), { wrapper: wrapperFor(queryClient) });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();
    const second = renderHook(() => useContact({ whatsappId: "27123456789" }), { wrapper: wrapperFor(queryClient) });
    // Mounted with its effects run: a refetch would have started by now.
    expect(second.result.current).toMatchObject({ data: { id: "ada" }, fetchStatus: "idle" });
    expect(requests).toHaveLength(1);
  });

  it("lets a hook override staleTime and select", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const { result } = renderHook(
      () => useContact({ phoneNumber: "27123456789" }, { staleTime: 0, select: (c) => c?.full_name ?? "?" }),
      { wrapper: wrapperFor(createTestQueryClient()) },
    );
    await waitFor(() => expect(result.current.data).toBe("Ada Lovelace"));
    expect(result.current.isStale).toBe(true);
  });
});

describe("useSuspenseContact", () => {
  function Name({ lookup }: { lookup: ContactLookup }) {
    const { data } = useSuspenseContact(lookup);
    return <p>{data ? data.full_name : "no such contact"}</p>;
  }

  it("suspends, then renders the contact", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    renderWithProvider(
      <Suspense fallback={<p>waiting</p>}>
        <Name lookup={{ phoneNumber: "27123456789" }} />
      </Suspense>,
    );
    expect(screen.getByText("waiting")).toBeInTheDocument();
    expect(await screen.findByText("Ada Lovelace")).toBeInTheDocument();
  });

  it("renders with null when the contact is not found", async () => {
    server.use(...createContactHandlers({ contacts: [] }));
    renderWithProvider(
      <Suspense fallback={<p>waiting</p>}>
        <Name lookup={{ phoneNumber: "27123456789" }} />
      </Suspense>,
    );
    expect(await screen.findByText("no such contact")).toBeInTheDocument();
  });
});

describe("contactQueryOptions and prefetching", () => {
  it("builds a key of tenant and digits, with no baseUrl and no key", () => {
    const options = contactQueryOptions(createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY, baseUrl: "https://x.test" }), { phoneNumber: "+27 12 345 6789" });
    expect(options.queryKey).toEqual(["flowiq", "contact", "acme", "27123456789"]);
    expect(options.queryKey.slice(0, 2)).toEqual(contactKeys.all);
    expect(options.staleTime).toBe(60_000);
    expect(JSON.stringify(options.queryKey)).not.toContain(TEST_KEY);
  });

  it("lets the QueryClient's own retry defaults win in fetchQuery too, read from the client the query runs in", async () => {
    server.use(...createContactHandlers({ contacts: [ada], failures: 2 }));
    const requests = recordRequests(server);
    const flowiq = createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY });
    // One options object, two QueryClients with different defaults.
    const options = contactQueryOptions(flowiq, { phoneNumber: "27123456789" });
    await expect(createTestQueryClient().fetchQuery(options)).rejects.toMatchObject({ code: "server" });
    expect(requests).toHaveLength(1);
    const patient = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 0 } } });
    await expect(patient.fetchQuery(options)).resolves.toMatchObject({ id: "ada" });
    expect(requests).toHaveLength(3);
  });

  it("works with useQuery directly", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const queryClient = createTestQueryClient();
    const { result } = renderHook(
      () => useQuery(contactQueryOptions(createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY }), { phoneNumber: "27123456789" })),
      { wrapper: wrapperFor(queryClient) },
    );
    await waitFor(() => expect(result.current.data?.id).toBe("ada"));
  });

  it("passes react-query's AbortSignal to fetch", async () => {
    let signal: AbortSignal | undefined;
    const fetch = ((_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    }) as typeof globalThis.fetch;
    const queryClient = createTestQueryClient();
    const promise = queryClient.fetchQuery(contactQueryOptions(createFlowIQClient({ tenantId: "acme", fetch }), { phoneNumber: "27123456789" }));
    await waitFor(() => expect(signal).toBeDefined());
    await queryClient.cancelQueries({ queryKey: contactKeys.all });
    await promise.catch(() => undefined);
    expect(signal?.aborted).toBe(true);
  });

  it("a card mounting after prefetchQuery makes no request", async () => {
    server.use(...createContactHandlers({ contacts: [ada] }));
    const requests = recordRequests(server);
    const queryClient = createTestQueryClient();
    await queryClient.prefetchQuery(contactQueryOptions(createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY }), { phoneNumber: "27123456789" }));
    expect(requests).toHaveLength(1);
    const { result } = renderHook(() => useContact({ phoneNumber: "+27 12 345 6789" }), { wrapper: wrapperFor(queryClient) });
    // Mounted with its effects run: a refetch would have started by now.
    expect(result.current).toMatchObject({ data: { id: "ada" }, fetchStatus: "idle" });
    expect(requests).toHaveLength(1);
  });

  it("a server prefetch straight to the API hydrates a browser that reads through a proxy, with no request", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: "server-only-key" }));
    const serverClient = new QueryClient();
    await prefetchContact(serverClient, createFlowIQClient({ tenantId: "acme", apiKey: "server-only-key" }), { phoneNumber: "27123456789" });
    const state = JSON.parse(JSON.stringify(dehydrate(serverClient))) as ReturnType<typeof dehydrate>;

    const requests = recordRequests(server);
    const browserClient = createTestQueryClient();
    function Card() {
      const { data } = useContact({ phoneNumber: "+27 12 345 6789" });
      return <p>{data?.full_name ?? "loading"}</p>;
    }
    render(
      <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" queryClient={browserClient}>
        <HydrationBoundary state={state}>
          <Card />
        </HydrationBoundary>
      </FlowIQProvider>,
    );
    expect(screen.getByText("Ada Lovelace")).toBeInTheDocument();
    // Hydrated and mounted with its effects run: a refetch would be in flight by now.
    expect(browserClient.isFetching()).toBe(0);
    expect(requests).toHaveLength(0);
  });
});
