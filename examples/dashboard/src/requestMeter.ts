import { useSyncExternalStore } from "react";

/** What this page has asked the contact route so far. */
export type RequestTally = { requests: number; contacts: number };

let tally: RequestTally = { requests: 0, contacts: 0 };
const listeners = new Set<() => void>();

/**
 * `fetch` for the provider that also counts: each request to the contact route,
 * and the contacts it asks for (a batch holds many). Shown in the top bar, so
 * batching can be seen at work while scrolling.
 */
export const countingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const contacts = url.searchParams.getAll("phone_number").length + url.searchParams.getAll("whatsapp_id").length;
  tally = { requests: tally.requests + 1, contacts: tally.contacts + contacts };
  listeners.forEach((listener) => listener());
  return fetch(input, init);
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useRequestTally = () => useSyncExternalStore(subscribe, () => tally);
