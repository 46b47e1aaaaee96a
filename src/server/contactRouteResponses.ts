import type { FlowIQError } from "../core/FlowIQError.js";
import { redact } from "../core/redact.js";
import type { ContactBatchResponse, ErrorBody } from "../core/contactBatchWire.js";
import type { Contact, NormalizedLookup } from "../core/types.js";

/** The methods the proxy answers; Next.js routes HEAD to the GET export by itself. */
export const ALLOWED_METHODS = "GET, HEAD";

type Body = ErrorBody | { success: true; contact: Contact } | ContactBatchResponse;

/**
 * One JSON response with the headers every proxy answer carries. The body is
 * redacted against every key given (the request's own and the latest one any
 * request resolved) as a last line of defence: nothing the proxy says may ever
 * contain a key, whatever the upstream or the browser put in.
 */
export function proxyResponse(
  request: Request,
  status: number,
  body: Body,
  keys: ReadonlyArray<string | undefined>,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    // Contacts are personal data: no shared cache and no browser cache may keep them.
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ...extraHeaders,
  });
  const text = keys.reduce<string>((redacted, key) => redact(redacted, key), JSON.stringify(body));
  return new Response(request.method === "HEAD" ? null : text, { status, headers });
}

/** The 401 for a visitor `authorize` refused: their session, not the API key (`session_refused`). */
export const SESSION_REFUSED: ErrorBody = {
  error: "Unauthorized",
  code: "session_refused",
  message: "You are not allowed to look up contacts.",
};

/**
 * What a path asks for: a last segment of exactly `contact` is a single lookup (a catch-all's
 * `/contact`, or the route mounted on its own at `…/contact`), exactly `contacts` a batch;
 * anything else (`/foo`, `/CONTACTS`, `/contacts.json`) is not this route's, a 404.
 */
export function routeKind(pathname: string): "single" | "batch" | undefined {
  const last = pathname.replace(/\/+$/, "").split("/").pop();
  return last === "contact" ? "single" : last === "contacts" ? "batch" : undefined;
}

export const NOT_FOUND: ErrorBody = {
  error: "Not found",
  message: "This route answers GET {mount}/contact (one lookup) and GET {mount}/contacts (a batch) only.",
};

/**
 * Why a lookup is not one, without echoing what was sent: an echo would pass through the key's
 * redaction, and answer the key itself differently from a wrong guess.
 */
export const invalidLookupMessage = (param: NormalizedLookup["param"]) =>
  `${param} must hold 8–15 digits, optionally after + or 00 (spaces, dashes, dots and parentheses are ignored).`;

export type MappedError = { status: number; body: ErrorBody; headers?: Record<string, string> };

/**
 * What the browser hears about an upstream failure. Chosen so the browser's own
 * getContact maps it back to a sensible code: 5xx → `server` (retried),
 * 429 → `rate_limited` with the same wait, 400 → `invalid_lookup` (not retried).
 * Upstream credential failures are the server's problem, not the visitor's, so
 * they become a 502 rather than a 401 the browser would take for its own.
 */
export function mapUpstreamError(error: FlowIQError): MappedError {
  switch (error.code) {
    // session_refused comes from a proxy, never the API; from upstream it is still not this visitor's session.
    case "unauthorized":
    case "forbidden":
    case "session_refused":
      return {
        status: 502,
        body: {
          error: "Bad gateway",
          code: error.code,
          message: "The FlowIQ API refused this proxy's credentials; the server's configuration needs fixing.",
        },
      };
    case "rate_limited": {
      const headers: Record<string, string> = {};
      if (error.retryAfterMs !== undefined) headers["Retry-After"] = String(Math.ceil(error.retryAfterMs / 1000));
      return {
        status: 429,
        body: { error: "Too many requests", message: "The FlowIQ API is rate limiting this server; try again later." },
        headers,
      };
    }
    case "timeout":
      return {
        status: 504,
        body: { error: "Gateway timeout", message: "The FlowIQ API did not answer in time." },
      };
    case "server":
      return {
        status: 502,
        body: { error: "Bad gateway", message: `The FlowIQ API failed (${error.status ?? "5xx"}).` },
      };
    case "network":
      return { status: 502, body: { error: "Bad gateway", message: "Could not reach the FlowIQ API." } };
    case "invalid_lookup":
      // The API itself rejected a lookup we thought valid; its (already redacted) reason helps the caller.
      return { status: 400, body: { error: "Bad request", message: error.message } };
    case "invalid_response":
      if (error.status !== undefined && (error.status === 0 || (error.status >= 300 && error.status < 400))) {
        return {
          status: 502,
          body: { error: "Bad gateway", message: "The FlowIQ API answered with a redirect, which this proxy never follows; check its baseUrl." },
        };
      }
      return {
        status: 502,
        body: { error: "Bad gateway", message: "The FlowIQ API's answer could not be read; check the proxy's baseUrl." },
      };
    case "config":
      return {
        status: 500,
        body: { error: "Proxy misconfigured", message: "The contact proxy is not configured correctly." },
      };
  }
}
