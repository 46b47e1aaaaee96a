// @vitest-environment node
import express from "express";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toNodeHandler, type NodeResponse } from "../../src/server/toNodeHandler.js";
import { server, toLocalServers } from "../server.js";
import { countingApi, handler, INBOX, KEY, results } from "./teamSupport.js";

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Listens on a free port of 127.0.0.1 and gives the origin. */
async function listen(app: Server): Promise<string> {
  open.push(app);
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
}

/** A NodeResponse made by hand, as a framework might pass one: what the adapter writes to it. */
function recordingResponse(state: { destroyed?: boolean; headersSent?: boolean } = {}) {
  let answered!: (written: { status: number; headers: Record<string, string>; body: string }) => void;
  const written = new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve) => (answered = resolve));
  let status = 0;
  let headers: Record<string, string> = {};
  const response: NodeResponse = {
    once: () => response,
    writableFinished: false,
    destroyed: state.destroyed ?? false,
    headersSent: state.headersSent ?? false,
    writeHead(code, sent) {
      status = code;
      headers = sent;
      return response;
    },
    end(body) {
      answered({ status, headers, body: body === undefined ? "" : typeof body === "string" ? body : new TextDecoder().decode(body) });
      return response;
    },
  };
  return { response, written };
}

describe("toNodeHandler in node:http", () => {
  it("answers single lookups, batches and HEAD with the handler's status, headers and body", async () => {
    server.use(toLocalServers);
    const api = countingApi({ delayMs: 0 });
    const origin = await listen(createServer(toNodeHandler(handler({ cache: { ttlMs: 60_000 } }))));
    const one = await fetch(`${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`);
    expect(one.status).toBe(200);
    expect(one.headers.get("cache-control")).toBe("private, no-store");
    expect(one.headers.get("server-timing")).toMatch(/^cache;desc="miss"/);
    expect(((await one.json()) as { contact: { id: string } }).contact.id).toBe(`c-${INBOX[0]}`);
    const many = await fetch(`${origin}/api/flowiq/contacts?${INBOX.map((d) => `phone_number=${d}`).join("&")}`);
    expect((await results(many)).map((r) => r.status)).toEqual(Array(15).fill(200));
    const head = await fetch(`${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(api.total()).toBe(15);
    const post = await fetch(`${origin}/api/flowiq/contact`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
  });

  it("aborts the handler's request when the client goes away", async () => {
    server.use(toLocalServers);
    let signal: AbortSignal | undefined;
    const origin = await listen(
      createServer(
        toNodeHandler((request) => {
          signal = request.signal;
          return new Promise((resolve) => request.signal.addEventListener("abort", () => resolve(new Response(null, { status: 499 }))));
        }),
      ),
    );
    // node:http itself, not fetch: MSW's interceptor sits in front of this process's fetch.
    const asked = httpRequest(`${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`);
    asked.on("error", () => undefined);
    asked.end();
    await vi.waitFor(() => expect(signal).toBeDefined());
    expect(signal?.aborted).toBe(false);
    asked.destroy();
    await vi.waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it("answers a request whose Host header is not a host, and a handler that throws with a plain 500", async () => {
    server.use(toLocalServers);
    countingApi({ delayMs: 0 });
    const route = handler();
    const urls: string[] = [];
    const origin = await listen(
      createServer(
        toNodeHandler((request) => {
          urls.push(request.url);
          return route(request);
        }),
      ),
    );
    const port = new URL(origin).port;
    const status = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(
        { host: "127.0.0.1", port, path: `/api/flowiq/contact?phone_number=${INBOX[0]}`, headers: { host: "a b/c?:x" } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      sent.on("error", reject);
      sent.end();
    });
    expect(status).toBe(200);
    // The path and query as sent, on localhost instead of the Host that is not one.
    expect(urls).toEqual([`http://localhost/api/flowiq/contact?phone_number=${INBOX[0]}`]);
    const throwing = await listen(createServer(toNodeHandler(() => Promise.reject(new Error(`boom ${KEY}`)))));
    const failed = await fetch(`${throwing}/x`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await failed.text();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toEqual({ error: "Internal server error" });
  });

  it("hands the handler the request's own URL (its Host, path and query) and headers", async () => {
    server.use(toLocalServers);
    const seen: Request[] = [];
    const origin = await listen(
      createServer(
        toNodeHandler(async (request) => {
          seen.push(request);
          return new Response(null, { status: 204 });
        }),
      ),
    );
    const url = `${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`;
    expect((await fetch(url, { headers: { cookie: "session=ok" } })).status).toBe(204);
    expect(seen.map((request) => request.url)).toEqual([url]);
    expect(seen[0]?.headers.get("cookie")).toBe("session=ok");
  });

  it("leaves the handler's request unaborted once the answer has been sent", async () => {
    server.use(toLocalServers);
    let signal: AbortSignal | undefined;
    let closed = false;
    const serve = toNodeHandler(async (request) => {
      signal = request.signal;
      return Response.json({ ok: true });
    });
    const origin = await listen(
      createServer((request, response) => {
        serve(request, response);
        response.on("close", () => (closed = true));
      }),
    );
    expect((await fetch(`${origin}/api/flowiq/contact`)).status).toBe(200);
    await vi.waitFor(() => expect(closed).toBe(true));
    expect(signal?.aborted).toBe(false);
  });
});

describe("toNodeHandler given a request made by hand", () => {
  it("reads no method as GET, a target without its leading slash under a bad Host as a path, and only whole header pairs", async () => {
    const seen: Request[] = [];
    const { response, written } = recordingResponse();
    toNodeHandler(async (request) => {
      seen.push(request);
      return new Response(null, { status: 204 });
    })({ url: `api/flowiq/contact?phone_number=${INBOX[0]}`, headers: { host: "a b" }, rawHeaders: ["Host", "a b", "Cookie", "session=ok", "X-Dangling"] }, response);
    expect((await written).status).toBe(204);
    expect(seen[0]?.method).toBe("GET");
    expect(seen[0]?.url).toBe(`http://localhost/api/flowiq/contact?phone_number=${INBOX[0]}`);
    expect([...(seen[0]?.headers ?? [])]).toEqual([
      ["cookie", "session=ok"],
      ["host", "a b"],
    ]);
  });

  it.each([
    ["an absolute-form target with no Host", { url: "http://flowiq.test/api/flowiq/contact", headers: {} }, "http://flowiq.test/api/flowiq/contact"],
    ["a target that is another scheme's URL, under a bad Host", { url: "javascript:alert(1)", headers: { host: "a b" } }, "http://localhost/javascript:alert(1)"],
  ])("hands the handler an http URL for %s", async (_name, request, url) => {
    const seen: string[] = [];
    const { response, written } = recordingResponse();
    toNodeHandler(async (fetchRequest) => {
      seen.push(fetchRequest.url);
      return new Response(null, { status: 204 });
    })({ ...request, rawHeaders: [] }, response);
    expect((await written).status).toBe(204);
    expect(seen).toEqual([url]);
  });

  it.each([
    ["answers", async () => new Response(null, { status: 204 })],
    ["throws", () => Promise.reject(new Error("boom"))],
  ])("writes nothing to a response already destroyed (the client left) when the handler %s", async (_name, handle) => {
    const { response } = recordingResponse({ destroyed: true });
    const writeHead = vi.spyOn(response, "writeHead");
    const end = vi.spyOn(response, "end");
    let settled!: () => void;
    const handled = new Promise<void>((resolve) => (settled = resolve));
    toNodeHandler(() => handle().finally(settled))({ url: "/api/flowiq/contact", headers: {}, rawHeaders: [] }, response);
    await handled;
    // The adapter's own continuation runs on the microtasks queued by then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(writeHead).not.toHaveBeenCalled();
    expect(end).not.toHaveBeenCalled();
  });

  it("only ends, with the plain 500 body, a response whose headers went out before the handler threw", async () => {
    const { response, written } = recordingResponse({ headersSent: true });
    const writeHead = vi.spyOn(response, "writeHead");
    toNodeHandler(() => Promise.reject(new Error("boom")))({ url: "/api/flowiq/contact", headers: {}, rawHeaders: [] }, response);
    expect((await written).body).toBe(JSON.stringify({ error: "Internal server error" }));
    expect(writeHead).not.toHaveBeenCalled();
  });

  it("answers a method the Fetch API refuses (TRACE) with a JSON 400, without calling the handler", async () => {
    const handle = vi.fn(async () => new Response(null, { status: 204 }));
    const { response, written } = recordingResponse();
    toNodeHandler(handle)({ method: "TRACE", url: "/api/flowiq/contact", headers: { host: "127.0.0.1" }, rawHeaders: [] }, response);
    expect(await written).toEqual({ status: 400, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify({ error: "Bad request" }) });
    expect(handle).not.toHaveBeenCalled();
  });
});

describe("toNodeHandler in Express", () => {
  it("serves /contact and /contacts under the mount path, with the mount path seen by the handler", async () => {
    server.use(toLocalServers);
    const api = countingApi({ delayMs: 0 });
    const app = express();
    const route = handler({ authorize: (request) => request.headers.get("cookie") === "session=ok" });
    const paths: string[] = [];
    app.use(
      "/api/flowiq",
      toNodeHandler((request) => {
        paths.push(new URL(request.url).pathname);
        return route(request);
      }),
    );
    const origin = await listen(createServer(app));
    const refused = await fetch(`${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`);
    expect(refused.status).toBe(401);
    const headers = { cookie: "session=ok" };
    const one = await fetch(`${origin}/api/flowiq/contact?phone_number=${INBOX[0]}`, { headers });
    expect(one.status).toBe(200);
    const many = await fetch(`${origin}/api/flowiq/contacts?${INBOX.slice(0, 4).map((d) => `phone_number=${d}`).join("&")}`, { headers });
    expect((await results(many)).map((r) => r.lookup.digits)).toEqual(INBOX.slice(0, 4));
    // No cache here: the single and the batch each asked for the first contact.
    expect(api.total()).toBe(5);
    expect(paths).toEqual(["/api/flowiq/contact", "/api/flowiq/contact", "/api/flowiq/contacts"]);
  });
});
