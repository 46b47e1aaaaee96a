import { delay, http, HttpResponse, type HttpHandler } from "msw";
import { buildContact } from "./buildContact.js";
import { contactBatchRoute } from "./contactBatchRoute.js";
import { notFoundBody } from "../core/contactBatchWire.js";
import { contactDigits, contactUrl } from "./createContactHandlers.js";

/**
 * The names of the ready-made {@link contactScenarios}.
 * @example const scenario: ContactScenarioName = "rateLimited"; server.use(...contactScenarios[scenario]);
 */
export type ContactScenarioName =
  | "found"
  | "notFound"
  | "sessionRefused"
  | "unauthorized"
  | "forbidden"
  | "rateLimited"
  | "serverError"
  | "networkError"
  | "slow"
  | "loading"
  | "malformed"
  | "misroutedProxy";

/**
 * One list of MSW handlers per scenario, as {@link contactScenarios} and `createContactScenarios` return them.
 * @example const proxyScenarios: ContactScenarios = createContactScenarios({ baseUrl: "/api/flowiq" });
 */
export type ContactScenarios = Record<ContactScenarioName, HttpHandler[]>;

/** The asked-for number answered with the reference contact, whatever it is. */
function foundFor(request: Request) {
  const params = new URL(request.url).searchParams;
  const digits = contactDigits(params.get("phone_number") ?? params.get("whatsapp_id"));
  return HttpResponse.json({
    success: true,
    contact: buildContact({ phone_number: `+${digits}`, whatsapp_id: digits }),
  });
}

/**
 * Ready handler sets, one per state a card can be in, for any base URL. Each
 * answers the batch route (`/contacts`, the provider's `batch`) too, every
 * contact in a batch as a single request would be answered; a network error
 * or an HTML page is the whole batch's answer.
 * @example createContactScenarios({ baseUrl: "/api/flowiq" }).notFound
 */
export function createContactScenarios(options: { baseUrl?: string; slowMs?: number } = {}): ContactScenarios {
  const url = contactUrl(options.baseUrl);
  const slowMs = options.slowMs ?? 2500;
  const one = (answer: (request: Request) => Response | Promise<Response>): HttpHandler[] => [
    http.get(url, ({ request }) => answer(request)),
    contactBatchRoute(url, answer),
  ];
  return {
    found: one((request) => foundFor(request)),
    notFound: one((request) => {
      const params = new URL(request.url).searchParams;
      const phone = params.get("phone_number");
      const digits = contactDigits(phone ?? params.get("whatsapp_id"));
      return HttpResponse.json(notFoundBody({ param: phone === null ? "whatsapp_id" : "phone_number", digits }), { status: 404 });
    }),
    // The app's own proxy refused the visitor's session (its `authorize` said no): the whole request, batch or not.
    sessionRefused: [url, `${url}s`].map((route) =>
      http.get(route, () =>
        HttpResponse.json(
          { error: "Unauthorized", code: "session_refused", message: "You are not allowed to look up contacts." },
          { status: 401 },
        ),
      ),
    ),
    unauthorized: one(() =>
      HttpResponse.json({ error: "Unauthorized", message: "Invalid API key" }, { status: 401 }),
    ),
    forbidden: one(() =>
      HttpResponse.json({ error: "Forbidden", message: "This key cannot read this tenant" }, { status: 403 }),
    ),
    rateLimited: one(() =>
      HttpResponse.json(
        { error: "Too many requests", message: "Rate limit exceeded" },
        { status: 429, headers: { "Retry-After": "120" } },
      ),
    ),
    serverError: one(() =>
      HttpResponse.json({ error: "Internal server error", message: "Something went wrong" }, { status: 500 }),
    ),
    networkError: one(() => HttpResponse.error()),
    slow: one(async (request) => {
      await delay(slowMs);
      return foundFor(request);
    }),
    loading: one(async () => {
      await delay("infinite");
      return new HttpResponse(null, { status: 204 });
    }),
    malformed: one(() => HttpResponse.json({ success: true, contact: "not a contact" })),
    misroutedProxy: one(
      () => new HttpResponse("<!doctype html><title>404</title><h1>Not Found</h1>", {
        status: 404,
        headers: { "Content-Type": "text/html" },
      }),
    ),
  };
}

/**
 * {@link createContactScenarios} for the default API URL.
 * @example
 * // In one test: every lookup answers 500.
 * server.use(...contactScenarios.serverError);
 * // In a story: `parameters: { msw: { handlers: contactScenarios.notFound } }`
 */
export const contactScenarios: ContactScenarios = createContactScenarios();
