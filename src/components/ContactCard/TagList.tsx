import { useId, useState } from "react";
import type { ContactCardLabels } from "./labels.js";

/** The contact's tags, the first `maxTags` shown and a button for the rest. */
export function TagList({ tags, maxTags, labels }: { tags: string[]; maxTags: number; labels: ContactCardLabels }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const hidden = tags.length - maxTags;
  const shown = expanded || hidden <= 0 ? tags : tags.slice(0, maxTags);
  return (
    <div className="fiq-tags">
      {shown.length > 0 && (
        <ul id={id} className="fiq-tags__list" aria-label={labels.tags}>
          {shown.map((tag, index) => (
            // Tags may repeat, so the position is part of the key.
            <li key={`${index}:${tag}`} className="fiq-tag" dir="auto">
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
          aria-controls={shown.length > 0 ? id : undefined}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? labels.fewerTags : labels.moreTags(hidden)}
        </button>
      )}
    </div>
  );
}
