/**
 * A Fetch-API route handler, such as `createContactRouteHandler` returns.
 * @example const handler: FetchRouteHandler = createContactRouteHandler({ tenantId: "acme", apiKey, authorize });
 */
export type FetchRouteHandler = (request: Request) => Promise<Response>;

/**
 * What the adapter reads of Node's `IncomingMessage` (Express's and Connect's requests are ones).
 * @example app.get("/api/flowiq/*", (req, res, next) => toNodeHandler(handler)(req, res, next));
 */
export type NodeRequest = {
  method?: string | undefined;
  url?: string | undefined;
  /** Express and Connect: the URL before the mount path was stripped. */
  originalUrl?: string | undefined;
  headers: { host?: string | undefined };
  rawHeaders: string[];
};

/**
 * What the adapter uses of Node's `ServerResponse`.
 * @example createServer((request, response) => toNodeHandler(handler)(request, response)).listen(3000);
 */
export type NodeResponse = {
  once(event: "close", listener: () => void): unknown;
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string | Uint8Array): unknown;
};

/**
 * A Node request handler: `node:http`'s `createServer(handler)`, Express or Connect middleware, or Fastify's raw request and reply.
 * @example const serve: NodeRouteHandler = toNodeHandler(handler); app.use("/api/flowiq", serve);
 */
export type NodeRouteHandler = (request: NodeRequest, response: NodeResponse, next?: unknown) => void;

/** The request's own URL, whatever the Host header says (a hostile one must not throw). */
function urlOf(request: NodeRequest): URL {
  // Express and Connect strip the mount path from `url`; `originalUrl` keeps it (`/api/flowiq/contacts` is a batch).
  const path = request.originalUrl ?? request.url ?? "/";
  const host = request.headers.host;
  try {
    return new URL(path, `http://${host ?? "localhost"}`);
  } catch {
    return new URL(path.startsWith("/") ? path : `/${path}`, "http://localhost");
  }
}

/**
 * Serves a Fetch-API route handler from Node's own `http` server, Express,
 * Connect or Fastify. The handler sees the full URL (the mount path
 * included), the request's headers (cookies for `authorize`), and a signal
 * that aborts when the client goes away, which cancels its upstream calls. The
 * request body is never read (contact lookups are GETs).
 * @example app.use("/api/flowiq", toNodeHandler(createContactRouteHandler({ tenantId: "acme", apiKey, authorize })))
 */
export function toNodeHandler(handler: FetchRouteHandler): NodeRouteHandler {
  return (request, response) => {
    const clientLeft = new AbortController();
    response.once("close", () => {
      if (!response.writableFinished) clientLeft.abort();
    });
    const headers = new Headers();
    for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
      try {
        headers.append(request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string);
      } catch {
        // A header the Fetch API cannot hold is one the handler does not need.
      }
    }
    let fetchRequest: Request;
    try {
      fetchRequest = new Request(urlOf(request), { method: request.method ?? "GET", headers, signal: clientLeft.signal });
    } catch {
      response.writeHead(400, { "Content-Type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ error: "Bad request" }));
      return;
    }
    handler(fetchRequest)
      .then(async (answer) => {
        const body = answer.body === null ? undefined : new Uint8Array(await answer.arrayBuffer());
        if (response.destroyed) return;
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(body);
      })
      .catch(() => {
        // createContactRouteHandler answers every failure itself; this is a handler that threw.
        if (response.destroyed) return;
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
        response.end(JSON.stringify({ error: "Internal server error" }));
      });
  };
}
