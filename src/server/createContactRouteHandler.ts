import { DEFAULT_MAX_BATCH_SIZE, readBatchLookups } from "../core/contactBatchWire.js";
import { FlowIQError, isFlowIQError } from "../core/FlowIQError.js";
import { requestContact } from "../core/getContact.js";
import { normalizeLookup } from "../core/normalizeLookup.js";
import { createRequestLimiter } from "../core/requestLimiter.js";
import type { FlowIQConfig, NormalizedLookup } from "../core/types.js";
import { answerContactBatch, type LookupAnswer } from "../core/answerContactBatch.js";
import { notFoundBody } from "../core/contactBatchWire.js";
import {
  ALLOWED_METHODS,
  NOT_FOUND,
  SESSION_REFUSED,
  invalidLookupMessage,
  mapUpstreamError,
  proxyResponse,
  routeKind,
} from "./contactRouteResponses.js";
import { createCallerLimit, type CallerLimitOptions } from "./callerLimit.js";
import { createErrorReporter } from "./reportUpstreamError.js";
import { startDeadline } from "./requestDeadline.js";
import { createServerTiming } from "./serverTiming.js";
import { createTeamLookup, type ContactCacheOptions } from "./teamLookup.js";

/**
 * Options of `createContactRouteHandler`: the tenant, the API key, who may look contacts up,
 * and the proxy's timeout, limits, cache and error reporting.
 * @example createContactRouteHandler({ tenantId: "acme", apiKey: () => process.env.FLOWIQ_API_KEY!, authorize: async (request) => (await getSession(request)) !== null })
 */
export type ContactRouteHandlerOptions = {
  /** The tenant every lookup is made for. Any `tenantId` the browser sends is ignored. */
  tenantId: string;
  /**
   * The FlowIQ API key, or a function returning it (called once per upstream
   * request, so a rotated secret is picked up). Read on the server only.
   */
  apiKey: string | (() => string | Promise<string>);
  /**
   * Decides who may look contacts up, usually by checking the app's own
   * session. Only `true` lets the request through; anything else, or a throw,
   * is a 401 with no upstream call. Required: a proxy open to anyone is written
   * `authorize: () => true`, on purpose.
   * @example authorize: async (request) => (await getSession(request)) !== null
   */
  authorize: (request: Request) => boolean | Promise<boolean>;
  /**
   * The FlowIQ API root; must be absolute on the server.
   * @default "https://api.flowiq.live"
   */
  baseUrl?: string;
  /** The fetch used for upstream calls; resolved per request. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Extra headers for the upstream request. `Authorization` is always made from `apiKey`. A name or
   * value no request can carry is a `config` error when the handler is made.
   */
  headers?: Record<string, string>;
  /**
   * Milliseconds before an upstream call gives up with a 504. Below the
   * browser's own 10 s, so the browser hears the proxy's answer instead of
   * timing out itself.
   * @default 8000
   */
  timeoutMs?: number;
  /** Upstream requests in flight at once from this handler (per server process), batches included. @default 6 */
  maxConcurrentRequests?: number;
  /**
   * The most distinct lookups one batch (`GET {mount}/contacts`) may hold; a
   * larger batch is answered 400 with no upstream call. Keep the provider's
   * `batch.maxSize` at or below it.
   * @default 50
   */
  maxBatchSize?: number;
  /**
   * Called with upstream failures, for the app's logs; the browser only ever
   * sees a generic message. Never handed the key: an error whose message or
   * cause (a `Headers`, a `Request`, a wrapper's error) holds any run of it
   * arrives as a copy without the cause. A throw or a rejected promise from it
   * is ignored. A single lookup reports its failure; a batch reports each
   * failed upstream call, and the contacts its deadline cut as one `timeout`.
   */
  onError?: (error: FlowIQError, request: Request) => void | Promise<void>;
  /**
   * Keeps answers (found and not found, never errors) for `ttlMs`: in a
   * bounded in-memory LRU per process, or in `store` (Keyv-shaped, e.g.
   * Redis) shared by every instance. Off when not given; identical lookups in
   * flight are one upstream call either way. See README, "Running several instances".
   * @example cache: { ttlMs: 60_000, store: new Keyv(new KeyvRedis(process.env.REDIS_URL)) }
   */
  cache?: ContactCacheOptions;
  /**
   * A budget of contacts per caller and window (a batch of 50 counts 50);
   * past it, 429 with `Retry-After` and no upstream call. Counted in
   * `cache.store` when there is one.
   * @example callerLimit: { lookups: 600, perMs: 60_000, callerId: (request) => userIdOf(request) }
   */
  callerLimit?: CallerLimitOptions;
};

