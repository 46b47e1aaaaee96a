import { FlowIQError } from "./FlowIQError.js";

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts, whatever
 * the promise does: a fetch that ignores its signal cannot hold a caller (or a limiter slot).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

/**
 * Reads a body as text until the signal aborts; then the stream is cancelled, so a body that
 * keeps coming (after a timeout, or for ever) is neither read on nor held in memory.
 */
export async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return untilAborted(response.text(), signal);
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined);
  if (signal.aborted) cancel();
  signal.addEventListener("abort", cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    // Decoded once at the end: one pass, as response.text() does.
    const whole = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    return new TextDecoder().decode(whole);
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

/** A 3xx, or what a browser's fetch gives for one with `redirect: "manual"` (`opaqueredirect`, status 0). */
export const isRedirect = (response: Response): boolean =>
  response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);

/** A redirect is never followed (it could take the key to another host or tenant, or loop): it is an error. */
export function redirectError(response: Response): FlowIQError {
  const status = response.type === "opaqueredirect" ? 0 : response.status;
  return new FlowIQError(
    "invalid_response",
    `Got a redirect${status ? ` (${status})` : ""}, which is never followed; check baseUrl (it should point at the API or your proxy route itself).`,
    { status },
  );
}
