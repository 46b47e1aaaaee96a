"use client";
import { useEffect, useState } from "react";

/**
 * Cards whose contacts arrive within this long of the last card shown replace their skeletons
 * together, at the end of the window, in one commit. A card alone shows its contact at once; a
 * page of 500 cards loading one request each is drawn some ten times a second instead of on
 * every frame, each drawing of a `.fiq-card-grid` laying its rows out again (BENCHMARKS.md,
 * "Cards in a grid").
 */
export const REVEAL_WINDOW_MS = 100;

let lastReveal = Number.NEGATIVE_INFINITY;
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the pending flush is due; a flush long overdue lost its timer (a test's fake timers put back, say). */
let dueAt: number | undefined;
const waiting = new Set<() => void>();

function flush(): void {
  clearTimeout(timer);
  timer = dueAt = undefined;
  lastReveal = Date.now();
  const reveals = [...waiting];
  waiting.clear();
  // Called together in one task, so React renders them in one pass and commits once.
  for (const reveal of reveals) reveal();
}

/** Runs `reveal` now if no card was shown within the window, else with the others at its end. Returns the cancel. */
function requestReveal(reveal: () => void): () => void {
  const now = Date.now();
  // A clock that went back (a test's fake clock put back) must not hold reveals until it catches up.
  if (lastReveal > now) lastReveal = Number.NEGATIVE_INFINITY;
  if (dueAt !== undefined && (now > dueAt + REVEAL_WINDOW_MS || dueAt > now + REVEAL_WINDOW_MS)) flush();
  if (dueAt === undefined && now - lastReveal >= REVEAL_WINDOW_MS) {
    lastReveal = now;
    reveal();
    return () => {};
  }
  waiting.add(reveal);
  if (dueAt === undefined) {
    dueAt = Math.max(now, lastReveal + REVEAL_WINDOW_MS);
    timer = setTimeout(flush, dueAt - now);
  }
  return () => {
    waiting.delete(reveal);
  };
}

/**
 * Whether a card that has its answer (`ready`) shows it yet. A card rendered with its answer
 * already there (from the cache, or on the server) shows it in its first render; one whose
 * answer arrives later waits for its reveal (at once, or with the others of a burst).
 */
export function useRevealBatch(ready: boolean): boolean {
  const [revealed, setRevealed] = useState(ready);
  // A new lookup starts loading again: its answer is revealed anew.
  if (!ready && revealed) setRevealed(false);
  useEffect(() => {
    if (!ready || revealed) return;
    return requestReveal(() => setRevealed(true));
  }, [ready, revealed]);
  return ready && revealed;
}
