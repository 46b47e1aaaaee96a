// Three app instances in processes of their own, sharing one real Redis (Debian's redis-server on
// a free 127.0.0.1 port), in front of a counting API: what a team's deployment does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingApi } from "./countingApi.js";
import { buildInstance, startInstance, type Instance } from "./instances.js";
import { startRedis, type RedisServer } from "./redisServer.js";

type Result = { status: number; lookup: { digits: string }; contact?: { id: string }; retryAfterMs?: number };

let redis: RedisServer;
let api: Awaited<ReturnType<typeof startCountingApi>>;
let instances: Instance[] = [];

/** Fifteen numbers of one inbox (the 10th, ending in 9, is a not-found). */
const inbox = (from: number) => Array.from({ length: 15 }, (_, i) => String(27_825_550_000 + from + i));

async function ask(instance: Instance, tenant: string, digits: string[]): Promise<Result[]> {
  const query = digits.map((d) => `phone_number=${d}`).join("&");
  const response = await fetch(`${instance.origin}/${tenant}/api/flowiq/contacts?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: Result[] }).results;
}

/** Ten agents on each of the three instances open the same inbox at the same moment. */
async function wave(tenant: string, digits: string[]): Promise<Result[][]> {
  return Promise.all(instances.flatMap((instance) => Array.from({ length: 10 }, () => ask(instance, tenant, digits))));
}

beforeAll(async () => {
  const [server, counting, script] = await Promise.all([startRedis(), startCountingApi({ delayMs: 40 }), buildInstance()]);
  redis = server;
  api = counting;
  instances = await Promise.all(
    Array.from({ length: 3 }, () => startInstance(script, { FLOWIQ_UPSTREAM: api.url, REDIS_URL: redis.url, TTL_MS: "60000" })),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await api?.close();
  await redis?.stop();
});

describe("three instances sharing Redis", () => {
  it("on a cold cache: at most one upstream call per contact per instance; the lock's figure is logged", async () => {
    const answers = await wave("acme", inbox(100));
    for (const results of answers) {
      expect(results.map((r) => r.status)).toEqual(inbox(100).map((d) => (d.endsWith("9") ? 404 : 200)));
    }
    expect(api.most("acme")).toBeLessThanOrEqual(3);
    const locked = api.total("acme");
    // The same cold wave with the lock off (tenant "nolock"), for the figure in the note.
    await wave("nolock", inbox(100));
    const unlocked = api.total("nolock");
    expect(api.most("nolock")).toBeLessThanOrEqual(3);
    console.info(`[redis] cold wave of 30 agents × 15 contacts on 3 instances: ${locked} calls with the lock, ${unlocked} without`);
  });

  it("answers a second wave on every instance from the shared cache, with no upstream call", async () => {
    const before = api.total();
    const answers = await wave("acme", inbox(100));
    expect(new Set(answers.map((results) => JSON.stringify(results))).size).toBe(1);
    expect(api.total()).toBe(before);
  });

  it("keeps tenants apart: another tenant's same numbers are asked for and answered as its own", async () => {
    const results = await ask(instances[1] as Instance, "globex", inbox(100));
    expect(api.total("globex")).toBe(15);
    for (const result of results.filter((r) => r.status === 200)) expect(result.contact?.id).toBe(`c-globex-${result.lookup.digits}`);
    const again = await ask(instances[2] as Instance, "acme", inbox(100));
    for (const result of again.filter((r) => r.status === 200)) expect(result.contact?.id).toBe(`c-acme-${result.lookup.digits}`);
  });

  it("after a 429 on one instance, no instance sends that tenant upstream until Retry-After has passed", async () => {
    api.limit("initech", "20");
    const first = await fetch(`${(instances[0] as Instance).origin}/initech/api/flowiq/contact?phone_number=27825550300`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("20");
    for (const instance of instances.slice(1)) {
      const results = await ask(instance, "initech", inbox(300));
      for (const result of results) {
        expect(result.status).toBe(429);
        expect(result.retryAfterMs).toBeGreaterThan(10_000);
        expect(result.retryAfterMs).toBeLessThanOrEqual(20_000);
      }
    }
    expect(api.total("initech")).toBe(1);
    // Other tenants are not held back.
    expect((await ask(instances[2] as Instance, "hooli", inbox(300)))[0]?.status).toBe(200);
  });

  it("keeps answering while Redis restarts, and caches again once it is back", async () => {
    await redis.stop();
    const during = await Promise.all(instances.map((instance) => ask(instance, "acme", inbox(500))));
    for (const results of during) expect(results.filter((r) => r.status !== 200 && r.status !== 404)).toEqual([]);
    await redis.start();
    // Redis came back empty: once the instances have reconnected, a contact one instance fetched
    // is served to the others from the store.
    const probe = String(27_825_550_700);
    let tries = 0;
    await expect
      .poll(
        async () => {
          const digits = String(Number(probe) + 10 * tries++);
          await ask(instances[0] as Instance, "acme", [digits]);
          const before = api.total("acme");
          await ask(instances[1] as Instance, "acme", [digits]);
          await ask(instances[2] as Instance, "acme", [digits]);
          return api.total("acme") - before;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(0);
    const reports = await Promise.all(
      instances.map(async (instance) => ((await (await fetch(`${instance.origin}/__reports`)).json()) as { reports: number }).reports),
    );
    // One report per outage, not one per lookup (30 lookups each during the outage).
    for (const count of reports) expect(count).toBeLessThanOrEqual(4);
  });
});
