import { useSyncExternalStore } from "react";

/** What this page has asked the contact route so far, and how many requests in the last minute. */
export type RequestTally = { requests: number; contacts: number; perMinute: number };

let tally: RequestTally = { requests: 0, contacts: 0, perMinute: 0 };
/** When each request of the last minute was made. */
const recent: number[] = [];
const MINUTE = 60_000;

function lastMinute(now: number): number {
  while (recent.length > 0 && (recent[0] ?? now) <= now - MINUTE) recent.shift();
  return recent.length;
}
const listeners = new Set<() => void>();

/**
 * `fetch` for the provider that also counts: each request to the contact route,
 * and the contacts it asks for (a batch holds many). Shown in the top bar, so
 * batching can be seen at work while scrolling.
 */
export const countingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const contacts = url.searchParams.getAll("phone_number").length + url.searchParams.getAll("whatsapp_id").length;
  const now = Date.now();
  recent.push(now);
  tally = { requests: tally.requests + 1, contacts: tally.contacts + contacts, perMinute: lastMinute(now) };
  listeners.forEach((listener) => listener());
  return fetch(input, init);
};

// Requests age out of the last minute with no new one made, so the figure is refreshed each second.
let ageing: ReturnType<typeof setInterval> | undefined;
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  ageing ??= setInterval(() => {
    const perMinute = lastMinute(Date.now());
    if (perMinute === tally.perMinute) return;
    tally = { ...tally, perMinute };
    listeners.forEach((each) => each());
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ageing);
      ageing = undefined;
    }
  };
};

export const useRequestTally = () => useSyncExternalStore(subscribe, () => tally);
