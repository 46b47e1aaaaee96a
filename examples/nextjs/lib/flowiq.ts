// Server-only settings: imported by the page (server component) and the proxy
// route, never by a "use client" file, so FLOWIQ_API_KEY stays on the server.
import type { FlowIQConfig } from "@flowiq/react/server";

/** The tenant slug. Not a secret: the browser's provider needs it for its cache keys. */
export const tenantId = process.env.FLOWIQ_TENANT_ID || "demo";

/** Read per request rather than at import, so `next build` needs no secret. */
export function apiKey(): string {
  return process.env.FLOWIQ_API_KEY ?? "";
}

/** Where the real API is; unset means the FlowIQ default. */
export const apiUrl = process.env.FLOWIQ_API_URL || undefined;

/** For server-side calls straight to the API (prefetching in server components). */
export const serverConfig: FlowIQConfig = { tenantId, apiKey, ...(apiUrl ? { baseUrl: apiUrl } : {}) };
