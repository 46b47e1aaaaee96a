import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createMswApp } from "@mswjs/http-middleware";
import type { Contact } from "../src/core/types.js";
import { contactDigits, createContactHandlers } from "../src/msw/createContactHandlers.js";
import { createContactScenarios } from "../src/msw/contactScenarios.js";
import { generateContacts } from "./contacts.js";

export { contactDigitsAt, generateContacts, LOOKUP_FORMS, lookupAt, mixedDashboard, readmeContacts, type DashboardRow } from "./contacts.js";

export type StandInRequest = {
  method: string;
  path: string;
  tenantId: string | null;
  param: "phone_number" | "whatsapp_id" | null;
  /** The asked-for number as the API compares it; `""` when there is none. */
  digits: string;
  /** It carried `Authorization: Bearer <apiKey>` (any bearer key when no apiKey is set). */
  authorized: boolean;
  /** The answer's status; 0 while it is still in flight. */
  status: number;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** Requests of the same tenant in flight when it arrived, itself included. */
  inFlight: number;
  /** Requests of any tenant in flight when it arrived, itself included. */
  inFlightAll: number;
};

export type StandInOptions = {
  /** The contacts it knows. @default generateContacts(100) */
  contacts?: Contact[];
  /** Milliseconds before each answer. @default 0 */
  delayMs?: number;
  /** @default 0 (a free port); always binds 127.0.0.1 */
  port?: number;
  /** When set, only this tenant is answered (others get the API's 403). */
  tenantId?: string;
  /** When set, requests without `Authorization: Bearer <apiKey>` get the API's 401. */
  apiKey?: string;
  /** Above this many requests of one tenant in flight, the API's 429. @default no limit */
  rateLimit?: number;
};

export type StandIn = {
  /** The API root to give a provider or `getContact` as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request that reached it, in order (also `GET {url}/__requests`). */
  requests: StandInRequest[];
  /** Forgets the requests (also `DELETE {url}/__requests`). */
  reset(): void;
  close(): Promise<void>;
};

function record(request: IncomingMessage, url: URL, apiKey: string | undefined): StandInRequest {
  const params = url.searchParams;
  const param = params.has("phone_number") ? "phone_number" : params.has("whatsapp_id") ? "whatsapp_id" : null;
  const authorization = request.headers.authorization ?? "";
  return {
    method: request.method ?? "GET",
    path: url.pathname,
    tenantId: params.get("tenantId"),
    param,
    digits: param ? contactDigits(params.get(param)) : "",
    authorized: apiKey === undefined ? authorization.startsWith("Bearer ") : authorization === `Bearer ${apiKey}`,
    status: 0,
    at: Date.now(),
    inFlight: 0,
    inFlightAll: 0,
  };
}

function sendJson(response: ServerResponse, status: number, body?: unknown) {
  response.writeHead(status, { "Content-Type": "application/json" }).end(body === undefined ? undefined : JSON.stringify(body));
}

/**
 * The FlowIQ API on 127.0.0.1 for tests, examples and benchmarks: the
 * library's own MSW handlers (`createContactHandlers`) served over real HTTP,
 * with a delay, optional key / tenant / rate-limit enforcement and a log of
 * every request. Open to any origin (CORS), so a page on another port can call it.
 * @example const api = await startStandInApi({ apiKey: "k", tenantId: "acme" }); … await api.close();
 */
export async function startStandInApi(options: StandInOptions = {}): Promise<StandIn> {
  const { contacts = generateContacts(100), delayMs = 0, port = 0, tenantId, apiKey, rateLimit } = options;
  const requests: StandInRequest[] = [];
  const inFlight = new Map<string, number>();
  let inFlightAll = 0;
  // Relative handler URLs resolve against the server's own origin.
  const scenarios = createContactScenarios({ baseUrl: "" });
  const api = createMswApp(...createContactHandlers({ contacts, baseUrl: "", delayMs, apiKey }));
  const forbidden = createMswApp(...scenarios.forbidden);
  const tooMany = createMswApp(...scenarios.rateLimited);

  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (request.method === "OPTIONS") {
      response.setHeader("Access-Control-Allow-Headers", request.headers["access-control-request-headers"] ?? "*");
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === "/__requests") {
      if (request.method === "DELETE") requests.length = 0;
      sendJson(response, request.method === "DELETE" ? 204 : 200, request.method === "DELETE" ? undefined : requests);
      return;
    }
    const entry = record(request, url, apiKey);
    const tenant = entry.tenantId ?? "";
    inFlight.set(tenant, (inFlight.get(tenant) ?? 0) + 1);
    entry.inFlight = inFlight.get(tenant) ?? 1;
    entry.inFlightAll = ++inFlightAll;
    requests.push(entry);
    response.once("close", () => {
      entry.status = response.statusCode;
      inFlight.set(tenant, (inFlight.get(tenant) ?? 1) - 1);
      inFlightAll--;
    });
    // A key for one tenant asking for another: the API's 403, as contactScenarios.forbidden answers it.
    if (tenantId !== undefined && entry.authorized && entry.tenantId !== null && entry.tenantId !== tenantId) forbidden(request, response);
    else if (rateLimit !== undefined && entry.inFlight > rateLimit) tooMany(request, response);
    else api(request, response);
  });
  // Keep-alive sockets (a Next.js server's fetch) would otherwise hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    reset: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
