import { dehydrate } from "@tanstack/react-query";
import { render, waitFor } from "@testing-library/react";
import { HttpResponse, type HttpResponseResolver } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { getContact } from "../../src/core/getContact.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { resetWarnings, warnIfSecretKeyInBrowser } from "../../src/react/warnings.js";
import { renderWithProvider } from "../utils.js";
import { LOOKUP, answerWith, captureConsole, everyStringIn, json, text } from "./support.js";

// Shaped like a real secret key, and long enough that no accidental match is possible.
const KEY = "fiq_live_7Hq2xK9pLm3N8vR4tW6y";
const echo = `Invalid API key ${KEY} for tenant acme`;

type Row = { name: string; answer?: HttpResponseResolver; config?: Partial<FlowIQConfig>; code: string; sendsKey?: boolean };

const rows: Row[] = [
  { name: "400 echoing the key", answer: json({ error: "Bad request", message: echo }, 400), code: "invalid_lookup" },
  { name: "401 echoing the key in message", answer: json({ error: "Unauthorized", message: echo }, 401), code: "unauthorized" },
  { name: "401 echoing the key in error", answer: json({ error: echo }, 401), code: "unauthorized" },
  { name: "401 echoing the key twice", answer: json({ message: `${KEY}${KEY}` }, 401), code: "unauthorized" },
  { name: "403 echoing the key", answer: json({ error: "Forbidden", message: echo }, 403), code: "forbidden" },
  { name: "404 HTML page echoing the key", answer: text(`<h1>Not found</h1><pre>Authorization: Bearer ${KEY}</pre>`, 404), code: "invalid_response" },
  { name: "408 echoing the key", answer: json({ message: echo }, 408), code: "timeout" },
  { name: "418 echoing the key", answer: json({ message: echo }, 418), code: "invalid_response" },
  { name: "422 echoing the key", answer: json({ message: echo }, 422), code: "invalid_lookup" },
  { name: "429 echoing the key", answer: json({ message: echo }, 429, { "Retry-After": "1" }), code: "rate_limited" },
  { name: "500 echoing the key", answer: json({ error: "Internal", message: echo }, 500), code: "server" },
  { name: "502 HTML page echoing the key", answer: text(`<pre>upstream said: Bearer ${KEY}</pre>`, 502), code: "server" },
  { name: "503 echoing the key", answer: json({ message: echo }, 503), code: "server" },
  { name: "200 that is not JSON and echoes the key", answer: text(`<html>${KEY}</html>`, 200), code: "invalid_response" },
  { name: "200 success:false echoing the key", answer: json({ success: false, message: echo }), code: "invalid_response" },
  { name: "200 success:false echoing the key in error", answer: json({ success: false, error: echo }), code: "invalid_response" },
  { name: "200 with a contact without id", answer: json({ success: true, contact: { full_name: KEY } }), code: "invalid_response" },
  { name: "a network error", answer: () => HttpResponse.error(), code: "network" },
  { name: "a timeout", answer: () => new Promise<Response>(() => {}), config: { timeoutMs: 30 }, code: "timeout" },
  {
    name: "a fetch failing with the key in its message",
    config: { fetch: () => Promise.reject(new TypeError(`fetch failed: Bearer ${KEY}`)) },
    code: "network",
    sendsKey: false,
  },
  {
    name: "a fetch failing with the key deep in its cause chain",
    config: { fetch: () => Promise.reject(new TypeError("fetch failed", { cause: new Error(`socket hang up; header Authorization: Bearer ${KEY}`) })) },
    code: "network",
    sendsKey: false,
  },
  {
    name: "a fetch failing with a plain object holding the key",
    config: { fetch: () => Promise.reject({ code: "ECONNRESET", request: { headers: { authorization: `Bearer ${KEY}` } } }) },
    code: "network",
    sendsKey: false,
  },
  {
    name: "a fetch throwing a string holding the key",
    config: { fetch: () => Promise.reject(`failed with Bearer ${KEY}`) },
    code: "network",
    sendsKey: false,
  },
  {
    name: "an apiKey getter that fails",
    config: { apiKey: () => Promise.reject(new Error("secret store unavailable")) },
    code: "config",
    sendsKey: false,
  },
  { name: "an apiKey getter returning nothing", config: { apiKey: (() => undefined) as unknown as () => string }, code: "config", sendsKey: false },
  { name: "an apiKey getter whose key the API refuses", config: { apiKey: async () => KEY }, answer: json({ message: echo }, 401), code: "unauthorized" },
];

const CONFIG: FlowIQConfig = { tenantId: "acme", apiKey: KEY };

