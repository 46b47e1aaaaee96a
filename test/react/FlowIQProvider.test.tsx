import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useContacts } from "../../src/react/useContacts.js";
import { createFlowIQClient, type FlowIQClient } from "../../src/core/FlowIQClient.js";
import { useFlowIQClient } from "../../src/react/useFlowIQClient.js";
import { useSuspenseContact } from "../../src/react/useSuspenseContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { recordRequests, TEST_KEY, watchInFlight } from "../utils.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";

function thrownBy(hook: () => unknown): unknown {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    renderHook(hook);
  } catch (error) {
    return error;
  } finally {
    spy.mockRestore();
  }
  return undefined;
}

describe("a hook used outside <FlowIQProvider>", () => {
  it.each([
    ["useContact", () => useContact({ phoneNumber: "27123456789" })],
    ["useSuspenseContact", () => useSuspenseContact({ phoneNumber: "27123456789" })],
    ["useContacts", () => useContacts([])],
    ["useFlowIQClient", () => useFlowIQClient()],
  ])("%s throws a config error naming the hook and the provider", (name, hook) => {
    const error = thrownBy(hook);
    expect(error).toBeInstanceOf(FlowIQError);
    expect((error as FlowIQError).code).toBe("config");
    expect((error as FlowIQError).message).toBe(
      `${name} must be used inside <FlowIQProvider>. Wrap the part of your app that shows FlowIQ contacts in <FlowIQProvider client={client}> (or <FlowIQProvider tenantId="…">).`,
    );
  });
});

describe("FlowIQProvider", () => {
  it("gives the client it was handed to useFlowIQClient", () => {
    const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq" });
    const { result } = renderHook(() => useFlowIQClient(), {
      wrapper: ({ children }: { children?: ReactNode }) => <FlowIQProvider client={flowiq}>{children}</FlowIQProvider>,
    });
    expect(result.current).toBe(flowiq);
  });

  it("makes a client of its own from props, kept across renders while they stay the same, and a new one when they change", () => {
    const seen: FlowIQClient[] = [];
    function Probe() {
      seen.push(useFlowIQClient());
      return null;
    }
    // Inline objects, new on every render, as apps write them.
    const ui = (timeoutMs: number) => (
      <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" timeoutMs={timeoutMs} headers={{ "X-App": "crm" }} batch={{ windowMs: 5 }}>
        <Probe />
      </FlowIQProvider>
    );
    const { rerender } = render(ui(500));
    rerender(ui(500));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]!.config).toEqual({ tenantId: "acme", baseUrl: "/api/flowiq", timeoutMs: 500, headers: { "X-App": "crm" }, batch: { windowMs: 5 } });
    rerender(ui(800));
    expect(seen.at(-1)).not.toBe(seen[0]);
    expect(seen.at(-1)!.config.timeoutMs).toBe(800);
  });

  it("gives its client the batch setting of the latest render, an object and `true` being different settings", () => {
    const seen: FlowIQClient[] = [];
    function Probe() {
      seen.push(useFlowIQClient());
      return null;
    }
    const ui = (batch: boolean | { maxSize?: number }) => (
      <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" batch={batch}>
        <Probe />
      </FlowIQProvider>
    );
    const { rerender } = render(ui(true));
    expect(seen.at(-1)!.config.batch).toBe(true);
    rerender(ui({}));
    expect(seen.at(-1)!.config.batch).toEqual({});
    rerender(ui(true));
    expect(seen.at(-1)!.config.batch).toBe(true);
  });

  it("sends the headers of the latest render: one added, one changed, one with a new value", async () => {
    server.use(...createContactHandlers({ contacts: [contactAt(0)] }));
    const requests = recordRequests(server);
    const sent = () => {
      const headers = requests.at(-1)!.headers;
      return { a: headers.get("x-a"), b: headers.get("x-b") };
    };
    function Reader() {
      const { data } = useContact({ phoneNumber: `+${digitsAt(0)}` });
      return <p>{data?.full_name ?? "…"}</p>;
    }
    // The same contact, refetched after each render: the request carries that render's headers.
    const ui = (headers: Record<string, string>) => (
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} headers={headers} queryClient={queryClient}>
        <Reader />
      </FlowIQProvider>
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
    const steps: Array<[Record<string, string>, { a: string | null; b: string | null }]> = [
      [{ "X-A": "1" }, { a: "1", b: null }],
      [{ "X-A": "1", "X-B": "2" }, { a: "1", b: "2" }],
      [{ "X-A": "1", "X-B": "3" }, { a: "1", b: "3" }],
      [{ "X-A": "4", "X-B": "3" }, { a: "4", b: "3" }],
    ];
    const { rerender } = render(ui(steps[0]![0]));
    await screen.findByText(contactAt(0).full_name as string);
    expect(sent()).toEqual(steps[0]![1]);
    for (const [headers, expected] of steps.slice(1)) {
      const before = requests.length;
      rerender(ui(headers));
      await queryClient.refetchQueries();
      await waitFor(() => expect(requests.length).toBeGreaterThan(before));
      expect(sent()).toEqual(expected);
    }
  });

  it("uses the queryClient prop when given", async () => {
    server.use(...createContactHandlers());
    const mine = new QueryClient();
    render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={mine}>
        <Name />
      </FlowIQProvider>,
    );
    await screen.findByText("John Doe");
    expect(mine.getQueryCache().getAll()).toHaveLength(1);
  });

  it("uses a QueryClient already provided above it", async () => {
    server.use(...createContactHandlers());
    const outer = new QueryClient();
    function Probe() {
      return <p>{useQueryClient() === outer ? "outer client" : "another client"}</p>;
    }
    render(
      <QueryClientProvider client={outer}>
        <FlowIQProvider tenantId="acme" apiKey={TEST_KEY}>
          <Name />
          <Probe />
        </FlowIQProvider>
      </QueryClientProvider>,
    );
    await screen.findByText("John Doe");
    expect(screen.getByText("outer client")).toBeInTheDocument();
    expect(outer.getQueryCache().getAll()).toHaveLength(1);
  });

  it("makes its own QueryClient when there is none", async () => {
    server.use(...createContactHandlers());
    render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY}>
        <Name />
      </FlowIQProvider>,
    );
    expect(await screen.findByText("John Doe")).toBeInTheDocument();
  });

  it("turns an empty tenantId into a config error and makes no request", async () => {
    const requests = recordRequests(server);
    render(
      <FlowIQProvider tenantId="" apiKey={TEST_KEY} queryClient={new QueryClient()}>
        <Name />
      </FlowIQProvider>,
    );
    expect(await screen.findByText(/error: config/)).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });
});

