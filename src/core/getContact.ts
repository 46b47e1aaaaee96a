import { configError, FlowIQError, isFlowIQError, type FlowIQErrorCode } from "./FlowIQError.js";
import type { FlowIQClient } from "./FlowIQClient.js";
import { normalizeLookup } from "./normalizeLookup.js";
import { parseContactResponse } from "./parseContact.js";
import { createRequestLimiter, type RequestLimiter } from "./requestLimiter.js";
import { holdsKey, redact } from "./redact.js";
import { parseRetryAfter } from "./retryPolicy.js";
import { isRedirect, readBody, redirectError, untilAborted } from "./upstreamFetch.js";
import {
  DEFAULT_TIMEOUT_MS,
  apiRoot,
  type Contact,
  type ContactLookup,
  type FlowIQConfig,
  type NormalizedLookup,
} from "./types.js";

/**
 * Options of one `getContact` call: a signal to cancel it.
 * @example await getContact(flowiq, { phoneNumber: "+27 12 345 6789" }, { signal: AbortSignal.timeout(5000) })
 */
export type GetContactOptions = {
  /** Cancels the request (react-query passes its own). */
  signal?: AbortSignal;
};

const noRequest = (message: string, cause?: unknown) => configError(`${message}; no request was made.`, cause);

/** Throws `config` unless the tenant is a non-empty string. */
export function assertTenant(config: FlowIQConfig | undefined): string {
  const tenantId = config?.tenantId;
  if (typeof tenantId !== "string" || !tenantId.trim()) {
    throw noRequest("FlowIQ needs a tenantId (your tenant slug)");
  }
  return tenantId;
}

/** `{baseUrl}/{path}?tenantId=…`; every value goes through URLSearchParams, so none can add a parameter. */
export function apiUrl(config: FlowIQConfig, path: "contact" | "contacts"): URL {
  const tenantId = assertTenant(config);
  const base = `${apiRoot(config.baseUrl)}/${path}`;
  const page = typeof location === "undefined" ? undefined : location?.href;
  let url: URL;
  try {
    url = new URL(base, page);
  } catch {
    throw noRequest(
      page
        ? `baseUrl ${JSON.stringify(base)} is not a valid URL`
        : `baseUrl ${JSON.stringify(base)} is relative and there is no page to resolve it against: use an absolute URL on the server`,
    );
  }
  url.search = "";
  url.searchParams.set("tenantId", tenantId);
  return url;
}


async function resolveKey({ apiKey }: FlowIQConfig): Promise<string | undefined> {
  if (apiKey === undefined) return undefined;
  let key: unknown;
  try {
    key = typeof apiKey === "function" ? await apiKey() : apiKey;
  } catch (cause) {
    throw noRequest("The apiKey function failed", cause);
  }
  if (typeof key !== "string" || !key.trim()) {
    throw noRequest("apiKey must be a non-empty string, or a function returning one");
  }
  return key;
}

const STATUS_ERRORS: Record<number, [FlowIQErrorCode, string]> = {
  400: ["invalid_lookup", "The API rejected the lookup"],
  401: ["unauthorized", "The API key was refused"],
  403: ["forbidden", "This key may not read contacts of this tenant"],
  408: ["timeout", "The API timed out"],
  422: ["invalid_lookup", "The API rejected the lookup"],
  429: ["rate_limited", "Too many requests"],
};

/** Codes a proxy's error body may name, which say who refused better than its status can (never retried). */
const REFUSAL_CODES: ReadonlySet<FlowIQErrorCode> = new Set<FlowIQErrorCode>(["session_refused", "unauthorized", "forbidden"]);

/**
 * The error for a non-200, non-not-found answer (of a single request, or of
 * one contact in a batch): the same codes either way. A body `code` of
 * `session_refused`, `unauthorized` or `forbidden` (the proxy's word on who
 * refused) wins over the status.
 */
export function statusError(status: number, body: unknown, key: string | undefined, retryAfterMs?: number): FlowIQError {
  if (status === 404) {
    return new FlowIQError(
      "invalid_response",
      "Got a 404 that is not the FlowIQ API's answer; check baseUrl (it should point at the API or your proxy route).",
      { status },
    );
  }
  const { message, error, code: named } = (body ?? {}) as { message?: unknown; error?: unknown; code?: unknown };
  const [code, fallback]: [FlowIQErrorCode, string] = REFUSAL_CODES.has(named as FlowIQErrorCode)
    ? [named as FlowIQErrorCode, named === "session_refused" ? "Your session was refused" : "The API key was refused"]
    : (STATUS_ERRORS[status] ?? (status >= 500 ? ["server", "The API failed"] : ["invalid_response", "Unexpected status from the API"]));
  const said = [message, error].find((text): text is string => typeof text === "string" && !!text.trim());
  return new FlowIQError(code, said ? redact(said.slice(0, 500), key) : `${fallback} (${status}).`, {
    status,
    retryAfterMs: status === 429 ? retryAfterMs : undefined,
  });
}