/**
 * A Fetch-API route handler, as `export const GET = …` in
 * `app/api/flowiq/[...path]/route.ts` (serves `/contact` and `/contacts`) or
 * `app/api/flowiq/contact/route.ts` (single lookups only).
 * @example export const GET: ContactRouteHandler = createContactRouteHandler({ tenantId: "acme", apiKey, authorize });
 */
export type ContactRouteHandler = (request: Request) => Promise<Response>;

const DEFAULT_PROXY_TIMEOUT_MS = 8000;

function configError(message: string): FlowIQError {
  return new FlowIQError("config", `createContactRouteHandler: ${message}`);
}

function checkOptions(options: ContactRouteHandlerOptions | undefined): ContactRouteHandlerOptions {
  if (typeof options !== "object" || options === null) {
    throw configError("pass { tenantId, apiKey, authorize }.");
  }
  const { tenantId, apiKey, authorize, baseUrl, maxBatchSize } = options;
  if (typeof tenantId !== "string" || tenantId.trim() === "") {
    throw configError("tenantId (your tenant slug) is required; the proxy always looks contacts up for this tenant.");
  }
  const keyGiven = typeof apiKey === "function" || (typeof apiKey === "string" && apiKey.trim() !== "");
  if (!keyGiven) {
    throw configError("apiKey is required (a non-empty string or a function returning one), e.g. process.env.FLOWIQ_API_KEY.");
  }
  if (typeof authorize !== "function") {
    throw configError(
      "authorize(request) is required: return true when the caller may look contacts up (check your own session). " +
        "To open the proxy to anyone, write authorize: () => true on purpose.",
    );
  }
  checkTeamOptions(options);
  if (options.headers !== undefined) {
    try {
      new Headers(options.headers);
    } catch {
      // Neither names nor values are echoed: a header may hold a secret of its own.
      throw configError('headers must be valid HTTP header names and values, e.g. { "X-App": "crm" }.');
    }
  }
  if (maxBatchSize !== undefined && !(Number.isInteger(maxBatchSize) && maxBatchSize >= 1)) {
    throw configError(`maxBatchSize must be a whole number of at least 1, got ${JSON.stringify(maxBatchSize)}.`);
  }
  if (baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      throw configError(`baseUrl must be an absolute http(s) URL on the server, got ${JSON.stringify(baseUrl)}.`);
    }
  }
  return options;
}

function checkTeamOptions({ cache, callerLimit }: ContactRouteHandlerOptions): void {
  if (cache !== undefined) {
    if (typeof cache !== "object" || cache === null || !(Number.isFinite(cache.ttlMs) && cache.ttlMs > 0)) {
      throw configError(`cache.ttlMs must be a positive number of milliseconds, got ${JSON.stringify(cache?.ttlMs)}.`);
    }
    const { store } = cache;
    if (store !== undefined && !(store && ["get", "set", "delete"].every((name) => typeof (store as Record<string, unknown>)[name] === "function"))) {
      throw configError("cache.store must be Keyv-shaped: get(key), set(key, value, ttlMs) and delete(key), e.g. new Keyv(new KeyvRedis(url)).");
    }
  }
  if (callerLimit !== undefined) {
    const { lookups, perMs, callerId } = callerLimit ?? {};
    if (!(Number.isInteger(lookups) && lookups >= 1) || !(Number.isFinite(perMs) && perMs >= 1) || typeof callerId !== "function") {
      throw configError("callerLimit needs { lookups: a whole number ≥ 1, perMs: milliseconds ≥ 1, callerId(request) }.");
    }
  }
}

