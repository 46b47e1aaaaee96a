import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactDisplay/format.js";
import { fill } from "../ContactDisplay/labels.js";
import { useDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";
import { dateTime } from "./inline.js";

/**
 * Props of `ContactSummary`: the contact, the display options, and any div attribute.
 * @example <ContactSummary contact={contact} timeZone="Africa/Johannesburg" />
 */
export type ContactSummaryProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> &
  ContactDisplayOptions & {
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
  const [display, { contact, className, ...rest }] = useDisplayProps(props);
  const summary = text(contact.contact_summary);
  if (!summary) return null;
  const { labels } = display;
  const updated = dateTime(contact.contact_summary_updated_at, display.locale, display.timeZone, (date) => fill(labels.summaryUpdated, { date }));
  return (
    <div {...rest} className={cx("fiq-summary", className)} data-part="summary">
      <p className="fiq-summary__label">{labels.summary}</p>
      <p className="fiq-summary__text" dir="auto">
        {summary}
      </p>
      {updated && <p className="fiq-meta">{updated}</p>}
    </div>
  );
}
