import { getResponse, http, type HttpHandler } from "msw";
import { contactDigits } from "../../src/msw.js";

/**
 * Handlers rebuilt by `reset()` (call it from the story's `beforeEach`), so a
 * stateful set, such as `createContactHandlers({ failures: 1 })`, starts over
 * on every render: in Storybook, in the jsdom run and in each theme's browser run.
 */
export function freshHandlers(make: () => HttpHandler[]) {
  let current = make();
  return {
    handlers: [http.get("*/contact", ({ request }) => getResponse(current, request))],
    reset() {
      current = make();
    },
  };
}

/**
 * Counts the requests that reach the contact API, by contact (its digits, as
 * the API compares them), then lets the next handler answer.
 */
export function requestCounter() {
  const perContact = new Map<string, number>();
  return {
    handler: http.get("*/contact", ({ request }) => {
      const params = new URL(request.url).searchParams;
      const digits = contactDigits(params.get("phone_number") ?? params.get("whatsapp_id"));
      perContact.set(digits, (perContact.get(digits) ?? 0) + 1);
      return undefined;
    }),
    /** Requests so far, keyed by digits. */
    counts(): Record<string, number> {
      return Object.fromEntries(perContact);
    },
    reset() {
      perContact.clear();
    },
  };
}
