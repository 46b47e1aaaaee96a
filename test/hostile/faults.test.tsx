import { CancelledError, type QueryClient } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import { delay, HttpResponse } from "msw";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { contactRetryDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, shouldRetryContact } from "../../src/core/retryPolicy.js";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { defaultContactCardLabels } from "../../src/components/ContactDisplay/labels.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { createFlowIQClient } from "../../src/core/FlowIQClient.js";
import { contactQueryOptions } from "../../src/react/contactQueryOptions.js";
import { useContact } from "../../src/react/useContact.js";
import {
  CONFIG,
  LOOKUP,
  TEST_KEY,
  answerWith,
  captureConsole,
  closedPort,
  createPolicyQueryClient,
  fetchContact,
  json,
  okBody,
  stallingBody,
  stallingServer,
} from "./support.js";

// Taken before the shared MSW server starts patching fetch, so these rows reach the real network.
const realFetch = globalThis.fetch;

const serverError = json({ error: "Internal server error", message: "Something went wrong" }, 500);
const unavailable = json({ error: "Service unavailable" }, 503);
const found = json(okBody());
const tooMany = (retryAfter?: string) =>
  json({ error: "Too many requests" }, 429, retryAfter === undefined ? {} : { "Retry-After": retryAfter });
const httpDate = (msFromNow: number) => new Date(Date.now() + msFromNow).toUTCString();

describe("getContact given a fault in the connection", () => {
  it("reports a refused connection (a real closed port) as network", async () => {
    const port = await closedPort();
    let attempts = 0;
    const counted: typeof fetch = (...args) => {
      attempts++;
      return realFetch(...args);
    };
    const requests = answerWith(found);
    const outcome = await fetchContact({ baseUrl: `http://127.0.0.1:${port}`, fetch: counted });
    expect(outcome).toMatchObject({ kind: "error", code: "network" });
    expect(attempts).toBe(1);
    expect(requests).toHaveLength(0);
  });

  it("reports a network error from the transport as network", async () => {
    const requests = answerWith(() => HttpResponse.error());
    expect(await fetchContact()).toMatchObject({ kind: "error", code: "network" });
    expect(requests).toHaveLength(1);
  });

  it("reports a fetch that throws synchronously as network", async () => {
    const throwing = (() => {
      throw new TypeError("boom");
    }) as unknown as typeof fetch;
    expect(await fetchContact({ fetch: throwing })).toMatchObject({ kind: "error", code: "network" });
  });

  it("gives up with timeout when no answer comes within timeoutMs", async () => {
    const requests = answerWith(async () => {
      await delay("infinite");
      return HttpResponse.json(okBody());
    });
    expect(await fetchContact({ timeoutMs: 60 })).toMatchObject({ kind: "error", code: "timeout", message: expect.stringContaining("60 ms") });
    expect(requests).toHaveLength(1);
  });

  it("gives up with timeout when a real server stalls mid-body", async () => {
    const stalling = await stallingServer();
    try {
      const outcome = await fetchContact({ baseUrl: stalling.url, fetch: realFetch, timeoutMs: 150 });
      expect(outcome).toMatchObject({ kind: "error", code: "timeout" });
    } finally {
      await stalling.close();
    }
  });

  it("gives up with timeout when a response body stalls mid-way (a stream that never closes)", async () => {
    // A fetch (MSW here; a wrapper or polyfill elsewhere) may not abort a body it has already
    // handed over, so the timeout must cover reading the body itself.
    const requests = answerWith(
      () => new HttpResponse(stallingBody('{"success":true,"contact":{"id":"'), { status: 200, headers: { "Content-Type": "application/json" } }),
    );
    const outcome = await Promise.race([
      fetchContact({ timeoutMs: 150 }),
      new Promise((resolve) => setTimeout(() => resolve({ kind: "still waiting after 3 s" }), 3_000)),
    ]);
    expect(outcome).toMatchObject({ kind: "error", code: "timeout" });
    expect(requests).toHaveLength(1);
  });
});

describe("getContact given 429 Too Many Requests", () => {
  it.each([
    { name: "no Retry-After", header: undefined, expected: undefined },
    { name: "Retry-After in seconds", header: "3", expected: 3_000 },
    { name: "Retry-After: 0", header: "0", expected: 0 },
    { name: "Retry-After with spaces", header: " 7 ", expected: 7_000 },
    { name: "Retry-After as a past HTTP-date", header: "Wed, 21 Oct 2015 07:28:00 GMT", expected: 0 },
    { name: "Retry-After that is not a number", header: "soon", expected: undefined },
    { name: "Retry-After negative", header: "-5", expected: undefined },
    { name: "Retry-After fractional", header: "1.5", expected: undefined },
    { name: "Retry-After as a bare number-like date", header: "2025", expected: 2_025_000 },
  ])("reads $name as retryAfterMs $expected", async ({ header, expected }) => {
    answerWith(tooMany(header));
    const outcome = await fetchContact();
    expect(outcome).toMatchObject({ kind: "error", code: "rate_limited", status: 429 });
    expect(outcome.kind === "error" && outcome.retryAfterMs).toBe(expected === undefined ? undefined : expected);
  });

  it("reads Retry-After as a future HTTP-date as the time until then", async () => {
    answerWith(tooMany(httpDate(5_000)));
    const outcome = await fetchContact();
    const wait = outcome.kind === "error" ? outcome.retryAfterMs : -1;
    // HTTP-dates have whole seconds, so up to a second is lost.
    expect(wait).toBeGreaterThan(3_500);
    expect(wait).toBeLessThanOrEqual(5_000);
  });
});

