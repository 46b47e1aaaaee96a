import type { ContactBatcher, ContactBatchOptions, ContactBatchState } from "./contactBatcher.js";
import { assertTenant, requestContact } from "./getContact.js";
import { normalizeLookup } from "./normalizeLookup.js";
import { createRequestLimiter, type RequestLimiter } from "./requestLimiter.js";
import type { Contact, ContactLookup, FlowIQConfig, NormalizedLookup } from "./types.js";

/**
 * What `createFlowIQClient` takes: the connection settings, and whether to batch.
 * @example const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq" });
 */
export type FlowIQClientConfig = FlowIQConfig & {
  /**
   * Fetch the contacts asked for within `windowMs` together, one request per
   * `maxSize` distinct contacts, from `{baseUrl}/contacts` (served by
   * `createContactRouteHandler`). `true` means `{ maxSize: 50, windowMs: 10 }`.
   * Each contact keeps its own cache entry, outcome and retries. A server
   * without `/contacts` (404 or 405) gets one request per contact instead,
   * with one development warning.
   * @default true without an `apiKey` (the app's own proxy), else false
   * @example createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq", batch: { windowMs: 20 } })
   */
  batch?: boolean | ContactBatchOptions;
};

/**
 * Options of one read through a client.
 * @example await flowiq.fetchContact(lookup, { signal: controller.signal })
 */
export type FetchContactOptions = {
  /** Cancels this caller's wait (react-query passes its own); the request stops once nobody waits for it. */
  signal?: AbortSignal;
};

/**
 * One FlowIQ connection: its settings, one request cap, one batcher. Every
 * read made through it (hooks, `contactQueryOptions`, loaders, server
 * prefetching, `getContact`) shares them, and concurrent reads of one contact
 * share one request.
 * @example const contact = await getContact(flowiq, { whatsappId: "27825550101" });
 */
export type FlowIQClient = {
  /** The settings it was made with (a frozen copy). */
  readonly config: Readonly<FlowIQClientConfig>;
  /** `config.tenantId` (`""` when that is not a string; every read then fails with code `config`). */
  readonly tenantId: string;
  /** Whether its reads go through `{baseUrl}/contacts` in batches. */
  readonly batching: boolean;
  /**
   * One contact: the contact, `null` when the API has none with that number,
   * or a `FlowIQError`.
   * @example const contact = await client.fetchContact({ phoneNumber: "+27 82 555 0101" });
   */
  fetchContact(lookup: ContactLookup, options?: FetchContactOptions): Promise<Contact | null>;
};

/** The batch setting in effect: on behind a proxy (no apiKey) unless `false`; with a key, only when asked for. */
function batchOptionsOf({ batch, apiKey }: FlowIQClientConfig): ContactBatchOptions | undefined {
  if (batch === false || (batch === undefined && apiKey !== undefined)) return undefined;
  return typeof batch === "object" && batch !== null ? batch : {};
}

type Shared = { promise: Promise<Contact | null>; controller: AbortController; waiting: number };

/**
 * Makes the client that owns a FlowIQ connection. Make it once (module scope
 * in a browser app; once per server, or per request, on a server) and hand it
 * to `<FlowIQProvider client={client}>`, `contactQueryOptions`, `prefetchContact`
 * and `getContact`: they then share its request cap and its batches.
 * @example export const flowiq = createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq" });
 */
export function createFlowIQClient(config: FlowIQClientConfig): FlowIQClient {
  const settings: Readonly<FlowIQClientConfig> = Object.freeze({
    ...config,
    ...(config?.headers ? { headers: Object.freeze({ ...config.headers }) } : {}),
  });
  const limiter: RequestLimiter = createRequestLimiter(settings.maxConcurrentRequests);
  const batchOptions = batchOptionsOf(settings);
  // Whether the server has no /contacts: found out (and warned about) once per client.
  const batchState: ContactBatchState = {};
  const inFlight = new Map<string, Shared>();
  let batcher: Promise<ContactBatcher> | undefined;

  /** One request per contact in flight, however many wait for it; it stops when the last one gives up. */
  const single = (lookup: NormalizedLookup, signal?: AbortSignal): Promise<Contact | null> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let shared = inFlight.get(lookup.digits);
    if (!shared) {
      const controller = new AbortController();
      const entry: Shared = { promise: requestContact(settings, limiter, lookup, controller.signal), controller, waiting: 0 };
      const done = () => {
        if (inFlight.get(lookup.digits) === entry) inFlight.delete(lookup.digits);
      };
      entry.promise.then(done, done);
      inFlight.set(lookup.digits, (shared = entry));
    }
    const joined = shared;
    joined.waiting++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        reject(signal?.reason);
        if (--joined.waiting === 0) {
          if (inFlight.get(lookup.digits) === joined) inFlight.delete(lookup.digits);
          joined.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      joined.promise.then(
        (value) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  };

  return {
    config: settings,
    // Never undefined, so a client made with a bad config still gives keys (its reads fail with `config`).
    tenantId: typeof settings.tenantId === "string" ? settings.tenantId : "",
    batching: batchOptions !== undefined,
    async fetchContact(lookup, { signal } = {}) {
      assertTenant(settings);
      const normalized = normalizeLookup(lookup);
      if (!batchOptions) return single(normalized, signal);
      // Loaded on first use, so an app that never batches never downloads the batcher.
      // If the download fails, this contact is one request and the next read tries again.
      batcher ??= import("./contactBatcher.js").then(({ createContactBatcher }) =>
        createContactBatcher(settings, limiter, batchOptions, batchState, single),
      );
      let loaded: ContactBatcher;
      try {
        loaded = await batcher;
      } catch {
        batcher = undefined;
        return single(normalized, signal);
      }
      return loaded.load(normalized, signal);
    },
  };
}