describe("the API key, on every error path", () => {
  beforeEach(() => {
    resetWarnings();
  });

  it.each(rows)("is absent from the error, the console, the card and the cache after $name", async ({ answer, config = {}, code, sendsKey = true }) => {
    const requests = answerWith(answer ?? json({ success: true }));
    const logged = captureConsole();

    // 1. What getContact throws: message, stack, every property and the whole cause chain.
    let thrown: unknown;
    try {
      await getContact({ ...CONFIG, ...config }, LOOKUP);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "FlowIQError", code });
    const strings = everyStringIn(thrown);
    expect(strings.filter((part) => part.includes(KEY))).toEqual([]);

    // 2. The same failure through the provider and a card, as an app shows it.
    const { container, queryClient } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />, {
      apiKey: KEY,
      ...config,
    });
    await waitFor(() => expect(container.querySelector('[data-state="error"]')).not.toBeNull(), { timeout: 3_000 });
    expect(container.innerHTML).not.toContain(KEY);
    expect(container.textContent).not.toContain(KEY);

    // 3. The cache (keys, states, errors) and what a server would dehydrate into its HTML.
    const cache = queryClient.getQueryCache().getAll();
    expect(everyStringIn(cache.map((query) => ({ key: query.queryKey, state: query.state }))).join("\n")).not.toContain(KEY);
    const dehydrated = dehydrate(queryClient, { shouldDehydrateQuery: () => true });
    expect(JSON.stringify(dehydrated)).not.toContain(KEY);

    // 4. The console, every method, every argument.
    expect(logged()).not.toContain(KEY);

    // The key was really in play: it went out in the Authorization header.
    if (sendsKey) expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${KEY}`);
  });

  it("is not shown when the API echoes it inside a contact's own fields", async () => {
    answerWith(json({ success: true, contact: { id: "c-1", full_name: `Ada ${KEY}`, tags: [KEY], contact_summary: `Key: ${KEY}` } }));
    const logged = captureConsole();
    const { container, queryClient, findByRole } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />, { apiKey: KEY });
    await findByRole("heading");
    expect(container.innerHTML).not.toContain(KEY);
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(KEY);
    expect(logged()).not.toContain(KEY);
  });

  it("is absent from the query keys of a contact that loaded", async () => {
    answerWith(json({ success: true, contact: { id: "c-1", full_name: "Ada" } }));
    const { queryClient, findByRole } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />, { apiKey: KEY });
    await findByRole("heading", { name: "Ada" });
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.queryKey))).not.toContain(KEY);
    expect(JSON.stringify(dehydrate(queryClient))).not.toContain(KEY);
  });
});

const SECRET = "fiq_test_9a8b7c6d5e4f";

describe("FlowIQProvider given a secret-looking key in a browser", () => {
  beforeEach(() => {
    resetWarnings();
  });

  it("warns once in development, pointing to the proxy, without printing the key", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { rerender } = render(<FlowIQProvider tenantId="acme" apiKey={SECRET} />);
    rerender(<FlowIQProvider tenantId="acme" apiKey={`${SECRET}x`} />);
    render(<FlowIQProvider tenantId="globex" apiKey={SECRET} />);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]?.[0]);
    expect(message).toContain("A secret API key (fiq_…) was given to <FlowIQProvider> in a browser");
    expect(message).toMatch(/server/);
    expect(message).toContain("createContactRouteHandler");
    expect(message).toContain('baseUrl="/api/flowiq"');
    expect(message).not.toContain(SECRET);
  });

  it("warns when a later render hands it a secret key in place of a harmless one", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { rerender } = render(<FlowIQProvider tenantId="acme" apiKey="pk_public_123" />);
    expect(warn).not.toHaveBeenCalled();
    rerender(<FlowIQProvider tenantId="acme" apiKey={SECRET} />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(SECRET);
  });

  it("does not warn in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      render(<FlowIQProvider tenantId="acme" apiKey={SECRET} />);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    { name: "a key without the fiq_ prefix", apiKey: "pk_public_123456" },
    { name: "a key getter", apiKey: () => SECRET },
    { name: "no key (a proxy)", apiKey: undefined },
    { name: "FIQ_ in capitals", apiKey: "FIQ_live_abc" },
  ])("does not warn for $name", ({ apiKey }) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    render(<FlowIQProvider tenantId="acme" apiKey={apiKey} baseUrl="/api/flowiq" />);
    expect(warn).not.toHaveBeenCalled();
  });

  it("does not warn outside a browser (no window)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubGlobal("window", undefined);
    try {
      warnIfSecretKeyInBrowser(SECRET);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(warn).not.toHaveBeenCalled();
    // The check did not use up its one warning while there was no browser.
    warnIfSecretKeyInBrowser(SECRET);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
