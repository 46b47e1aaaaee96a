import type { HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactCard/format.js";
import { resolveLabels, type ContactCardLabels } from "../ContactCard/labels.js";
import { dateTime } from "./inline.js";

export type ContactSummaryProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  /** The contact whose conversation summary to show. */
  contact: Contact;
  /**
   * BCP 47 locale for the summary's date; an unsupported one falls back to `"en-US"`.
   * @default "en-US"
   */
  locale?: string;
  /**
   * IANA time zone for the summary's date, explicit so server and browser agree.
   * @default "UTC"
   */
  timeZone?: string;
  /**
   * Extra classes, added after `fiq-summary`.
   * @default undefined
   */
  className?: string;
  /**
   * Overrides for `labels.summary` and `labels.summaryUpdated`.
   * @default defaultContactCardLabels
   */
  labels?: Partial<ContactCardLabels>;
};

/**
 * The contact's conversation summary with the date it was last updated; nothing when the
 * summary is blank.
 * @example <ContactSummary contact={contact} locale="de-DE" />
 */
export function ContactSummary({ contact, locale = "en-US", timeZone = "UTC", className, labels, ...rest }: ContactSummaryProps) {
  const summary = text(contact.contact_summary);
  if (!summary) return null;
  const strings = resolveLabels(labels);
  const updated = dateTime(contact.contact_summary_updated_at, locale, timeZone, strings.summaryUpdated);
  return (
    <div {...rest} className={cx("fiq-summary", className)} data-part="summary">
      <p className="fiq-summary__label">{strings.summary}</p>
      <p className="fiq-summary__text" dir="auto">
        {summary}
      </p>
      {updated && <p className="fiq-meta">{updated}</p>}
    </div>
  );
}
