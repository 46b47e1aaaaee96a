// Server-only settings: imported by server components and the proxy route, never
// by a "use client" file, so FLOWIQ_API_KEY stays on the server (and
// @flowiq/react/server refuses to build into a browser bundle anyway).
import { createFlowIQClient } from "@flowiq/react/server";

/** The tenant slug. Not a secret: the browser's provider needs it for its cache keys. */
export const tenantId = process.env.FLOWIQ_TENANT_ID || "demo";

/** Read per request rather than at import, so `next build` needs no secret. */
export function apiKey(): string {
  return process.env.FLOWIQ_API_KEY ?? "";
}

/** Where the real API is (or `npm run standin`); unset means the FlowIQ default. */
export const baseUrl = process.env.FLOWIQ_BASE_URL || undefined;

/**
 * The server's client, straight to the API with the key: one for the whole
 * server, so every render shares its request cap, and the components of one
 * render that read the same contact at once share one request.
 */
export const flowiq = createFlowIQClient({ tenantId, apiKey, ...(baseUrl ? { baseUrl } : {}) });

/** The languages the contact components speak here; the layout picks one per visitor. */
export const LOCALES = ["en", "de", "es", "fr", "pt-BR", "ar"] as const;
export type LocaleName = (typeof LOCALES)[number];
