// @vitest-environment node
// createContactRouteHandler's caller budget and Server-Timing at their edges: the longest wait it
// announces, what a refused batch costs, and the durations it reports (the team behaviours
// themselves are in teamProxy.test.ts).
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "../server.js";
import { API } from "../utils.js";
import { batch, countingApi, handler, INBOX, PROXY, single } from "./teamSupport.js";

// A window of a century: however late in it a test runs, far more than an hour of it is left.
const CENTURY_MS = 100 * 365 * 24 * 3600_000;
const [first, second, third, fourth, fifth] = INBOX as [string, string, string, string, string];

describe("createContactRouteHandler's callerLimit at its edges", () => {
  it("refuses past the budget with Retry-After capped at an hour, and says when to try again", async () => {
    countingApi({ delayMs: 0 });
    const route = handler({ callerLimit: { lookups: 1, perMs: CENTURY_MS, callerId: () => "ann" } });
    expect((await route(single(first))).status).toBe(200);
    const refused = await route(single(second));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await refused.json()).toEqual({
      error: "Too many requests",
      message: "This caller has asked for too many contacts; try again in 3600 s.",
    });
  });

  it("spends nothing, and asks nobody who the caller is, for a batch it refuses as empty or too large", async () => {
    const api = countingApi({ delayMs: 0 });
    const callerId = vi.fn(() => "ann");
    const route = handler({ maxBatchSize: 3, callerLimit: { lookups: 3, perMs: CENTURY_MS, callerId } });
    expect((await route(new Request(`${PROXY}/contacts`))).status).toBe(400);
    expect((await route(batch([first, second, third, fourth]))).status).toBe(400);
    expect(callerId).not.toHaveBeenCalled();
    // The whole budget is left: a full batch of three passes, and it spends all of it.
    expect((await route(batch([first, second, third]))).status).toBe(200);
    expect((await route(single(fifth))).status).toBe(429);
    expect(api.total()).toBe(3);
  });
});

describe("createContactRouteHandler's callerLimit for single lookups", () => {
  it("spends one lookup on a single request, whatever it holds: one refused for naming two costs one, not two", async () => {
    const api = countingApi({ delayMs: 0 });
    const route = handler({ callerLimit: { lookups: 2, perMs: CENTURY_MS, callerId: () => "ann" } });
    expect((await route(new Request(`${PROXY}/contact?phone_number=${first}&phone_number=${second}`))).status).toBe(400);
    expect((await route(single(third))).status).toBe(200);
    expect((await route(single(fourth))).status).toBe(429);
    expect(api.total()).toBe(1);
  });
});

describe("createContactRouteHandler's Server-Timing durations", () => {
  it("gives the upstream call's time, and a total at least as long", async () => {
    countingApi({ delayMs: 40 });
    const header = (await handler()(single(first))).headers.get("server-timing") ?? "";
    const [, upstream, total] = /upstream;dur=(\d+\.\d), total;dur=(\d+\.\d)$/.exec(header) ?? [];
    expect(Number(upstream)).toBeGreaterThanOrEqual(30);
    expect(Number(total)).toBeGreaterThanOrEqual(Number(upstream));
  });

  it("gives no upstream time for a lookup its deadline cut", async () => {
    server.use(
      http.get(`${API}/contact`, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const response = await handler({ timeoutMs: 50 })(single(first));
    expect(response.status).toBe(504);
    expect(response.headers.get("server-timing")).toMatch(/^cache;desc="off", total;dur=\d+\.\d$/);
  });
});
