import { CONTACT_BATCH_VERSION, DEFAULT_MAX_BATCH_SIZE, type ContactBatchResult } from "./contactBatchWire.js";
import { FlowIQError } from "./FlowIQError.js";
import { isDevelopment } from "./env.js";
import { apiUrl, callApi, isNotFound, statusError, type ApiAnswer } from "./getContact.js";
import { parseContact } from "./parseContact.js";
import type { RequestLimiter } from "./requestLimiter.js";
import { clampRetryAfterMs, parseRetryAfter } from "./retryPolicy.js";
import type { Contact, FlowIQConfig, NormalizedLookup } from "./types.js";

/**
 * The client's `batch` setting in its object form.
 * @example createFlowIQClient({ tenantId: "acme", baseUrl: "/api/flowiq", batch: { maxSize: 25, windowMs: 20 } })
 */
export type ContactBatchOptions = {
  /**
   * Distinct contacts per request; a window that fills up is sent at once.
   * Keep it at or below the route handler's `maxBatchSize`.
   * @default 50
   */
  maxSize?: number;
  /**
   * Milliseconds to collect contacts, from the first one asked for, before the batch is sent.
   * @default 10
   */
  windowMs?: number;
};

/** Kept by the client: a server without `/contacts` is found out (and warned about) once. */
export type ContactBatchState = { fallback?: boolean };

export type ContactBatcher = {
  /** One contact, through the next batch; rejects with the signal's reason when the signal aborts. */
  load(lookup: NormalizedLookup, signal?: AbortSignal): Promise<Contact | null>;
};

type Outcome = { value: Contact | null } | { error: unknown };
type Caller = (outcome: Outcome) => void;
type Batch = { entries: Entry[]; controller: AbortController };
/** One distinct contact: every caller waiting for it, and where it is on its way. */
type Entry = { lookup: NormalizedLookup; callers: Set<Caller>; batch?: Batch; single?: AbortController };
/** One contact as a single request (the client's, which shares one request per contact in flight). */
export type FetchOne = (lookup: NormalizedLookup, signal?: AbortSignal) => Promise<Contact | null>;

const DEFAULT_WINDOW_MS = 10;

/**
 * Collects the contacts asked for within `windowMs` and fetches them from
 * `{baseUrl}/contacts` in one request per `maxSize`, under `limiter`. Each contact settles on its own: found, `null`, or its own
 * `FlowIQError`; a failure of the whole request is every contact's error.
 * A server that answers 404 or 405 there turns `state.fallback` on, and from
 * then on every contact is a single request.
 */
