// @vitest-environment node
// createContactRouteHandler's key safety where requests share work: an answer coalesced from
// another request's upstream call is redacted against the key that call used, and options that
// could only fail later (headers no request can carry) are refused when the handler is made.
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { server } from "../server.js";
import { API } from "../utils.js";
import { handler, INBOX, single } from "./teamSupport.js";

const [digits] = INBOX as [string];
// Sharing no run of eight characters: redacting one cannot hide the other.
const OLD_KEY = "fiq_live_Q7d31c0aa90k";
const NEW_KEY = "fiq_test_M52ab9eXq17z";

/**
 * A fetch wrapper (as ofetch- and ky-style wrappers do) that throws its own FlowIQError for a 400,
 * echoing the Authorization it was given, once `release` is called: until then identical lookups
 * join its call. Counts its calls.
 */
function echoingFetch() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const state = { calls: 0, release };
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    state.calls += 1;
    const authorization = new Headers(init?.headers).get("authorization");
    await gate;
    throw new FlowIQError("invalid_lookup", `The API refused this lookup (sent ${authorization}).`, { status: 400 });
  };
  return { state, fetch: fetch as typeof globalThis.fetch };
}

/** Two visitors asking for one contact at once (the route's authorize releases the call once the second has joined it). */
async function joined(route: (request: Request) => Promise<Response>) {
  const first = route(single(digits, { headers: { "x-agent": "ann" } }));
  // The second visitor's lookup joins the first's call in the microtasks after its authorize; a
  // timer set there fires after them.
  const second = route(single(digits, { headers: { "x-agent": "bob" } }));
  return Promise.all([first, second]).then((responses) => Promise.all(responses.map(async (response) => ({ status: response.status, text: await response.text() }))));
}

describe("createContactRouteHandler's answers coalesced from another request's call", () => {
  it("are redacted when the key came from a function that only the first request ran", async () => {
    const upstream = echoingFetch();
    const route = handler({
      apiKey: async () => NEW_KEY,
      fetch: upstream.fetch,
      authorize: (request) => {
        if (request.headers.get("x-agent") === "bob") setTimeout(upstream.state.release, 0);
        return true;
      },
    });

    const answers = await joined(route);

    expect(upstream.state.calls).toBe(1);
    for (const { status, text } of answers) {
      expect(status).toBe(400);
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(NEW_KEY);
    }
  });

  it("are redacted when the key rotated between the requests' arrival and the call", async () => {
    let current = OLD_KEY;
    const warmUp = echoingFetch();
    warmUp.state.release();
    const upstream = echoingFetch();
    let useWarmUp = true;
    const route = handler({
      // The function hands out the old key until the rotation, then the new one.
      apiKey: async () => current,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => (useWarmUp ? warmUp.fetch(input, init) : upstream.fetch(input, init))) as typeof fetch,
      authorize: (request) => {
        if (request.headers.get("x-agent") === "bob") setTimeout(upstream.state.release, 0);
        return true;
      },
    });
    // A first lookup makes the handler know the old key.
    const before = await route(single(digits, { headers: { "x-agent": "warm-up" } }));
    expect(await before.text()).not.toContain(OLD_KEY);
    useWarmUp = false;
    current = NEW_KEY;

    const answers = await joined(route);

    expect(upstream.state.calls).toBe(1);
    for (const { text } of answers) {
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(NEW_KEY);
      expect(text).not.toContain(OLD_KEY);
    }
  });
});

describe("createContactRouteHandler given headers no request can carry", () => {
  it.each([
    ["a name with a space", { "bad header": "x" }],
    ["a value with a line break", { "X-App": "crm\r\nX-Injected: 1" }],
  ])("refuses %s when it is made, without echoing the header", (_, headers) => {
    let thrown: unknown;
    try {
      handler({ headers });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowIQError);
    expect(thrown).toMatchObject({ code: "config", message: 'createContactRouteHandler: headers must be valid HTTP header names and values, e.g. { "X-App": "crm" }.' });
  });

  it("accepts valid headers and sends them upstream", async () => {
    let sent: string | null = null;
    server.use(
      http.get(`${API}/contact`, ({ request }) => {
        sent = request.headers.get("x-app");
        return HttpResponse.json({ error: "Contact not found", message: `No contact found with phone number ${digits}` }, { status: 404 });
      }),
    );
    const route = handler({ headers: { "X-App": "crm" } });
    expect((await route(single(digits))).status).toBe(404);
    expect(sent).toBe("crm");
  });
});
