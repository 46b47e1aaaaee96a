"use client";
import { onlineManager, type Query, type QueryClient, type QueryCacheNotifyEvent } from "@tanstack/react-query";
import { useEffect } from "react";
import { CONTACT_KEY_ROOT } from "../core/contactQuery.js";
import { FlowIQError } from "../core/FlowIQError.js";
import { parseContact } from "../core/parseContact.js";
import type { Contact } from "../core/types.js";

/**
 * What a tick leaves alone: a contact fetched less than this share of the
 * interval ago (by this tab's last tick, a mount, another tab or the app's own
 * push). The slack absorbs the answer's latency and timer drift, so one tab's
 * own fetch from the previous tick still counts as due.
 */
const FRESH_SHARE = 0.75;

/** The message one tab posts to the others after fetching a contact. */
type SharedContact = { type: "flowiq-contact"; key: readonly unknown[]; data: Contact | null; dataUpdatedAt: number };

/** The BroadcastChannel name of one tenant's contacts (tabs of one origin only). */
export function contactChannelName(tenantId: string): string {
  return `flowiq:contacts:${tenantId}`;
}

function assertInterval(refetchInterval: number | undefined): void {
  if (refetchInterval === undefined) return;
  if (typeof refetchInterval !== "number" || !Number.isFinite(refetchInterval) || refetchInterval <= 0) {
    throw new FlowIQError("config", `refetchInterval must be a positive number of milliseconds (got ${String(refetchInterval)}).`);
  }
}

const isTenantKey = (key: readonly unknown[], tenantId: string) =>
  key.length === 4 && key[0] === CONTACT_KEY_ROOT[0] && key[1] === CONTACT_KEY_ROOT[1] && key[2] === tenantId && typeof key[3] === "string";

/** When the query last got an answer (data or error), 0 if never. */
const answeredAt = (query: Query) => Math.max(query.state.dataUpdatedAt, query.state.errorUpdatedAt);

/** Only called from the refresh effect, so in a browser: there is a document. */
const isHidden = () => document.visibilityState === "hidden";

/**
 * Refetches every mounted contact of the tenant older than most of the
 * interval, all in one call, so a provider with `batch` sends ⌈N / maxSize⌉
 * requests for N due contacts. `cancelRefetch: false` joins fetches already
 * under way instead of starting them again.
 */
function refreshDue(queryClient: QueryClient, tenantId: string, refetchInterval: number): Promise<void> {
  const dueBefore = Date.now() - refetchInterval * FRESH_SHARE;
  return queryClient.refetchQueries(
    {
      queryKey: [...CONTACT_KEY_ROOT, tenantId],
      type: "active",
      predicate: (query) => answeredAt(query) <= dueBefore,
    },
    { cancelRefetch: false, throwOnError: false },
  );
}

/** Reads another tab's message; anything but a well-formed contact of this tenant is `undefined`. */
function readShared(value: unknown, tenantId: string): SharedContact | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { type, key, data, dataUpdatedAt } = value as Record<string, unknown>;
  if (type !== "flowiq-contact" || !Array.isArray(key) || !isTenantKey(key, tenantId)) return undefined;
  if (typeof dataUpdatedAt !== "number" || !Number.isFinite(dataUpdatedAt) || dataUpdatedAt <= 0) return undefined;
  let contact: Contact | null = null;
  if (data !== null) {
    try {
      contact = parseContact(data);
    } catch {
      return undefined;
    }
  }
  // A clock ahead of ours must not pin the entry as fresh for longer than it is.
  return { type, key, data: contact, dataUpdatedAt: Math.min(dataUpdatedAt, Date.now()) };
}

/**
 * Shares this tab's fetched contacts with the app's other tabs of the same
 * origin, and takes theirs when newer than what this tab holds, so a tab
 * that becomes visible refetches only what nobody fetched lately.
 * Returns the cleanup; a no-op where `BroadcastChannel` does not exist.
 */
function shareAcrossTabs(queryClient: QueryClient, tenantId: string): () => void {
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(contactChannelName(tenantId));
  } catch {
    // No BroadcastChannel in this browser (a ReferenceError), or one that refuses the name.
    return () => {};
  }
  const cache = queryClient.getQueryCache();
  channel.onmessage = (event: MessageEvent) => {
    const shared = readShared(event.data, tenantId);
    if (!shared) return;
    // Only entries this tab has: another tab's 10,000 rows must not fill this tab's memory.
    const query = cache.find({ queryKey: shared.key, exact: true });
    if (!query || query.state.dataUpdatedAt >= shared.dataUpdatedAt) return;
    queryClient.setQueryData(shared.key, shared.data, { updatedAt: shared.dataUpdatedAt });
  };
  const unsubscribe = cache.subscribe((event: QueryCacheNotifyEvent) => {
    // A fetch's own success; setQueryData (pushes and other tabs' messages) is `manual` and not re-posted.
    if (event.type !== "updated" || event.action.type !== "success" || event.action.manual) return;
    const { queryKey, state } = event.query;
    if (!isTenantKey(queryKey, tenantId)) return;
    const message: SharedContact = { type: "flowiq-contact", key: queryKey, data: state.data as Contact | null, dataUpdatedAt: state.dataUpdatedAt };
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value: sharing is a saving, never a failure.
    }
  });
  return () => {
    unsubscribe();
    channel.onmessage = null;
    channel.close();
  };
}

/**
 * Keeps the tenant's mounted contacts current on one shared tick every
 * `refetchInterval` ms, whenever each one mounted: every due contact refetches
 * in the same call (one batch with `batch` on). No tick runs while the page is
 * hidden; when it shows again, one catch-up refetch of what is older than the
 * interval. Tabs of one origin share what they fetch (`BroadcastChannel`).
 * Does nothing when `refetchInterval` is undefined.
 * @example useContactRefresh(queryClient, "acme", 15_000)
 */
export function useContactRefresh(queryClient: QueryClient, tenantId: string, refetchInterval?: number): void {
  assertInterval(refetchInterval);
  useEffect(() => {
    if (refetchInterval === undefined || !tenantId) return;
    const tick = () => {
      if (isHidden() || !onlineManager.isOnline()) return;
      void refreshDue(queryClient, tenantId, refetchInterval);
    };
    const timer = setInterval(tick, refetchInterval);
    // Shown again: only what went stale while hidden refetches (the age check skips the rest).
    const onVisibility = () => {
      if (!isHidden()) tick();
    };
    document.addEventListener("visibilitychange", onVisibility);
    const stopSharing = shareAcrossTabs(queryClient, tenantId);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      stopSharing();
    };
  }, [queryClient, tenantId, refetchInterval]);
}
