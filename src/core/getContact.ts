import { FlowIQError } from "./FlowIQError.js";
import { normalizeLookup } from "./normalizeLookup.js";
import { parseContactResponse } from "./parseContact.js";
import { requestLimiterFor } from "./requestLimiter.js";
import { parseRetryAfter } from "./retryPolicy.js";
import {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type Contact,
  type ContactLookup,
  type FlowIQConfig,
  type NormalizedLookup,
} from "./types.js";

export type GetContactOptions = {
  /** Cancels the request (react-query passes its own). */
  signal?: AbortSignal;
};

/** Throws `config` unless the tenant is a non-empty string. */
export function assertTenant(config: FlowIQConfig | undefined): string {
  const tenantId = config?.tenantId;
  if (typeof tenantId !== "string" || tenantId.trim() === "") {
    throw new FlowIQError("config", "FlowIQ needs a tenantId (your tenant slug); none was given, so no request was made.");
  }
  return tenantId;
}

/** Builds the request URL; every value goes through URLSearchParams, so none can add a parameter. */
export function buildContactUrl(config: FlowIQConfig, lookup: NormalizedLookup): URL {
  const tenantId = assertTenant(config);
  const base = (config.baseUrl ?? DEFAULT_BASE_URL).trim().replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(`${base}/contact`);
  } catch {
    const page = typeof location !== "undefined" ? location.href : undefined;
    if (!page) {
      throw new FlowIQError(
        "config",
        `baseUrl ${JSON.stringify(base)} is relative, and there is no page to resolve it against; use an absolute URL on the server.`,
      );
    }
    try {
      url = new URL(`${base}/contact`, page);
    } catch {
      throw new FlowIQError("config", `baseUrl ${JSON.stringify(base)} is not a valid URL.`);
    }
  }
  url.search = "";
  url.searchParams.set("tenantId", tenantId);
  url.searchParams.set(lookup.param, lookup.digits);
  return url;
}

/** Removes the key from any text that came back from elsewhere (an API message, a proxy's page). */
export function redact(text: string, key: string | undefined): string {
  if (!key || key.length < 4) return text;
  return text.split(key).join("[redacted]");
}

async function resolveKey(config: FlowIQConfig): Promise<string | undefined> {
  const { apiKey } = config;
  if (apiKey === undefined) return undefined;
  let key: unknown;
  try {
    key = typeof apiKey === "function" ? await apiKey() : apiKey;
  } catch (cause) {
    throw new FlowIQError("config", "The apiKey function failed, so no request was made.", { cause });
  }
  if (typeof key !== "string" || key.trim() === "") {
    throw new FlowIQError("config", "apiKey must be a non-empty string (or a function returning one); no request was made.");
  }
  return key;
}

/** One signal that aborts when the caller's does or when the timeout passes. */
function linkSignals(caller: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(caller?.reason);
  if (caller) {
    if (caller.aborted) controller.abort(caller.reason);
    else caller.addEventListener("abort", onAbort, { once: true });
  }
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException("The request timed out.", "TimeoutError"));
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function apiMessage(body: unknown, key: string | undefined): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { message, error } = body as { message?: unknown; error?: unknown };
  const text = typeof message === "string" && message.trim() ? message : typeof error === "string" && error.trim() ? error : undefined;
  return text === undefined ? undefined : redact(text.slice(0, 500), key);
}

function errorForStatus(response: Response, body: unknown, key: string | undefined): FlowIQError {
  const { status } = response;
  const said = apiMessage(body, key);
  const message = (fallback: string) => said ?? fallback;
  if (status === 401) return new FlowIQError("unauthorized", message("The API key was refused (401)."), { status });
  if (status === 403) return new FlowIQError("forbidden", message("This key may not read contacts of this tenant (403)."), { status });
  if (status === 408) return new FlowIQError("timeout", message("The API timed out (408)."), { status });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    return new FlowIQError("rate_limited", message("Too many requests (429)."), {
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) return new FlowIQError("server", message(`The API failed (${status}).`), { status });
  if (status === 400 || status === 422) {
    return new FlowIQError("invalid_lookup", message(`The API rejected the lookup (${status}).`), { status });
  }
  if (status === 404) {
    return new FlowIQError(
      "invalid_response",
      "Got a 404 that is not the FlowIQ API's answer; check baseUrl (it should point at the API or your proxy route).",
      { status },
    );
  }
  return new FlowIQError("invalid_response", message(`Unexpected status ${status} from the API.`), { status });
}

async function request(
  config: FlowIQConfig,
  lookup: NormalizedLookup,
  signal: AbortSignal | undefined,
): Promise<Contact | null> {
  const url = buildContactUrl(config, lookup);
  const key = await resolveKey(config);
  const headers = new Headers({ Accept: "application/json" });
  for (const [name, value] of Object.entries(config.headers ?? {})) headers.set(name, value);
  if (key !== undefined) headers.set("Authorization", `Bearer ${key}`);

  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const linked = linkSignals(signal, timeoutMs);
  try {
    let response: Response;
    let text: string;
    try {
      const init: RequestInit = { method: "GET", headers, signal: linked.signal };
      // Resolved now, not at import, so MSW or a wrapper installed later still applies.
      response = config.fetch ? await config.fetch(url.href, init) : await globalThis.fetch(url.href, init);
      text = await response.text();
    } catch (cause) {
      if (linked.timedOut()) {
        throw new FlowIQError("timeout", `No answer from the FlowIQ API within ${timeoutMs} ms.`);
      }
      if (signal?.aborted) throw signal.reason ?? cause;
      throw new FlowIQError("network", "Could not reach the FlowIQ API (network error).", { cause: scrub(cause, key) });
    }
    const body = tryJson(text);
    if (response.status === 200) {
      if (body === undefined) {
        throw new FlowIQError("invalid_response", "The API's answer is not JSON; check baseUrl.", { status: 200 });
      }
      return parseContactResponse(body, 200);
    }
    if (response.status === 404 && typeof body === "object" && body !== null && !Array.isArray(body)) {
      const { error } = body as { error?: unknown };
      if (typeof error === "string") return null;
    }
    throw errorForStatus(response, body, key);
  } finally {
    linked.dispose();
  }
}

/** Drops a cause whose text holds the key, so no thrown value carries it. */
function scrub(cause: unknown, key: string | undefined): unknown {
  if (!key) return cause;
  const text = cause instanceof Error ? `${cause.message}\n${cause.stack ?? ""}` : String(cause);
  return text.includes(key) ? undefined : cause;
}

/**
 * Fetches one contact. Resolves to `null` when the API answers its documented
 * 404 (no contact with that number); throws `FlowIQError` for everything else
 * that is not a contact.
 * @example const contact = await getContact({ tenantId: "acme", apiKey }, { phoneNumber: "+27 12 345 6789" });
 */
export async function getContact(
  config: FlowIQConfig,
  lookup: ContactLookup,
  options: GetContactOptions = {},
): Promise<Contact | null> {
  assertTenant(config);
  const normalized = normalizeLookup(lookup);
  return requestLimiterFor(config).run(() => request(config, normalized, options.signal), options.signal);
}
