// One app instance for the shared-cache tests and the load figure: a node:http server on a free
// 127.0.0.1 port serving createContactRouteHandler through toNodeHandler, every tenant's handler
// sharing one Redis through Keyv. Built with esbuild and run as its own process; prints
// {"port":…} on its first line. Mounts: /{tenant}/api/flowiq/contact(s).
//   FLOWIQ_UPSTREAM  the API's base URL          REDIS_URL  the shared store ("" for none)
//   CACHE            "off" for no cache at all    TTL_MS     the cache's ttlMs
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import { createServer } from "node:http";
import { createContactRouteHandler, toNodeHandler, type ContactRouteHandler } from "../../src/server.js";

const upstream = process.env.FLOWIQ_UPSTREAM ?? "";
const redisUrl = process.env.REDIS_URL ?? "";
const cacheOn = process.env.CACHE !== "off";
const ttlMs = Number(process.env.TTL_MS ?? 60_000);

// One Keyv (one Redis connection) for every tenant of this instance; the handler scopes keys by tenant.
const redis = redisUrl ? new KeyvRedis(redisUrl) : undefined;
// Connected once before serving: KeyvRedis connects lazily, and many first calls at once would race to connect.
if (redis) await redis.getClient();
const store = redis ? new Keyv(redis) : undefined;
let reports = 0;
const handlers = new Map<string, ContactRouteHandler>();

function handlerFor(tenantId: string): ContactRouteHandler {
  let handler = handlers.get(tenantId);
  if (!handler) {
    handler = createContactRouteHandler({
      tenantId,
      apiKey: "fiq_instance_key_7d3a",
      baseUrl: upstream,
      authorize: () => true,
      maxConcurrentRequests: 6,
      // "nolock" measures the cold start without the lock.
      cache: cacheOn ? { ttlMs, ...(store ? { store } : {}), lock: tenantId !== "nolock" } : undefined,
      onError: (error) => {
        reports += 1;
        if (process.env.INSTANCE_DEBUG) console.error(`[instance] ${error.message}`);
      },
    });
    handlers.set(tenantId, handler);
  }
  return handler;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/__reports") {
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ reports }));
    return;
  }
  const tenant = /^\/([a-z0-9-]+)\/api\/flowiq\//.exec(url.pathname)?.[1];
  if (!tenant) {
    response.writeHead(404).end();
    return;
  }
  toNodeHandler(handlerFor(tenant))(request, response);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void Promise.resolve(store?.disconnect()).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