type PolicyRow = { name: string; error: Partial<FlowIQError>; retried: boolean; delays?: number[] };

/** A real FlowIQError, so the table checks the library's own `retryable`, not a copy of its list. */
const err = (code: FlowIQError["code"], extra: Partial<FlowIQError> = {}) =>
  new FlowIQError(code, `a ${code} error`, { status: extra.status, retryAfterMs: extra.retryAfterMs });

describe("the retry policy (shouldRetryContact, contactRetryDelay)", () => {
  const rows: PolicyRow[] = [
    { name: "network", error: { code: "network" }, retried: true, delays: [1_000, 2_000, 4_000] },
    { name: "timeout", error: { code: "timeout" }, retried: true, delays: [1_000, 2_000, 4_000] },
    { name: "server 500", error: { code: "server", status: 500 }, retried: true, delays: [1_000, 2_000, 4_000] },
    { name: "429 without Retry-After", error: { code: "rate_limited", status: 429 }, retried: true, delays: [1_000, 2_000, 4_000] },
    { name: "429 with Retry-After 2 s", error: { code: "rate_limited", status: 429, retryAfterMs: 2_000 }, retried: true, delays: [2_000, 2_000, 2_000] },
    { name: "429 with Retry-After at the cap", error: { code: "rate_limited", status: 429, retryAfterMs: MAX_RETRY_AFTER_MS }, retried: true, delays: [MAX_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS] },
    { name: "429 with Retry-After past the cap", error: { code: "rate_limited", status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 }, retried: false },
    { name: "unauthorized", error: { code: "unauthorized", status: 401 }, retried: false },
    { name: "forbidden", error: { code: "forbidden", status: 403 }, retried: false },
    { name: "invalid_response", error: { code: "invalid_response", status: 200 }, retried: false },
    { name: "invalid_lookup", error: { code: "invalid_lookup" }, retried: false },
    { name: "config", error: { code: "config" }, retried: false },
  ];

  it.each(rows)("retries $name: $retried, waiting $delays", ({ error, retried, delays }) => {
    const value = err(error.code as FlowIQError["code"], error);
    // react-query asks with the failures so far, starting at 0.
    expect([0, 1, 2].map((failures) => shouldRetryContact(failures, value))).toEqual([retried, retried, retried]);
    expect(shouldRetryContact(3, value)).toBe(false);
    if (delays) expect([0, 1, 2].map((failures) => contactRetryDelay(failures, value))).toEqual(delays);
  });

  it.each([new Error("plain"), new TypeError("fetch failed"), "a string", null, undefined, { code: "server" }])(
    "never retries something that is not a FlowIQError (%s)",
    (value) => {
      expect(shouldRetryContact(0, value)).toBe(false);
    },
  );

  it("reads both Retry-After forms against a given clock", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("Not a date at all", now)).toBeUndefined();
  });
});

/** A fetchQuery with the library's real retry policy and delays, on fake timers; records when each request came. */
async function timeline(
  answer: Parameters<typeof answerWith>[0],
  meanwhile: (client: QueryClient, times: number[]) => Promise<void> = async () => {},
) {
  const times: number[] = [];
  const start = Date.now();
  answerWith((info) => {
    times.push(Date.now() - start);
    return answer(info);
  });
  const client = createPolicyQueryClient();
  const settled = client.fetchQuery(contactQueryOptions(createFlowIQClient(CONFIG), LOOKUP)).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await meanwhile(client, times);
  await vi.advanceTimersByTimeAsync(120_000);
  return { times, result: await settled };
}

