import { useId, useState, type HTMLAttributes } from "react";
import type { Contact } from "../../core/types.js";
import { cx, text } from "../ContactDisplay/format.js";
import { countLabel } from "../ContactDisplay/labels.js";
import { DEFAULT_MAX_TAGS, useDisplayProps, type ContactDisplayOptions } from "../ContactDisplay/useContactDisplay.js";

/**
 * Props of `ContactTags`: the contact, the display options (`maxTags` among them), and any div attribute.
 * @example <ContactTags contact={contact} maxTags={Infinity} />
 */
export type ContactTagsProps = Omit<HTMLAttributes<HTMLDivElement>, "children"> &
  ContactDisplayOptions & {
  /** The contact whose tags to show. */
  contact: Contact;
  /**
   * Extra classes, added after `fiq-tags`.
   * @default undefined
   */
  className?: string;
};

/** How many tags to show for a `maxTags` value: NaN and -Infinity mean the default. */
function tagLimit(maxTags: number): number {
  if (maxTags >= 0) return Math.floor(maxTags);
  return Number.isFinite(maxTags) ? 0 : DEFAULT_MAX_TAGS;
}

/**
 * The contact's tags as a list, the first `maxTags` of them with a button that shows the
 * rest; nothing when the contact has no tags.
 * @example <ContactTags contact={contact} maxTags={3} />
 */
export function ContactTags(props: ContactTagsProps) {
  const [display, { contact, className, ...rest }] = useDisplayProps(props);
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const tags = Array.isArray(contact.tags) ? contact.tags.filter(text) : [];
  if (tags.length === 0) return null;

  const strings = display.labels;
  const limit = tagLimit(display.maxTags);
  const hidden = tags.length - limit;
  const shown = expanded || hidden <= 0 ? tags : tags.slice(0, limit);
  return (
    <div {...rest} className={cx("fiq-tags", className)} data-part="tags">
      {shown.length > 0 && (
        <ul id={listId} className="fiq-tags__list" aria-label={strings.tags}>
          {shown.map((tag, index) => (
            // Tags may repeat, so the key is the position. The title keeps a tag that the
            // stylesheet cuts short (one line, an ellipsis) readable in full.
            <li key={index} className="fiq-tag" dir="auto" title={tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button
          type="button"
          className="fiq-button fiq-button--quiet"
          aria-expanded={expanded}
          aria-controls={shown.length > 0 ? listId : undefined}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? strings.fewerTags : countLabel(strings, strings.moreTags, hidden)}
        </button>
      )}
    </div>
  );
}
