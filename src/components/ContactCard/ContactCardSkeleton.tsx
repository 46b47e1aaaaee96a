import { Fragment, type HTMLAttributes, type Ref } from "react";
import { useContactDisplay } from "../ContactDisplay/useContactDisplay.js";
import { rootClass } from "../ContactDisplay/format.js";
import type { ContactLabelOverrides } from "../ContactDisplay/labels.js";

/**
 * Props of `ContactCardSkeleton`: its shape, the hidden loading text, and any div attribute.
 * @example <ContactCardSkeleton density="compact" />
 */
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
  labels?: ContactLabelOverrides;
  /**
   * The shape of a `"compact"` card (name, badge, phone, tags) or a full one.
   * @default "comfortable"
   */
  density?: "comfortable" | "compact";
};

const line = (size: string, key?: number) => <span key={key} className="fiq-skeleton__line" data-size={size} />;
/** A typical loaded card's detail rows: phone, WhatsApp, email, source, location, added. */
const ROWS = ["md", "sm", "lg", "sm", "md", "sm"];
const TAGS = [0, 1, 2];

/**
 * The card's loading state: the shape of a typical loaded card (name, badge, six detail rows,
 * a row of tags), each placeholder one text line tall, so nothing moves when the contact
 * arrives; pulsing unless the user prefers reduced motion.
 * @example <Suspense fallback={<ContactCardSkeleton />}>…</Suspense>
 */
export function ContactCardSkeleton(props: ContactCardSkeletonProps) {
  return CardSkeleton(props);
}

/** `ContactCardSkeleton` with its root element handed to `rootRef` (ContactCard's off-screen skipping in a grid). */
export function CardSkeleton({ className, labels, density = "comfortable", rootRef, ...rest }: ContactCardSkeletonProps & { rootRef?: Ref<HTMLDivElement> }) {
  const { loading } = useContactDisplay({ labels }).labels;
  const compact = density === "compact";
  const rows = compact ? ROWS.slice(0, 1) : ROWS;
  return (
    <div {...rest} ref={rootRef} className={rootClass(className)} data-state="loading" data-density={density} aria-busy="true">
      <span className="fiq-sr-only">{loading}</span>
      <div className="fiq-card__header" aria-hidden="true">
        {!compact && <span className="fiq-avatar fiq-skeleton__block" />}
        <div className="fiq-card__title">
          {line("name")}
          {line("badge")}
        </div>
      </div>
      <div className="fiq-details" aria-hidden="true">
        {rows.map((size, index) => (
          <Fragment key={index}>
            {line("label")}
            {line(size)}
          </Fragment>
        ))}
      </div>
      <div className="fiq-tags" aria-hidden="true">
        {TAGS.map((index) => line("tag", index))}
      </div>
    </div>
  );
}
