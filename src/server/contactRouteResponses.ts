import type { FlowIQError } from "../core/FlowIQError.js";
import { redact } from "../core/getContact.js";
import type { ContactBatchResponse } from "../core/contactBatchWire.js";
import type { Contact, NormalizedLookup } from "../core/types.js";

/** The methods the proxy answers; Next.js routes HEAD to the GET export by itself. */
export const ALLOWED_METHODS = "GET, HEAD";

type ErrorBody = { error: string; message: string };
type Body = ErrorBody | { success: true; contact: Contact } | ContactBatchResponse;

/**
 * One JSON response with the headers every proxy answer carries. The body is
 * redacted against the key as a last line of defence: nothing the proxy says
 * may ever contain it, whatever the upstream or the browser put in.
 */
export function proxyResponse(
  request: Request,
  status: number,
  body: Body,
  key: string | undefined,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    // Contacts are personal data: no shared cache and no browser cache may keep them.
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    ...extraHeaders,
  });
  const text = redact(JSON.stringify(body), key);
  return new Response(request.method === "HEAD" ? null : text, { status, headers });
}

export function notFoundBody(lookup: NormalizedLookup): ErrorBody {
  const what = lookup.param === "whatsapp_id" ? "WhatsApp id" : "phone number";
  // The API's documented 404 shape, so the browser's getContact reads it as "no contact" (null).
  return { error: "Contact not found", message: `No contact found with ${what} ${lookup.digits}` };
}

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
    // session_refused never comes from upstream (only the proxy's own authorize refuses a session);
    // it is listed so the switch stays total.
    case "unauthorized":
    case "forbidden":
    case "session_refused":
      return {
        status: 502,
        body: {
          error: "Bad gateway",
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