export function createContactBatcher(
  config: FlowIQConfig,
  limiter: RequestLimiter,
  options: ContactBatchOptions,
  state: ContactBatchState,
  fetchOne: FetchOne,
): ContactBatcher {
  const { maxSize, windowMs } = options;
  const size = maxSize !== undefined && maxSize >= 1 ? Math.floor(maxSize) : DEFAULT_MAX_BATCH_SIZE;
  const wait = windowMs !== undefined && windowMs >= 0 ? windowMs : DEFAULT_WINDOW_MS;
  const entries = new Map<string, Entry>();
  let queue: Entry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const forget = (entry: Entry) => {
    if (entries.get(entry.lookup.digits) === entry) entries.delete(entry.lookup.digits);
  };

  const settle = (entry: Entry, outcome: Outcome) => {
    forget(entry);
    for (const caller of entry.callers) caller(outcome);
    entry.callers.clear();
  };

  /** The last caller of a contact went away (its card unmounted). */
  const abandon = (entry: Entry) => {
    if (entry.single) {
      forget(entry);
      entry.single.abort();
    } else if (!entry.batch) {
      // Not sent yet: it leaves the window, and an empty window is never sent.
      forget(entry);
      queue = queue.filter((queued) => queued !== entry);
      if (queue.length === 0) {
        clearTimeout(timer);
        timer = undefined;
      }
    } else if (entry.batch.entries.every((member) => member.callers.size === 0)) {
      // Nobody is left for any contact of this batch: it is never sent, or its request is cancelled.
      entry.batch.entries.forEach(forget);
      entry.batch.controller.abort();
    }
  };

  const single = (entry: Entry) => {
    entry.single = new AbortController();
    fetchOne(entry.lookup, entry.single.signal).then(
      (value) => settle(entry, { value }),
      (error: unknown) => settle(entry, { error }),
    );
  };

  const fallBack = (members: Entry[], answer: ApiAnswer) => {
    if (!state.fallback && isDevelopment()) {
      console.warn(
        `[@flowiq/react] batch is on, but ${apiUrl(config, "contacts").pathname} answered ${answer.response.status}, ` +
          "so contacts are fetched one request each. Serve /contacts with createContactRouteHandler " +
          "(mount it once at app/api/flowiq/[...path]/route.ts), or turn batch off.",
      );
    }
    state.fallback = true;
    members.forEach(single);
  };

  const answer = (entry: Entry, result: ContactBatchResult | undefined, key: string | undefined) => {
    try {
      if (!result) {
        throw new FlowIQError("invalid_response", "The proxy's batch answer has no result for this contact.", { status: 200 });
      }
      const { status, retryAfterMs: wait } = result;
      let value: Contact | null;
      if (status === 200) value = parseContact(result.contact, 200);
      else if (isNotFound(status, result)) value = null;
      else throw statusError(status, result, key, clampRetryAfterMs(wait));
      settle(entry, { value });
    } catch (error) {
      settle(entry, { error });
    }
  };

  const send = async (batch: Batch) => {
    let answered: ApiAnswer | undefined;
    try {
      answered = await limiter.run(() => {
        // The batch leaves now: contacts nobody waits for any more stay behind.
        batch.entries = batch.entries.filter((entry) => entry.callers.size > 0 || (forget(entry), false));
        if (state.fallback) return Promise.resolve(undefined);
        const url = apiUrl(config, "contacts");
        for (const { lookup } of batch.entries) url.searchParams.append(lookup.param, lookup.digits);
        return callApi(config, url, batch.controller.signal);
      }, batch.controller.signal);
    } catch (error) {
      // The request failed as a whole (network, timeout, or every caller gone): each contact hears it.
      batch.entries.forEach((entry) => settle(entry, { error }));
      return;
    }
    if (!answered) return batch.entries.forEach(single);
    const { response, body, key } = answered;
    const { status } = response;
    if (status === 404 || status === 405) return fallBack(batch.entries, answered);
    let whole: FlowIQError | undefined;
    const { version, results } = (body ?? {}) as { version?: unknown; results?: unknown };
    if (status !== 200) {
      whole = statusError(status, body, key, parseRetryAfter(response.headers.get("retry-after")));
    } else if (!Array.isArray(results) || (version !== undefined && version !== CONTACT_BATCH_VERSION)) {
      whole = new FlowIQError(
        "invalid_response",
        version !== undefined && version !== CONTACT_BATCH_VERSION
          ? `The proxy speaks batch format ${String(version)}, this client ${CONTACT_BATCH_VERSION}: use the same @flowiq/react version on both.`
          : "The proxy's batch answer is not { results: [...] }; check baseUrl.",
        { status },
      );
    }
    if (whole) return batch.entries.forEach((entry) => settle(entry, { error: whole }));
    const byDigits = new Map<string, ContactBatchResult>();
    for (const result of results as unknown[]) {
      const digits = (result as { lookup?: { digits?: unknown } } | null)?.lookup?.digits;
      if (typeof digits === "string" && !byDigits.has(digits)) byDigits.set(digits, result as ContactBatchResult);
    }
    for (const entry of batch.entries) answer(entry, byDigits.get(entry.lookup.digits), key);
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const taken = queue;
    queue = [];
    for (let start = 0; start < taken.length; start += size) {
      const batch: Batch = { entries: taken.slice(start, start + size), controller: new AbortController() };
      for (const entry of batch.entries) entry.batch = batch;
      void send(batch);
    }
  };

  return {
    load(lookup, signal) {
      if (state.fallback) return fetchOne(lookup, signal);
      return new Promise<Contact | null>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        let entry = entries.get(lookup.digits);
        const isNew = !entry;
        if (!entry) entries.set(lookup.digits, (entry = { lookup, callers: new Set() }));
        const joined = entry;
        const onAbort = () => {
          joined.callers.delete(caller);
          reject(signal?.reason);
          if (joined.callers.size === 0) abandon(joined);
        };
        const caller: Caller = (outcome) => {
          signal?.removeEventListener("abort", onAbort);
          if ("error" in outcome) reject(outcome.error);
          else resolve(outcome.value);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        joined.callers.add(caller);
        if (!isNew) return;
        if (queue.push(joined) >= size) flush();
        else timer ??= setTimeout(flush, wait);
      });
    },
  };
}