async function isAuthorized(authorize: ContactRouteHandlerOptions["authorize"], request: Request): Promise<boolean> {
  try {
    // Fail closed: a forgotten `return` (undefined) or a truthy non-boolean is not consent.
    return (await authorize(request)) === true;
  } catch {
    return false;
  }
}

/** Reads exactly one lookup from the query string; a repeated or doubled parameter is ambiguous. */
function lookupFromQuery(params: URLSearchParams): NormalizedLookup {
  const phones = params.getAll("phone_number");
  const whatsappIds = params.getAll("whatsapp_id");
  if (phones.length + whatsappIds.length !== 1) {
    throw new FlowIQError("invalid_lookup", "Give exactly one phone_number or whatsapp_id query parameter.");
  }
  try {
    return normalizeLookup(phones[0] !== undefined ? { phoneNumber: phones[0] } : { whatsappId: whatsappIds[0] as string });
  } catch {
    throw new FlowIQError("invalid_lookup", invalidLookupMessage(phones[0] !== undefined ? "phone_number" : "whatsapp_id"));
  }
}

/**
 * Makes a key-safe proxy: the browser calls your own route
 * (`baseUrl="/api/flowiq"` on the provider, no key), and the route adds the
 * key and your tenant on the server. `GET {mount}/contact` answers one lookup
 * in the API's own shapes; `GET {mount}/contacts` answers a batch (the
 * provider's `batch`), authorised once, one upstream call per distinct
 * contact. Answers 405 to methods other than GET (and HEAD, which never calls
 * the API), 404 to a path whose last segment is not exactly `contact` or
 * `contacts`, 401 (`session_refused`) when `authorize` refuses, 400 for a
 * single request without exactly one valid lookup or a batch with none or more
 * than `maxBatchSize`, and makes upstream failures safe to show, within about
 * `timeoutMs` of the request's arrival (see README, "Next.js" and "Batching").
 * @example export const GET = createContactRouteHandler({ tenantId: "acme", apiKey: process.env.FLOWIQ_API_KEY!, authorize: isSignedIn })
 */
