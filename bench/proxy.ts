import type { Plugin } from "vite";
import { createContactRouteHandler, toNodeHandler } from "../src/server.js";

/**
 * The app's proxy route beside the bench page, as an app mounts it: `createContactRouteHandler`
 * at `/api/flowiq` (single lookups and batches, its default cap of 6 upstream calls), in front of
 * the stand-in API at $BENCH_API_URL. The table benchmark reads contacts through it.
 */
export function benchProxy(): Plugin {
  return {
    name: "bench-proxy",
    configurePreviewServer(server) {
      const upstream = process.env.BENCH_API_URL;
      if (!upstream) return;
      const handler = createContactRouteHandler({ tenantId: "bench", apiKey: "fiq_bench_key", baseUrl: upstream, authorize: () => true });
      server.middlewares.use("/api/flowiq", toNodeHandler(handler));
    },
  };
}