function Name() {
  const { data, error } = useContact({ phoneNumber: "+27 12 345 6789" });
  if (error) return <p>error: {error.code}</p>;
  return <p>{data === undefined ? "loading" : (data?.full_name ?? "none")}</p>;
}

describe("FlowIQProvider's request cap", () => {
  it("is the client's: two providers given one client share one cap", async () => {
    const { HttpResponse } = await import("msw");
    const seen = watchInFlight("https://api.flowiq.live/contact", 20, (request) => {
      const digits = new URL(request.url).searchParams.get("phone_number");
      return HttpResponse.json({ success: true, contact: { id: `c-${digits}` } });
    });
    const flowiq = createFlowIQClient({ tenantId: "acme", apiKey: TEST_KEY, maxConcurrentRequests: 2 });
    const lookups = (from: number) => Array.from({ length: 8 }, (_, i) => ({ phoneNumber: `2712345${String(from + i).padStart(4, "0")}` }));
    function Column({ from }: { from: number }) {
      const results = useContacts(lookups(from));
      return <p>{results.filter((r) => r.isSuccess).length} of 8</p>;
    }
    render(
      <>
        <FlowIQProvider client={flowiq} queryClient={new QueryClient()}>
          <Column from={0} />
        </FlowIQProvider>
        <FlowIQProvider client={flowiq} queryClient={new QueryClient()}>
          <Column from={100} />
        </FlowIQProvider>
      </>,
    );
    await waitFor(() => expect(screen.getAllByText("8 of 8")).toHaveLength(2), { timeout: 10_000 });
    expect(seen.calls).toBe(16);
    expect(seen.peak).toBe(2);
  });

  it("keeps at most maxConcurrentRequests in flight", async () => {
    const { HttpResponse } = await import("msw");
    const seen = watchInFlight("https://api.flowiq.live/contact", 20, (request) => {
      const digits = new URL(request.url).searchParams.get("phone_number");
      return HttpResponse.json({ success: true, contact: { id: `c-${digits}` } });
    });
    const lookups = Array.from({ length: 20 }, (_, i) => ({ phoneNumber: `2712345${String(i).padStart(4, "0")}` }));
    const { result } = renderHook(() => useContacts(lookups), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} maxConcurrentRequests={3} queryClient={new QueryClient()}>
          {children}
        </FlowIQProvider>
      ),
    });
    await waitFor(() => expect(result.current.every((r) => r.isSuccess)).toBe(true));
    expect(seen.peak).toBe(3);
  });
});
