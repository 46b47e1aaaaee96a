import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactCard/format.js";
import { useContactDisplay, type ContactDisplay, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";
import { dateTime } from "./inline.js";

export type ContactSummaryProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> &
  Pick<ContactDisplayOptions, "locale" | "timeZone" | "labels"> & {
  /** The contact whose conversation summary to show. */
  contact: Contact;
  /**
   * Extra classes, added after `fiq-summary`.
   * @default undefined
   */
  className?: string;
};

/**
 * The contact's conversation summary with the date it was last updated; nothing when the
 * summary is blank.
 * @example <ContactSummary contact={contact} locale="de-DE" />
 */
export function ContactSummary(props: ContactSummaryProps) {
  const { locale, timeZone, labels } = props;
  return summaryMarkup(props, useContactDisplay({ locale, timeZone, labels }));
}

/** {@link ContactSummary}'s markup with the display settings decided, for a composition that draws its parts in one component. */
export function summaryMarkup(
  { contact, locale: _locale, timeZone: _timeZone, labels: _labels, className, ...rest }: ContactSummaryProps,
  display: ContactDisplay,
) {
  const summary = text(contact.contact_summary);
  if (!summary) return null;
  const updated = dateTime(contact.contact_summary_updated_at, display.locale, display.timeZone, display.labels.summaryUpdated);
  return (
    <div {...rest} className={cx("fiq-summary", className)} data-part="summary">
      <p className="fiq-summary__label">{display.labels.summary}</p>
      <p className="fiq-summary__text" dir="auto">
        {summary}
      </p>
      {updated && <p className="fiq-meta">{updated}</p>}
    </div>
  );
}
