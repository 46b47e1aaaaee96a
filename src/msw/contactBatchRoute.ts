import { http, HttpResponse, type HttpHandler } from "msw";
import { answerContactBatch, type LookupAnswer } from "../core/answerContactBatch.js";
import { DEFAULT_MAX_BATCH_SIZE } from "../core/contactBatchWire.js";
import { parseRetryAfter } from "../core/retryPolicy.js";

/** What answers one `GET …/contact` request: an MSW resolver's result, or `undefined` to fall through. */
export type SingleContactAnswer = (request: Request) => Response | undefined | Promise<Response | undefined>;

const NO_DEADLINE_MS = 2 ** 31 - 1;

/**
 * `GET {contactUrl}s`, answered as `createContactRouteHandler` answers it: each
 * distinct lookup is asked of `single` (the stand-in for one upstream call)
 * and becomes that lookup's result. An answer that is not JSON (a network
 * error, an HTML page) is the whole batch's answer, as it would be for a
 * proxy that is down or misrouted; an answer of `undefined` lets the whole
 * batch fall through to the next handler.
 */
export function contactBatchRoute(contactUrl: string, single: SingleContactAnswer): HttpHandler {
  return http.get(`${contactUrl}s`, async ({ request }) => {
    const asked = new URL(request.url);
    let whole: Response | undefined;
    let fallThrough = false;
    const lookUp = async ({ param, digits }: { param: string; digits: string }): Promise<LookupAnswer> => {
      const one = new URL(contactUrl, asked);
      one.searchParams.set("tenantId", asked.searchParams.get("tenantId") ?? "");
      one.searchParams.set(param, digits);
      const response = await single(new Request(one, { headers: request.headers }));
      if (!response) {
        fallThrough = true;
      } else if (response.type !== "error" && /json/.test(response.headers.get("content-type") ?? "")) {
        return {
          status: response.status,
          body: (await response.json()) as LookupAnswer["body"],
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        };
      } else {
        whole ??= response;
      }
      return { status: 502, body: { error: "Bad gateway", message: "No JSON answer for this contact." } };
    };
    const { status, body } = await answerContactBatch(asked.searchParams, {
      maxBatchSize: DEFAULT_MAX_BATCH_SIZE,
      deadlineMs: NO_DEADLINE_MS,
      signal: request.signal,
      lookUp,
    });
    if (fallThrough) return undefined;
    return whole ?? HttpResponse.json(body, { status });
  });
}
