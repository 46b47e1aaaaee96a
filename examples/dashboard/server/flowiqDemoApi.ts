import { randomBytes } from "node:crypto";
import type { Connect, Logger, Plugin } from "vite";
// In your app: import { createContactRouteHandler, toNodeHandler } from "@flowiq/react/server";
import { createContactRouteHandler, toNodeHandler } from "../../../src/server.js";
import { generateContacts, startStandInApi, type StandIn } from "../../../standin/index.js";
import { startLiveChanges, type LiveChanges } from "../../../standin/live.js";
import { CONVERSATION_COUNT, generateConversations } from "../src/conversations.js";
import { createDemoSession } from "./demoSession.js";
import { liveRelay } from "./liveRelay.js";

/** The tenant the proxy pins; the browser's own tenantId is only its cache key. */
export const DEMO_TENANT = "acme-inbox";
/** Where the browser's `<FlowIQProvider baseUrl>` points. */
export const MOUNT = "/api/flowiq";
/** What reached the stand-in API, as JSON (`DELETE` forgets it): for the checks and for the curious. */
export const REQUEST_LOG = "/__standin/requests";
/** Server-sent events of contacts that changed (server/liveRelay.ts). */
export const LIVE = "/api/live";
/** Contacts of this many conversations at the top of the inbox change in live mode, so the change shows. */
const LIVE_AMONG = 40;

export type DemoApiOptions = {
  /** Milliseconds the stand-in takes to answer each lookup. @default $DASHBOARD_API_DELAY_MS or 40 */
  delayMs?: number;
  /** The stand-in's port. @default $DASHBOARD_API_PORT or a free one */
  port?: number;
  /** Milliseconds between rounds of live changes to unread and online; 0 for none. @default $DASHBOARD_LIVE_MS or 3000 */
  liveMs?: number;
};

/**
 * The dashboard's back end, inside the Vite server: a stand-in of the FlowIQ API
 * (the library's own MSW handlers over HTTP, on 127.0.0.1, knowing the 10,000
 * generated contacts and answering after a delay), and in front of it the key-safe
 * proxy an app mounts once, `createContactRouteHandler` at `/api/flowiq` (single
 * lookups at `/contact`, batches at `/contacts`), with the key and tenant on the
 * server and an `authorize` that checks the visitor's session.
 */
export function flowiqDemoApi(options: DemoApiOptions = {}): Plugin {
  const delayMs = options.delayMs ?? Number(process.env.DASHBOARD_API_DELAY_MS ?? 40);
  const port = options.port ?? Number(process.env.DASHBOARD_API_PORT ?? 0);
  const liveMs = options.liveMs ?? Number(process.env.DASHBOARD_LIVE_MS ?? 3000);
  // A key made up per start: the stand-in enforces it, the browser never sees it.
  const apiKey = `fiq_demo_${randomBytes(12).toString("hex")}`;
  let api: Promise<StandIn> | undefined;
  let live: LiveChanges | undefined;

  async function mount(middlewares: Connect.Server, logger: Logger, onClose: (stop: () => void) => void) {
    const contacts = generateContacts(CONVERSATION_COUNT);
    api ??= startStandInApi({ contacts, delayMs, port, tenantId: DEMO_TENANT, apiKey });
    const standIn = await api;
    // Live mode: the stand-in changes the contacts it answers from, and tells the relay.
    const top = new Set(generateConversations().slice(0, LIVE_AMONG).map((conversation) => conversation.whatsappId));
    live ??= startLiveChanges(contacts, { everyMs: liveMs > 0 ? liveMs : 2 ** 30, among: (contact) => top.has(contact.whatsapp_id ?? "") });
    const changes = live;
    onClose(() => {
      changes.stop();
      void standIn.close();
    });
    const session = createDemoSession();
    const handler = createContactRouteHandler({
      tenantId: DEMO_TENANT,
      apiKey,
      baseUrl: standIn.url,
      authorize: session.authorize,
      onError: (error) => logger.warn(`[flowiq proxy] ${error.code}: ${error.message}`),
    });
    middlewares.use(MOUNT, toNodeHandler(handler));
    middlewares.use(LIVE, liveRelay(live, session.authorize));
    middlewares.use(REQUEST_LOG, (request, response) => {
      if (request.method === "DELETE") standIn.reset();
      response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(standIn.requests));
    });
    middlewares.use(session.issue);
    logger.info(
      `  FlowIQ stand-in API on ${standIn.url}: ${CONVERSATION_COUNT.toLocaleString("en-US")} contacts, ${delayMs} ms per answer ` +
        `(DASHBOARD_API_DELAY_MS); what reached it: ${REQUEST_LOG}`,
    );
  }

  return {
    name: "flowiq-demo-api",
    async configureServer(server) {
      await mount(server.middlewares, server.config.logger, (stop) => server.httpServer?.once("close", stop));
    },
    async configurePreviewServer(server) {
      await mount(server.middlewares, server.config.logger, (stop) => server.httpServer.once("close", stop));
    },
  };
}
