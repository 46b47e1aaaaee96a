import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { isRedirect, readBody, redirectError, untilAborted } from "../../src/core/upstreamFetch.js";

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

/** A body that sends `chunks` and then, unless `end`, never finishes; records a cancel and its reason. */
function streamed(chunks: string[], { end = true } = {}) {
  const cancelled: unknown[] = [];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
    },
    cancel(reason) {
      cancelled.push(reason);
    },
  });
  return { response: new Response(body), cancelled };
}

describe("untilAborted", () => {
  it("settles as the promise does, and leaves no listener on the signal", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve("answer"), controller.signal)).resolves.toBe("answer");
    await expect(untilAborted(Promise.reject(new Error("refused")), controller.signal)).rejects.toThrow("refused");
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("does not pile listeners onto a signal shared by many requests", async () => {
    const controller = new AbortController();
    await Promise.all(Array.from({ length: 8 }, (_, index) => untilAborted(Promise.resolve(index), controller.signal)));
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("rejects with the reason at once when the signal is already aborted, even for a promise that has settled", async () => {
    const controller = new AbortController();
    const reason = new Error("gave up");
    controller.abort(reason);
    await expect(untilAborted(Promise.resolve("late"), controller.signal)).rejects.toBe(reason);
  });

  it("rejects as soon as the signal aborts a promise that never settles, and lets go of the signal", async () => {
    const controller = new AbortController();
    const reason = new Error("timed out");
    const waiting = untilAborted(new Promise<never>(() => undefined), controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    // The promise never settles, so only the abort itself can have removed the listener.
    expect(abortListeners(controller.signal)).toBe(0);
  });
});

describe("readBody", () => {
  it("reads a body sent in several chunks, multi-byte characters split between them included", async () => {
    const text = '{"full_name":"Zoë Ndlovu","tags":["vip"]}';
    const bytes = new TextEncoder().encode(text);
    const split = text.indexOf("ë") + 1; // inside the two bytes of "ë"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const controller = new AbortController();
    await expect(readBody(new Response(body), controller.signal)).resolves.toBe(text);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("reads an empty body", async () => {
    await expect(readBody(new Response(null), new AbortController().signal)).resolves.toBe("");
    await expect(readBody(streamed([]).response, new AbortController().signal)).resolves.toBe("");
  });

  it("leaves no listener on a signal shared by many reads", async () => {
    const controller = new AbortController();
    for (let index = 0; index < 12; index++) {
      await expect(readBody(streamed([`part ${index}`]).response, controller.signal)).resolves.toBe(`part ${index}`);
    }
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it("cancels a body that keeps coming when the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("timed out");
    const { response, cancelled } = streamed(["{\"partial\":"], { end: false });
    const reading = readBody(response, controller.signal);
    controller.abort(reason);
    // Both listeners (the cancel and the wait for the next chunk) go with the abort itself.
    expect(abortListeners(controller.signal)).toBe(0);
    await expect(reading).rejects.toBe(reason);
    await vi.waitFor(() => expect(cancelled).toEqual([reason]));
  });

  it("cancels the body without reading it when the signal was aborted before", async () => {
    const controller = new AbortController();
    const reason = new Error("already gone");
    controller.abort(reason);
    const { response, cancelled } = streamed(["never read"], { end: false });
    await expect(readBody(response, controller.signal)).rejects.toBe(reason);
    await vi.waitFor(() => expect(cancelled).toEqual([reason]));
    expect(abortListeners(controller.signal)).toBe(0);
  });
});

describe("redirects", () => {
  it("counts every 3xx as a redirect, and nothing outside 300-399", () => {
    for (const status of [300, 301, 302, 303, 307, 308, 399]) {
      expect(isRedirect(new Response(null, { status }))).toBe(true);
    }
    for (const status of [200, 204, 299, 400, 404, 500]) {
      expect(isRedirect(new Response(null, { status }))).toBe(false);
    }
  });

  it("counts a browser's opaque redirect (status 0) as a redirect", () => {
    const opaque = { type: "opaqueredirect", status: 0 } as Response;
    expect(isRedirect(opaque)).toBe(true);
  });

  it("reports a redirect with its status as an invalid_response error", () => {
    const error = redirectError(new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } }));
    expect(error).toBeInstanceOf(FlowIQError);
    expect(error.code).toBe("invalid_response");
    expect(error.status).toBe(302);
    expect(error.message).toBe(
      "Got a redirect (302), which is never followed; check baseUrl (it should point at the API or your proxy route itself).",
    );
  });

  it("reports an opaque redirect, whose status the browser hides, without a status", () => {
    const error = redirectError({ type: "opaqueredirect", status: 0 } as Response);
    expect(error.code).toBe("invalid_response");
    expect(error.status).toBe(0);
    expect(error.message).toBe(
      "Got a redirect, which is never followed; check baseUrl (it should point at the API or your proxy route itself).",
    );
  });
});
