/**
 * jsdom has no popover API, and its stylesheet hides every `[popover]` that is not open, so
 * there a shown popover would stay invisible and out of the accessibility tree. This stands in
 * for showPopover/hidePopover with an inline display, in jsdom only (a real browser keeps its
 * own). Returns the undo, for a story's or a test's `beforeEach`.
 */
export function stubPopoverApiInJsdom(): () => void {
  const proto = HTMLElement.prototype as Partial<Pick<HTMLElement, "showPopover" | "hidePopover">>;
  if (typeof proto.showPopover === "function") return () => {};
  proto.showPopover = function (this: HTMLElement) {
    this.style.display = "block";
  };
  proto.hidePopover = function (this: HTMLElement) {
    this.style.removeProperty("display");
  };
  return () => {
    delete proto.showPopover;
    delete proto.hidePopover;
  };
}
