import type { HTMLAttributes } from "react";
import { rootClass } from "./format.js";
import { resolveLabels, type ContactCardLabels } from "./labels.js";

export type ContactCardSkeletonProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  /**
   * Extra classes for the root, added after `fiq-card`.
   * @default undefined
   */
  className?: string;
  /**
   * Overrides for the hidden "Loading contact…" text (`labels.loading`).
   * @default defaultContactCardLabels
   */
  labels?: Partial<ContactCardLabels>;
};

/**
 * The card's loading state: the card's shape, shimmering unless the user prefers reduced motion.
 * @example <Suspense fallback={<ContactCardSkeleton />}>…</Suspense>
 */
export function ContactCardSkeleton({ className, labels, ...rest }: ContactCardSkeletonProps) {
  return (
    <div {...rest} className={rootClass("fiq-card", className)} data-state="loading" aria-busy="true">
      <span className="fiq-sr-only">{resolveLabels(labels).loading}</span>
      <div className="fiq-card__header" aria-hidden="true">
        <span className="fiq-avatar fiq-skeleton__block" />
        <div className="fiq-card__title">
          <span className="fiq-skeleton__line" data-size="lg" />
          <span className="fiq-skeleton__line" data-size="sm" />
        </div>
      </div>
      <div className="fiq-skeleton__body" aria-hidden="true">
        {["md", "md", "sm"].map((size, index) => (
          <span key={index} className="fiq-skeleton__line" data-size={size} />
        ))}
      </div>
    </div>
  );
}