/** The documented not-found: a JSON object with an `error` string. */
export const isNotFound = (status: number, body: unknown): boolean =>
  status === 404 && typeof (body as { error?: unknown } | null)?.error === "string" && !Array.isArray(body);

export type ApiAnswer = { response: Response; body: unknown; key: string | undefined };

/**
 * One GET with the key, the timeout and the caller's abort; the body comes
 * back parsed as JSON (`undefined` when it is not) and already redacted.
 */
export async function callApi(config: FlowIQConfig, url: URL, signal?: AbortSignal): Promise<ApiAnswer> {
  const key = await resolveKey(config);
  const headers = new Headers(config.headers);
  headers.set("Accept", "application/json");
  if (key !== undefined) headers.set("Authorization", `Bearer ${key}`);

  // One signal for the caller's abort and the timeout, which also covers a body that stalls.
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener("abort", onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  try {
    let response: Response;
    let text: string;
    try {
      // Never followed: a redirect could carry the key to another host or tenant, or loop.
      const init: RequestInit = { headers, signal: controller.signal, redirect: "manual" };
      // Looked up now, not at import, so MSW or a wrapper installed later still applies.
      const fetching = Promise.resolve().then(() => (config.fetch ?? globalThis.fetch)(url.href, init));
      // Raced, not trusted: a custom fetch may ignore its signal and never settle. An answer that
      // comes after the abort has its body cancelled, so nothing keeps streaming into memory.
      fetching.then((late) => controller.signal.aborted && void late.body?.cancel().catch(() => undefined), () => undefined);
      response = await untilAborted(fetching, controller.signal);
      if (isRedirect(response)) {
        void response.body?.cancel().catch(() => undefined);
        throw redirectError(response);
      }
      // A fetch need not abort a body it has already handed over (MSW, wrappers, polyfills): the
      // read is raced too, and the stream cancelled on abort.
      text = await readBody(response, controller.signal);
    } catch (cause) {
      if (isFlowIQError(cause) && cause.status !== undefined) throw cause;
      if (timedOut) throw new FlowIQError("timeout", `No answer from the FlowIQ API within ${timeoutMs} ms.`);
      if (signal?.aborted) throw signal.reason ?? cause;
      // A cause that holds the key anywhere (text, properties, headers, its own causes) is dropped.
      throw new FlowIQError("network", "Could not reach the FlowIQ API (network error).", {
        cause: key && holdsKey(cause, key) ? undefined : cause,
      });
    }
    let body: unknown;
    try {
      // Redacted before anything reads it: an API that echoes the key (in a message, or even in
      // contact data) must not put it into an error, the cache or the page.
      body = JSON.parse(redact(text, key));
    } catch {
      body = undefined;
    }
    return { response, body, key };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

async function request(config: FlowIQConfig, lookup: NormalizedLookup, signal?: AbortSignal): Promise<Contact | null> {
  const url = apiUrl(config, "contact");
  url.searchParams.set(lookup.param, lookup.digits);
  const { response, body, key } = await callApi(config, url, signal);
  if (response.status === 200) {
    if (body === undefined) {
      throw new FlowIQError("invalid_response", "The API's answer is not JSON; check baseUrl.", { status: 200 });
    }
    return parseContactResponse(body, 200);
  }
  if (isNotFound(response.status, body)) return null;
  throw statusError(response.status, body, key, parseRetryAfter(response.headers.get("retry-after")));
}

/**
 * Fetches one contact. Resolves to `null` when the API answers its documented
 * 404 (no contact with that number); throws `FlowIQError` for everything else
 * that is not a contact. Given a client, the read shares its request cap, its
 * batches and any read of the same contact in flight; given a plain config, it
 * is a one-off single request with a cap of its own.
 * @example const contact = await getContact(flowiq, { phoneNumber: "+27 12 345 6789" });
 */
export async function getContact(
  client: FlowIQClient | FlowIQConfig,
  lookup: ContactLookup,
  options: GetContactOptions = {},
): Promise<Contact | null> {
  if (typeof (client as Partial<FlowIQClient> | null)?.fetchContact === "function") {
    return (client as FlowIQClient).fetchContact(lookup, options);
  }
  const config = client as FlowIQConfig;
  assertTenant(config);
  return requestContact(config, createRequestLimiter(config.maxConcurrentRequests), normalizeLookup(lookup), options.signal);
}

/** One single request for a lookup already normalised, under `limiter`. */
export function requestContact(
  config: FlowIQConfig,
  limiter: RequestLimiter,
  lookup: NormalizedLookup,
  signal?: AbortSignal,
): Promise<Contact | null> {
  return limiter.run(() => request(config, lookup, signal), signal);
}
