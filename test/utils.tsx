import { dehydrate, hydrate, QueryClient } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import { delay, http } from "msw";
import type { ReactElement, ReactNode } from "react";
import { afterEach, beforeEach, expect } from "vitest";
import { stubPopoverApiInJsdom } from "../stories/support/popover.js";
import { buildContactQuery } from "../src/core/contactQuery.js";
import { createFlowIQClient } from "../src/core/FlowIQClient.js";
import { FlowIQError } from "../src/core/FlowIQError.js";
import type { Contact, ContactLookup } from "../src/core/types.js";
import { contactKeys } from "../src/react/contactKeys.js";
import { FlowIQProvider, type FlowIQProviderProps } from "../src/react/FlowIQProvider.js";
import { server } from "./server.js";

export const API = "https://api.flowiq.live";
export const TEST_KEY = "test-key-3f9a7c21";

/** A client as users' tests make one: no retries, no garbage collection during the test. */
export function createTestQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { gcTime: Infinity, ...(options.retry ? {} : { retry: false }) } },
  });
}

/** A test client that already holds these contacts (tenant "acme", by phone number), so cards render at once. */
export function clientHolding(contacts: Record<string, Contact>): QueryClient {
  const queryClient = createTestQueryClient();
  for (const [phoneNumber, contact] of Object.entries(contacts)) queryClient.setQueryData(contactKeys.detail("acme", { phoneNumber }), contact);
  return queryClient;
}

type ProviderOptions = Partial<Omit<Extract<FlowIQProviderProps, { client?: never }>, "children">> & { queryClient?: QueryClient };

/** Renders inside a FlowIQProvider (tenant "acme", a test key, a fresh no-retry client unless given). */
export function renderWithProvider(ui: ReactElement, options: ProviderOptions & { render?: RenderOptions } = {}) {
  const { render: renderOptions, ...providerProps } = options;
  const queryClient = providerProps.queryClient ?? createTestQueryClient();
  const props: FlowIQProviderProps = { tenantId: "acme", apiKey: TEST_KEY, ...providerProps, queryClient } as FlowIQProviderProps;
  const wrapper = ({ children }: { children?: ReactNode }) => <FlowIQProvider {...props}>{children}</FlowIQProvider>;
  return { queryClient, ...render(ui, { wrapper, ...renderOptions }) };
}

/** Records every request that reaches MSW, for counting and inspecting them. */
export function recordRequests(server: { events: { on: (event: "request:start", listener: (args: { request: Request }) => void) => void; removeAllListeners: () => void } }) {
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(request.clone());
  });
  return requests;
}

/**
 * Answers GET `url` with `answer`, holding each call `delayMs` first, and counts the calls and the
 * most of them in flight at once (for the request caps).
 */
export function watchInFlight(url: string, delayMs: number, answer: (request: Request) => Response) {
  const seen = { calls: 0, peak: 0 };
  let inFlight = 0;
  server.use(
    http.get(url, async ({ request }) => {
      seen.calls++;
      inFlight++;
      seen.peak = Math.max(seen.peak, inFlight);
      await delay(delayMs);
      inFlight--;
      return answer(request);
    }),
  );
  return seen;
}

/**
 * A server client's cache as it crosses to the browser (JSON, checked to hold no `key`), hydrated
 * there. `read` asks for a contact as a browser behind the app's proxy would; `requests` is what
 * reached the network from then on.
 */
export function hydrateInBrowser(serverClient: QueryClient, key: string) {
  const wire = JSON.stringify(dehydrate(serverClient));
  expect(wire).not.toContain(key);
  const requests = recordRequests(server);
  const browserClient = new QueryClient();
  hydrate(browserClient, JSON.parse(wire));
  const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "http://127.0.0.1/api/flowiq" });
  const read = (lookup: ContactLookup) => browserClient.fetchQuery(buildContactQuery(flowiq, lookup));
  return { read, requests };
}

/** The FlowIQError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<FlowIQError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FlowIQError);
    return error as FlowIQError;
  }
  throw new Error("expected a FlowIQError, but it resolved");
}

/** jsdom has no popover API: each test of the calling file gets the stories' stand-in, taken away after it. */
export function stubPopoverApiInEachTest(): void {
  let undo = () => {};
  beforeEach(() => {
    undo = stubPopoverApiInJsdom();
  });
  afterEach(() => undo());
}
