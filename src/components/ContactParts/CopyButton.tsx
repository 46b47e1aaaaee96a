"use client";
import { useEffect, useState } from "react";
import { fill, type ContactCardLabels } from "../ContactDisplay/labels.js";

type CopyState = "idle" | "copied" | "failed";

export type CopyButtonProps = {
  /** The plain text written to the clipboard. */
  value: string;
  /** How the value reads on screen, for the button's accessible name. */
  shown: string;
  labels: ContactCardLabels;
};

/** How long "Copied" stays before the button offers to copy again. */
const RESET_MS = 2000;

/**
 * An icon button that copies one value and announces the outcome in a polite live region.
 * It renders the same markup on the server and in the browser: the clipboard is only
 * touched on click, and a missing or refusing clipboard is reported, never thrown.
 */
export function CopyButton({ value, shown, labels }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // Throws a TypeError where there is no clipboard (http:, old browsers, jsdom).
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  const outcome = { idle: "", copied: labels.copied, failed: labels.copyFailed }[state];
  const name = fill(labels.copy, { value: shown });
  return (
    <>
      <button
        type="button"
        className="fiq-copy"
        data-state={state}
        aria-label={name}
        title={outcome || name}
        onClick={() => void copy()}
      />
      <span className="fiq-sr-only" aria-live="polite">
        {outcome}
      </span>
    </>
  );
}
