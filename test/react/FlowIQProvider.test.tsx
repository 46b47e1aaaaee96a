import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { useContact } from "../../src/react/useContact.js";
import { useContacts } from "../../src/react/useContacts.js";
import { useFlowIQConfig } from "../../src/react/useFlowIQConfig.js";
import { useSuspenseContact } from "../../src/react/useSuspenseContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { recordRequests, TEST_KEY, watchInFlight } from "../utils.js";

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
    ["useFlowIQConfig", () => useFlowIQConfig()],
  ])("%s throws a config error naming the hook and the provider", (name, hook) => {
    const error = thrownBy(hook);
    expect(error).toBeInstanceOf(FlowIQError);
    expect((error as FlowIQError).code).toBe("config");
    expect((error as FlowIQError).message).toBe(
      `${name} must be used inside <FlowIQProvider>. Wrap the part of your app that shows FlowIQ contacts in <FlowIQProvider tenantId="…">.`,
    );
  });
});

describe("FlowIQProvider", () => {
  it("gives its config to useFlowIQConfig", () => {
    const { result } = renderHook(() => useFlowIQConfig(), {
      wrapper: ({ children }: { children?: ReactNode }) => (
        <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" timeoutMs={500} headers={{ "X-App": "crm" }}>
          {children}
        </FlowIQProvider>
      ),
    });
    expect(result.current).toEqual({ tenantId: "acme", baseUrl: "/api/flowiq", timeoutMs: 500, headers: { "X-App": "crm" } });
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
