import { createElement, type HTMLAttributes, type ReactNode } from "react";
import { hasContent, headingTag, rootClass } from "../ContactDisplay/format.js";

/** Which drawn icon a notice shows. */
export type NoticeIcon = "unknown" | "alert" | "wait";

export type ContactCardNoticeProps = Omit<HTMLAttributes<HTMLDivElement>, "children" | "title"> & {
  state: "not-found" | "error";
  /** How serious it looks: not found is neutral; a passing problem is a warning. */
  tone: "neutral" | "warning" | "danger";
  icon: NoticeIcon;
  title: ReactNode;
  /** The number looked up, as shown; under the title, or as the title itself. */
  number?: ReactNode;
  message: string;
  /** Lines after the message, such as the rate limit's countdown. */
  footer?: ReactNode;
  actions?: ReactNode;
  headingLevel?: number;
  density?: string;
};

/**
 * The shape the not-found and error states share: an icon and a title where the avatar and name
 * would be, so a grid of cards still lines up, then one plain sentence and the actions.
 */
export function ContactCardNotice({
  state,
  tone,
  icon,
  title,
  number,
  message,
  footer,
  actions,
  headingLevel = 3,
  density,
  className,
  ...rest
}: ContactCardNoticeProps) {
  return (
    <div
      {...rest}
      className={rootClass(className)}
      data-state={state}
      data-tone={tone}
      data-density={density}
      role={state === "error" ? "alert" : "status"}
    >
      <div className="fiq-card__header">
        <span className="fiq-card__icon" data-icon={icon} aria-hidden="true" />
        <div className="fiq-card__title">
          {createElement(headingTag(headingLevel), { className: "fiq-card__name" }, title)}
          {number}
        </div>
      </div>
      <p className="fiq-card__message">{message}</p>
      {footer}
      {hasContent(actions) && <div className="fiq-card__actions">{actions}</div>}
    </div>
  );
}
