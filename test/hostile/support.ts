import { QueryClient } from "@tanstack/react-query";
import { http, HttpResponse, type HttpResponseResolver } from "msw";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { isFlowIQError, type FlowIQErrorCode } from "../../src/core/FlowIQError.js";
import { getContact } from "../../src/core/getContact.js";
import type { Contact, ContactLookup, FlowIQConfig } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { server } from "../server.js";
import { API, TEST_KEY } from "../utils.js";

export { API, TEST_KEY };
export const CONTACT_URL = `${API}/contact`;
export const LOOKUP: ContactLookup = { phoneNumber: "+27 12 345 6789" };
export const CONFIG: FlowIQConfig = { tenantId: "acme", apiKey: TEST_KEY };

/** A 200 body as the API sends it, with the contact's fields replaced or added. */
export function okBody(contact: Record<string, unknown> = {}): Record<string, unknown> {
  return { success: true, contact: { ...buildContact(), ...contact } };
}

/** Answers every `GET /contact` with `resolver`, and records each request that reaches it. */
export function answerWith(resolver: HttpResponseResolver): Request[] {
  const requests: Request[] = [];
  server.use(
    http.get(CONTACT_URL, (info) => {
      requests.push(info.request.clone());
      return resolver(info);
    }),
  );
  return requests;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () =>
  HttpResponse.json(body as never, { status, headers });
export const text = (body: string, status = 200, contentType = "text/html") => () =>
  new HttpResponse(body, { status, headers: { "Content-Type": contentType } });

/** What a call came to, in a shape a table row can state. */
export type Outcome =
  | { kind: "contact"; contact: Contact }
  | { kind: "null" }
  | { kind: "error"; code: FlowIQErrorCode; status: number | undefined; retryAfterMs: number | undefined; message: string }
  | { kind: "thrown"; value: unknown };

export async function settle(promise: Promise<Contact | null>): Promise<Outcome> {
  try {
    const value = await promise;
    return value === null ? { kind: "null" } : { kind: "contact", contact: value };
  } catch (error) {
    if (isFlowIQError(error)) {
      return { kind: "error", code: error.code, status: error.status, retryAfterMs: error.retryAfterMs, message: error.message };
    }
    return { kind: "thrown", value: error };
  }
}

/** `getContact` with the test config (tenant "acme", the test key) and any overrides. */
export function fetchContact(overrides: Partial<FlowIQConfig> = {}, lookup: ContactLookup = LOOKUP) {
  return settle(getContact({ ...CONFIG, ...overrides }, lookup));
}

/**
 * A client with no defaults of its own, so the library's retry policy is the
 * one in force (a client with `retry: false` would override it, on purpose).
 */
export function createPolicyQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A real HTTP server on 127.0.0.1 that sends half a 200 body and then never finishes it. */
export async function stallingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const http: Server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.write('{"success":true,"contact":{"id":"');
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** A ReadableStream body that sends `part` and then stays open for ever. */
export function stallingBody(part: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(part));
    },
  });
}

/**
 * Every string reachable from a value: message, stack, cause chain, own
 * properties (enumerable or not), JSON and String forms. Used to prove a
 * secret appears nowhere in what a caller can get hold of.
 */
export function everyStringIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "string") return [value];
  if (typeof value !== "object" && typeof value !== "function") return [String(value)];
  if (seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  try {
    out.push(String(value));
  } catch {
    // an object whose toString throws still has its properties checked below
  }
  try {
    out.push(JSON.stringify(value) ?? "");
  } catch {
    // cycles: the walk below covers them
  }
  for (const name of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, name);
    if (descriptor && "value" in descriptor) out.push(name, ...everyStringIn(descriptor.value, seen));
  }
  if (value instanceof Error) out.push(value.message, value.stack ?? "", ...everyStringIn(value.cause, seen));
  return out;
}

/** Replaces every console method with a spy and returns a function giving all that was written. */
export function captureConsole(): () => string {
  const methods = ["log", "info", "warn", "error", "debug", "trace", "dir", "table", "group", "groupCollapsed"] as const;
  const calls: unknown[][] = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push(args);
    });
  }
  return () => calls.flatMap((args) => args.flatMap((arg) => everyStringIn(arg))).join("\n");
}