describe("a contact query with the library's retry policy, end to end", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("tries a 503 four times (1 s, 2 s, 4 s apart), then fails with server", async () => {
    const { times, result } = await timeline(unavailable);
    expect(result).toMatchObject({ error: { code: "server", status: 503 } });
    expect(times).toEqual([0, 1_000, 3_000, 7_000]);
  });

  it("recovers from one 500 with a second request a second later", async () => {
    let turn = 0;
    const { times, result } = await timeline(() => (turn++ === 0 ? serverError() : found()));
    expect(result).toMatchObject({ value: { full_name: "John Doe" } });
    expect(times).toEqual([0, 1_000]);
  });

  it("tries a refused connection four times, then fails with network", async () => {
    const { times, result } = await timeline(() => HttpResponse.error());
    expect(result).toMatchObject({ error: { code: "network" } });
    expect(times).toHaveLength(4);
  });

  it.each([
    { name: "Retry-After: 2", header: "2", second: 2_000 },
    { name: "Retry-After as an HTTP-date 3 s ahead", header: "date+3", second: 3_000 },
    { name: "no Retry-After", header: undefined, second: 1_000 },
  ])("waits as a 429 with $name asks, then succeeds", async ({ header, second }) => {
    let turn = 0;
    const { times, result } = await timeline(() =>
      turn++ === 0 ? tooMany(header === "date+3" ? httpDate(3_000) : header)() : found(),
    );
    expect(result).toMatchObject({ value: { full_name: "John Doe" } });
    expect(times).toHaveLength(2);
    // HTTP-dates have whole seconds: up to one second earlier.
    expect(times[1]).toBeGreaterThan(second - 1_000);
    expect(times[1]).toBeLessThanOrEqual(second);
  });

  it("does not wait out a 429 asking for two minutes: one request, then rate_limited", async () => {
    const { times, result } = await timeline(tooMany("120"));
    expect(result).toMatchObject({ error: { code: "rate_limited", retryAfterMs: 120_000 } });
    expect(times).toEqual([0]);
  });

  it.each([
    { status: 400, code: "invalid_lookup" },
    { status: 401, code: "unauthorized" },
    { status: 403, code: "forbidden" },
    { status: 409, code: "invalid_response" },
    { status: 422, code: "invalid_lookup" },
  ])("never retries a $status ($code)", async ({ status, code }) => {
    const { times, result } = await timeline(json({ error: "no", message: "no" }, status));
    expect(result).toMatchObject({ error: { code, status } });
    expect(times).toEqual([0]);
  });

  it("never retries an answer it cannot read", async () => {
    const { times, result } = await timeline(() => new HttpResponse("<html>", { status: 200 }));
    expect(result).toMatchObject({ error: { code: "invalid_response" } });
    expect(times).toEqual([0]);
  });

  it("stops when the query is cancelled during the retry backoff", async () => {
    const { times, result } = await timeline(unavailable, async (client, seen) => {
      await vi.advanceTimersByTimeAsync(500);
      expect(seen).toEqual([0]);
      await client.cancelQueries();
    });
    expect(times).toEqual([0]);
    expect((result as { error?: unknown }).error).toBeInstanceOf(CancelledError);
  });
});

function Name() {
  const { data, error, failureCount } = useContact(LOOKUP);
  return <p>{error ? `failed: ${error.code}` : data ? data.full_name : `waiting (${failureCount} failures)`}</p>;
}

describe("a mounted contact given faults", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("makes no more requests once unmounted during the retry backoff", async () => {
    const requests = answerWith(unavailable);
    const logged = captureConsole();
    const queryClient = createPolicyQueryClient();
    const { unmount } = render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient}>
        <Name />
      </FlowIQProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(screen.getByText("waiting (1 failures)")).toBeInTheDocument();
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(requests).toHaveLength(1);
    expect(logged()).toBe("");
  });

  it("shows the server error with a retry button after four requests to a 503 that never recovers", async () => {
    const requests = answerWith(unavailable);
    render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={createPolicyQueryClient()}>
        <ContactCard phoneNumber="+27 12 345 6789" />
      </FlowIQProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByRole("alert")).toHaveTextContent(defaultContactCardLabels.errors.server.sentence);
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(requests).toHaveLength(4);
  });

  it("shows the contact after a 500 then a success", async () => {
    let turn = 0;
    const requests = answerWith(() => (turn++ === 0 ? serverError() : found()));
    render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={createPolicyQueryClient()}>
        <ContactCard phoneNumber="+27 12 345 6789" />
      </FlowIQProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(screen.getByRole("heading", { name: "John Doe" })).toBeInTheDocument();
    expect(requests).toHaveLength(2);
  });
});

describe("a ContactCard unmounted while loading", () => {
  it("cancels its request, logs nothing and asks no more", async () => {
    let signal: AbortSignal | undefined;
    const requests = answerWith(async ({ request }) => {
      signal = request.signal;
      await delay("infinite");
      return HttpResponse.json(okBody());
    });
    const logged = captureConsole();
    const queryClient = createPolicyQueryClient();
    const { unmount } = render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient}>
        <ContactCard phoneNumber="+27 12 345 6789" />
      </FlowIQProvider>,
    );
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(document.querySelector('[data-state="loading"]')).not.toBeNull();
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
    // Nothing fetching, so no retry is waiting either.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(requests).toHaveLength(1);
    expect(logged()).toBe("");
  });
});
