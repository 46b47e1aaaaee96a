// @vitest-environment node
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { getContact } from "../../src/core/getContact.js";
import type { FlowIQConfig } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { createContactScenarios } from "../../src/msw/contactScenarios.js";
import { createContactRouteHandler } from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";
import { API, failure, recordRequests } from "../utils.js";

const KEY = "fiq_live_round_trip_5e6f";
const ada = buildContact({
  id: "c-ada",
  full_name: "Ada Lovelace",
  phone_number: "+27 82 555 0101",
  whatsapp_id: "27825550101",
  source: { type: "whatsapp", location: { city: "Cape Town" }, created_at: "2025-01-02T03:04:05Z" },
  contact_summary: "Asked about <b>pricing</b>",
});

/**
 * The browser side as a user configures it: tenant "x" (ignored by the proxy),
 * no key, baseUrl pointing at the route, and a fetch that hands each request to
 * the route handler as Next.js would.
 */
function browserThroughProxy(routeOptions: { timeoutMs?: number } = {}) {
  const route = createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => true, ...routeOptions });
  const seen: { request: Request; response: Response }[] = [];
  const config: FlowIQConfig = {
    tenantId: "x",
    baseUrl: "http://127.0.0.1/api/flowiq",
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await route(request);
      seen.push({ request, response: response.clone() });
      return response;
    },
  };
  return { config, seen };
}

describe("getContact in the browser through createContactRouteHandler", () => {
  it("gets the same contact as a server call straight to the API", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY, tenantId: "acme" }));
    const upstream = recordRequests(server);
    const { config, seen } = browserThroughProxy();
    const viaProxy = await getContact(config, { phoneNumber: "+27 82 555 0101" });
    const direct = await getContact({ tenantId: "acme", apiKey: KEY }, { phoneNumber: "27825550101" });
    expect(viaProxy).toEqual(direct);
    expect(viaProxy?.full_name).toBe("Ada Lovelace");
    // The browser sent its tenant and no key; the API got ours.
    const browserUrl = new URL(seen[0]!.request.url);
    expect(browserUrl.pathname).toBe("/api/flowiq/contact");
    expect(browserUrl.searchParams.get("tenantId")).toBe("x");
    expect(seen[0]!.request.headers.has("authorization")).toBe(false);
    expect(new URL(upstream[0]!.url).searchParams.get("tenantId")).toBe("acme");
  });

  it("resolves to null for a number the API does not know", async () => {
    server.use(...createContactHandlers({ contacts: [ada], apiKey: KEY }));
    const { config } = browserThroughProxy();
    await expect(getContact(config, { whatsappId: "27820000000" })).resolves.toBeNull();
  });

  const scenarios = createContactScenarios();
  it.each([
    ["a refused key", scenarios.unauthorized, "unauthorized", 502, false],
    ["a forbidden key", scenarios.forbidden, "forbidden", 502, false],
    ["a server error", scenarios.serverError, "server", 502, true],
    ["a network error", scenarios.networkError, "server", 502, true],
    ["a malformed answer", scenarios.malformed, "server", 502, true],
    ["a misrouted upstream", scenarios.misroutedProxy, "server", 502, true],
  ])("turns %s into a %s error (status %i, retryable: %s), never session_refused", async (_name, handlers, code, status, retryable) => {
    server.use(...handlers);
    const { config } = browserThroughProxy();
    const error = await failure(getContact(config, { phoneNumber: "27825550101" }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(`${error.message}\n${error.stack}`).not.toContain(KEY);
  });

  it("keeps the API's rate limit and its wait", async () => {
    server.use(...scenarios.rateLimited);
    const { config } = browserThroughProxy();
    const error = await failure(getContact(config, { phoneNumber: "27825550101" }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.retryable).toBe(true);
  });

  it("reports an upstream timeout as a retryable server error (504)", async () => {
    server.use(
      http.get(`${API}/contact`, async () => {
        await delay(2000);
        return HttpResponse.json({ success: true, contact: ada });
      }),
    );
    const { config } = browserThroughProxy({ timeoutMs: 50 });
    const error = await failure(getContact(config, { phoneNumber: "27825550101" }));
    expect(error).toMatchObject({ code: "server", status: 504 });
    expect(error.retryable).toBe(true);
  });

  it("hears 'session_refused', not retryable, when the app's authorize refuses the visitor", async () => {
    const route = createContactRouteHandler({ tenantId: "acme", apiKey: KEY, authorize: () => false });
    const config: FlowIQConfig = {
      tenantId: "x",
      baseUrl: "http://127.0.0.1/api/flowiq",
      fetch: (input, init) => route(new Request(input, init)),
    };
    const error = await failure(getContact(config, { phoneNumber: "27825550101" }));
    expect(error).toMatchObject({ code: "session_refused", status: 401 });
    expect(error.retryable).toBe(false);
  });
});
