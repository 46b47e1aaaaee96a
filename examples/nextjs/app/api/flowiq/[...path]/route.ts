import { createContactRouteHandler } from "@flowiq/react/server";
import { cookies } from "next/headers";
import { apiKey, baseUrl, tenantId } from "../../../../lib/flowiq";
import { isValidSessionToken, SESSION_COOKIE } from "../../../../lib/session";

// The browser's <FlowIQProvider baseUrl="/api/flowiq"> (batching by default, with no key) calls this route:
// one contact at /api/flowiq/contact, a batch of them at /api/flowiq/contacts
// (one mount serves both). The route adds the API key and the tenant here, on
// the server, so neither the key nor a way to pick another tenant ever reaches
// the browser; a batch is authorised once and asks the API once per contact.
export const GET = createContactRouteHandler({
  tenantId,
  apiKey,
  ...(baseUrl ? { baseUrl } : {}),
  // Who may look contacts up: here, visitors holding a session this app signed.
  authorize: async () => isValidSessionToken((await cookies()).get(SESSION_COOKIE)?.value),
  onError: (error) => console.error(`[flowiq proxy] ${error.code}: ${error.message}`),
});
