import { createElement, type ReactNode } from "react";

/**
 * The floor for the render benchmarks: a card's finished DOM, captured once,
 * written again by plain React with no library code — no formatting, no
 * labels, no hooks, no child components. Whatever a card costs above this
 * is the library's own overhead.
 */
export type Template = string | { tag: string; props: Record<string, unknown>; children: Template[] };

// Attributes whose React prop has another name.
const PROP_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  datetime: "dateTime",
  readonly: "readOnly",
  maxlength: "maxLength",
  colspan: "colSpan",
  rowspan: "rowSpan",
};
const BOOLEAN_ATTRIBUTES = new Set(["hidden", "disabled", "checked", "open", "required", "inert"]);

/** The template of a rendered node (text, or an element with its attributes and children). */
export function templateOf(node: Node): Template | null {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const props: Record<string, unknown> = {};
  for (const attribute of Array.from(element.attributes)) {
    props[PROP_NAMES[attribute.name] ?? attribute.name] = BOOLEAN_ATTRIBUTES.has(attribute.name) ? true : attribute.value;
  }
  const children: Template[] = [];
  for (const child of Array.from(element.childNodes)) {
    const template = templateOf(child);
    if (template !== null) children.push(template);
  }
  return { tag: element.localName, props, children };
}

function write(template: Template): ReactNode {
  if (typeof template === "string") return template;
  // Fresh props and children on every render, as compiled JSX makes them.
  return createElement(template.tag, { ...template.props }, ...template.children.map(write));
}

/** Writes one captured card. */
export function Floor({ template }: { template: Template }) {
  return write(template);
}
