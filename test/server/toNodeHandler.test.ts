// @vitest-environment node
import express from "express";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toNodeHandler } from "../../src/server/toNodeHandler.js";
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
    const origin = await listen(createServer(toNodeHandler(handler())));
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
    const throwing = await listen(createServer(toNodeHandler(() => Promise.reject(new Error(`boom ${KEY}`)))));
    const failed = await fetch(`${throwing}/x`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain(KEY);
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
