"use client";
import { useCallback, useRef } from "react";

/**
 * Cards of a `.fiq-card-grid` far from the viewport carry `data-offscreen`, and the stylesheet lets
 * the browser skip their rendering (`content-visibility: auto`). A grid's cards cannot simply be
 * `auto` as a plain list's are: the containment that comes with it takes a card out of the grid's
 * shared rows (its subgrid), so only cards nobody sees give that up, and a card near the viewport
 * is laid out in the shared rows again before it scrolls in. Without this, every card that loads
 * lays out all the grid's loaded cards again (BENCHMARKS.md, "Cards in a grid").
 */
export const OFFSCREEN_ATTRIBUTE = "data-offscreen";

/** A card within one viewport above or below is near enough to keep its shared rows. */
const NEAR = "100% 0px";

let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver | undefined {
  if (typeof IntersectionObserver === "undefined") return undefined;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) entry.target.toggleAttribute(OFFSCREEN_ATTRIBUTE, !entry.isIntersecting);
    },
    { rootMargin: NEAR },
  );
  return observer;
}

/**
 * A callback ref for a card's root: in a `.fiq-card-grid`, it keeps `data-offscreen` on the card
 * while it is far off screen. The card's next root (a skeleton becoming the card) starts with its
 * predecessor's mark, so a card that loads off screen is never laid out in the shared rows first.
 * Outside a grid, or where IntersectionObserver does not exist, it does nothing.
 */
export function useOffscreenSkip(): (element: HTMLElement | null) => void {
  const current = useRef<HTMLElement | null>(null);
  // React lets go of the old root (ref(null)) before it hands over the new one.
  const wasOffscreen = useRef(false);
  return useCallback((element: HTMLElement | null) => {
    const previous = current.current;
    if (previous === element) return;
    if (previous) {
      observer?.unobserve(previous);
      wasOffscreen.current = previous.hasAttribute(OFFSCREEN_ATTRIBUTE);
    }
    current.current = element;
    if (!element || !element.parentElement?.closest(".fiq-card-grid")) return;
    const shared = sharedObserver();
    if (!shared) return;
    if (wasOffscreen.current) element.setAttribute(OFFSCREEN_ATTRIBUTE, "");
    shared.observe(element);
  }, []);
}
