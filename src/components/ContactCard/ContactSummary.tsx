import { formatDate, text } from "./format.js";
import type { ContactCardLabels } from "./labels.js";

/** The contact summary, with its date when that parses. */
export function ContactSummary({
  summary,
  updatedAt,
  labels,
  locale,
  timeZone,
}: {
  summary: unknown;
  updatedAt: unknown;
  labels: ContactCardLabels;
  locale: string;
  timeZone: string;
}) {
  const body = text(summary);
  if (!body) return null;
  const updated = formatDate(updatedAt, locale, timeZone);
  return (
    <div className="fiq-summary">
      <p className="fiq-summary__label">{labels.summary}</p>
      <p className="fiq-summary__text" dir="auto">
        {body}
      </p>
      {updated && (
        <p className="fiq-meta">
          <time dateTime={updated.iso}>{labels.summaryUpdated(updated.text)}</time>
        </p>
      )}
    </div>
  );
}
