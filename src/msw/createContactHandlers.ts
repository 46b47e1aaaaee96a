import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { normalizeDigits } from "../core/normalizeLookup.js";
import { notFoundBody } from "../core/contactBatchWire.js";
import { apiRoot, type Contact } from "../core/types.js";
import { buildContact } from "./buildContact.js";
import { contactBatchRoute } from "./contactBatchRoute.js";

/**
 * Options of {@link createContactHandlers}: which contacts the stand-in API knows and how it answers.
 * @example createContactHandlers({ contacts: [buildContact({ full_name: "Ada" })], baseUrl: "/api/flowiq", delayMs: 300 })
 */
export type ContactHandlersOptions = {
  /** The contacts the stand-in API knows. @default [buildContact()] */
  contacts?: Contact[];
  /** Where the API is, as in the provider's `baseUrl`. @default "https://api.flowiq.live" */
  baseUrl?: string;
  /** Milliseconds before each answer, or `"infinite"` for one that never comes. @default 0 */
  delayMs?: number | "infinite";
  /** Answer only this tenant; other tenants fall through to the next handler. */
  tenantId?: string;
  /** When set, requests without `Authorization: Bearer <apiKey>` get the API's 401. */
  apiKey?: string;
  /** Answer the first N requests with a 500, then normally (for retry stories and tests). */
  failures?: number;
};

/**
 * The digits of a phone number or WhatsApp id, as the API compares them
 * (the library's own normalisation), or `""` for a value that holds no valid number.
 * @example contactDigits("+27 (12) 345-6789") // "27123456789"; contactDigits("call me") // ""
 */
export function contactDigits(value: string | null | undefined): string {
  try {
    return normalizeDigits(value ?? "");
  } catch {
    return "";
  }
}

/** `GET {baseUrl}/contact` handled the way the API does, for stories and tests. */
export function contactUrl(baseUrl?: string): string {
  return `${apiRoot(baseUrl)}/contact`;
}

/**
 * MSW handlers that answer `GET /contact` like the FlowIQ API: the contact
 * whose digits match `phone_number` or `whatsapp_id`, else the documented 404.
 * They answer `GET /contacts` too, as `createContactRouteHandler`'s batch
 * route does (one result per distinct lookup, each as `GET /contact` would
 * answer it), so a provider with `batch` on works against them; `failures`
 * counts each contact in a batch as one request.
 * @example server.use(...createContactHandlers({ contacts: [buildContact({ full_name: "Ada" })] }))
 */
export function createContactHandlers(options: ContactHandlersOptions = {}): HttpHandler[] {
  const { contacts = [buildContact()], baseUrl, delayMs = 0, tenantId, apiKey } = options;
  let failuresLeft = options.failures ?? 0;
  const answer = async (request: Request) => {
    const params = new URL(request.url).searchParams;
    const tenant = params.get("tenantId");
    if (tenantId !== undefined && tenant !== tenantId) return undefined;
    if (delayMs === "infinite" || delayMs > 0) await delay(delayMs);
    if (apiKey !== undefined && request.headers.get("authorization") !== `Bearer ${apiKey}`) {
      return HttpResponse.json({ error: "Unauthorized", message: "Invalid or missing API key" }, { status: 401 });
    }
    if (!tenant) {
      return HttpResponse.json({ error: "Bad request", message: "tenantId is required" }, { status: 400 });
    }
    const phone = params.get("phone_number");
    const whatsapp = params.get("whatsapp_id");
    const asked = contactDigits(phone ?? whatsapp);
    if ((phone === null) === (whatsapp === null) || !asked) {
      return HttpResponse.json(
        { error: "Bad request", message: "Provide either phone_number or whatsapp_id" },
        { status: 400 },
      );
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      return HttpResponse.json({ error: "Internal server error", message: "Something went wrong" }, { status: 500 });
    }
    const contact = contacts.find(
      (candidate) => contactDigits(candidate.phone_number) === asked || contactDigits(candidate.whatsapp_id) === asked,
    );
    if (contact) return HttpResponse.json({ success: true, contact });
    return HttpResponse.json(notFoundBody({ param: phone === null ? "whatsapp_id" : "phone_number", digits: asked }), { status: 404 });
  };
  return [http.get(contactUrl(baseUrl), ({ request }) => answer(request)), contactBatchRoute(contactUrl(baseUrl), answer)];
}
