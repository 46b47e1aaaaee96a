import { Fragment, type HTMLAttributes } from "react";
import { rootClass } from "./format.js";
import type { ContactCardLabels } from "./labels.js";
import { useContactDisplay } from "../ContactDisplay/useContactDisplay.js";

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

const line = (size: string, key?: number) => <span key={key} className="fiq-skeleton__line" data-size={size} />;
const ROWS = ["md", "lg", "md", "sm", "md"];

/**
 * The card's loading state: the shape of a typical loaded card (name, badge, five detail rows,
 * tags), so little moves when the contact arrives; shimmering unless the user prefers reduced motion.
 * @example <Suspense fallback={<ContactCardSkeleton />}>…</Suspense>
 */
export function ContactCardSkeleton({ className, labels, ...rest }: ContactCardSkeletonProps) {
  const { loading } = useContactDisplay({ labels }).labels;
  return (
    <div {...rest} className={rootClass(className)} data-state="loading" aria-busy="true">
      <span className="fiq-sr-only">{loading}</span>
      <div className="fiq-card__header" aria-hidden="true">
        <span className="fiq-avatar fiq-skeleton__block" />
        <div className="fiq-card__title">
          {line("name")}
          {line("badge")}
        </div>
      </div>
      <div className="fiq-details" aria-hidden="true">
        {ROWS.map((size, index) => (
          <Fragment key={index}>
            {line("label")}
            {line(size)}
          </Fragment>
        ))}
      </div>
      <div className="fiq-tags" aria-hidden="true">
        {ROWS.slice(2).map((_, index) => line("tag", index))}
      </div>
    </div>
  );
}