export function createContactRouteHandler(options: ContactRouteHandlerOptions): ContactRouteHandler {
  const { tenantId, apiKey, authorize, baseUrl, fetch, headers, timeoutMs, maxConcurrentRequests, maxBatchSize, onError, cache, callerLimit } =
    checkOptions(options);
  // One cap for every request through this handler, so a burst of visitors cannot trip the API's rate limit.
  const limiter = createRequestLimiter(maxConcurrentRequests);
  // The last key a function gave, so a later failure of that function is still reported key-safe.
  let knownKey = typeof apiKey === "string" ? apiKey : undefined;
  const upstreamTimeoutMs = timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  const team = createTeamLookup({ tenantId, cache, timeoutMs: upstreamTimeoutMs });
  const limit = callerLimit && createCallerLimit(callerLimit, { tenantKey: team.tenantKey, store: team.store });

  return async function handleContactRequest(request: Request): Promise<Response> {
    // Started at arrival: authorize, the queue and the upstream call all count against timeoutMs.
    const deadline = startDeadline(upstreamTimeoutMs, request.signal);
    try {
      return await answer(request, deadline);
    } finally {
      deadline.clear();
    }
  };

  async function answer(request: Request, deadline: ReturnType<typeof startDeadline>): Promise<Response> {
    // The key this request's upstream calls use (from a function, once it has resolved).
    let key = knownKey;
    const timing = createServerTiming(team.cacheOn);
    // A coalesced answer may come from another request's upstream call, made with a key this request
    // never resolved (it joined before any was known, or while the key rotated): the reply is
    // redacted against the latest key seen too, read when it is sent.
    const reply = (status: number, body: Parameters<typeof proxyResponse>[2], extra?: Record<string, string>) =>
      proxyResponse(request, status, body, [key, knownKey], { ...extra, "Server-Timing": timing.header() });

    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") {
      return reply(405, { error: "Method not allowed", message: "This route only answers GET." }, { Allow: ALLOWED_METHODS });
    }
    const { pathname, searchParams: params } = new URL(request.url);
    const kind = routeKind(pathname);
    if (!kind) return reply(404, NOT_FOUND);
    if (!(await isAuthorized(authorize, request))) return reply(401, SESSION_REFUSED);
    // HEAD says whether the route and the session are fine; it never spends an upstream call.
    if (method === "HEAD") return reply(200, { error: "", message: "" }); // headers only: proxyResponse sends no body

    // The tenant is always ours; the browser's tenantId (and every other parameter) is dropped here.
    const config: FlowIQConfig = {
      tenantId,
      apiKey:
        typeof apiKey === "string"
          ? apiKey
          : async () => {
              const resolved = await apiKey();
              // Remembered so the reply can be redacted against a key that came from a function too.
              if (typeof resolved === "string") key = knownKey = resolved;
              return resolved;
            },
      timeoutMs: upstreamTimeoutMs,
    };
    if (baseUrl !== undefined) config.baseUrl = baseUrl;
    if (fetch !== undefined) config.fetch = fetch;
    if (headers !== undefined) config.headers = headers;

    const batchDeadlineMs = deadline.remainingMs();
    const reporter = createErrorReporter(onError, request, () => key ?? knownKey, kind === "batch" ? { deadlineMs: upstreamTimeoutMs } : undefined);

    /** One upstream call, as the browser may hear about it. */
    const lookUp = async (lookup: NormalizedLookup, signal: AbortSignal): Promise<LookupAnswer> => {
      try {
        const contact = await requestContact(config, limiter, lookup, signal);
        return contact === null ? { status: 404, body: notFoundBody(lookup) } : { status: 200, body: { success: true, contact } };
      } catch (error) {
        // Only the visitor going away (request.signal) lands here: the flight was cancelled because
        // every request waiting on it left, and nobody joins a cancelled flight.
        if (!isFlowIQError(error)) throw error;
        // A cut by a waiter's own deadline is reported by that waiter (the team lookup), once.
        if (!(signal.aborted && error === signal.reason)) reporter.report(error);
        return { ...mapUpstreamError(error), retryAfterMs: error.retryAfterMs };
      }
    };

    const report = (error: FlowIQError) => reporter.report(error);
    if (limit) {
      const batchMax = maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
      const asked = kind === "batch" ? readBatchLookups(params, batchMax).length : 1;
      // An empty or oversized batch is refused below with no upstream call, so it costs nothing here.
      const waitMs = asked >= 1 && asked <= batchMax ? await limit.take(request, asked, report) : 0;
      if (waitMs > 0) {
        const seconds = Math.min(3600, Math.max(1, Math.ceil(waitMs / 1000)));
        return reply(
          429,
          { error: "Too many requests", message: `This caller has asked for too many contacts; try again in ${seconds} s.` },
          { "Retry-After": String(seconds) },
        );
      }
    }
    const lookUpForTeam = (lookup: NormalizedLookup, signal: AbortSignal) => team.lookUp(lookup, signal, lookUp, timing, report);
    if (kind === "batch") {
      const { status, body } = await answerContactBatch(params, {
        maxBatchSize: maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
        deadlineMs: batchDeadlineMs,
        signal: deadline.signal,
        lookUp: lookUpForTeam,
      });
      reporter.flush();
      return reply(status, body);
    }

    let lookup: NormalizedLookup;
    try {
      lookup = lookupFromQuery(params);
    } catch (error) {
      const message = isFlowIQError(error) ? error.message : "Give exactly one phone_number or whatsapp_id.";
      return reply(400, { error: "Bad request", message });
    }
    const { status, body, headers: extra } = await lookUpForTeam(lookup, deadline.signal);
    return reply(status, body, extra);
  }
}
