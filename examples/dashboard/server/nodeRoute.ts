import type { IncomingMessage, ServerResponse } from "node:http";

/** A Fetch-API route handler, such as `createContactRouteHandler` returns. */
export type FetchRouteHandler = (request: Request) => Promise<Response>;

/**
 * Serves a Fetch-API route handler from Node's own http server, Connect (Vite's
 * dev and preview servers) or Express: `app.use("/api/flowiq", nodeRoute(GET))`.
 * The handler sees the full URL (the mount path included, so `/api/flowiq/contacts`
 * is a batch), the request's headers (cookies for `authorize`), and a signal that
 * aborts when the browser goes away, which cancels its upstream calls.
 */
export function nodeRoute(handler: FetchRouteHandler) {
  return (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse): void => {
    const visitorLeft = new AbortController();
    response.once("close", () => {
      if (!response.writableFinished) visitorLeft.abort();
    });
    const headers = new Headers();
    for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string);
    // Connect strips the mount path from `url`; `originalUrl` keeps it.
    const url = new URL(request.originalUrl ?? request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    // Contact lookups are GETs: no request body is read or passed on.
    handler(new Request(url, { method: request.method ?? "GET", headers, signal: visitorLeft.signal }))
      .then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, Object.fromEntries(answer.headers)).end(body);
      })
      .catch(() => {
        // createContactRouteHandler answers every failure itself; this is a handler that threw.
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ error: "Internal server error" }));
      });
  };
}
