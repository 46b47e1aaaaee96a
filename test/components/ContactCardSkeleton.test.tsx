import { render, screen } from "@testing-library/react";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";

describe("ContactCardSkeleton", () => {
  it("is a busy card with a hidden Loading contact… label", () => {
    const { container } = render(<ContactCardSkeleton />);
    const root = container.firstElementChild!;
    expect(root).toHaveClass("fiq-card");
    expect(root).toHaveAttribute("data-state", "loading");
    expect(root).toHaveAttribute("aria-busy", "true");
    expect(screen.getByText("Loading contact…")).toHaveClass("fiq-sr-only");
  });

  it("hides its placeholder shapes from assistive technology", () => {
    const { container } = render(<ContactCardSkeleton />);
    const shapes = container.querySelectorAll(".fiq-skeleton__line, .fiq-skeleton__block");
    expect(shapes.length).toBeGreaterThan(3);
    for (const shape of shapes) expect(shape.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(container.textContent).toBe("Loading contact…");
  });

  it("has a typical card's parts: avatar, name and badge, six detail rows and a row of tags", () => {
    const { container } = render(<ContactCardSkeleton />);
    expect(container.querySelectorAll(".fiq-card__header .fiq-avatar")).toHaveLength(1);
    expect(container.querySelectorAll(".fiq-card__title .fiq-skeleton__line")).toHaveLength(2);
    // A label and a value per row, in the loaded card's own two-column grid.
    expect(container.querySelectorAll(".fiq-details > .fiq-skeleton__line")).toHaveLength(12);
    expect(container.querySelectorAll(".fiq-tags > .fiq-skeleton__line").length).toBeGreaterThanOrEqual(3);
  });

  it("takes a loading label override", () => {
    render(<ContactCardSkeleton labels={{ loading: "جارٍ التحميل…" }} />);
    expect(screen.getByText("جارٍ التحميل…")).toBeInTheDocument();
  });

  it("merges className and passes DOM props to the root", () => {
    const { container } = render(<ContactCardSkeleton className="tall" id="s1" title="wait" data-x="1" />);
    const root = container.firstElementChild!;
    expect(root).toHaveClass("fiq-card", "tall");
    expect(root).toHaveAttribute("id", "s1");
    expect(root).toHaveAttribute("title", "wait");
    expect(root).toHaveAttribute("data-x", "1");
  });

  it("writes no style attribute", () => {
    const { container } = render(<ContactCardSkeleton />);
    expect(container.querySelectorAll("[style]")).toHaveLength(0);
  });
});

describe("ContactCardSkeleton's placeholders", () => {
  it("gives each one the size the stylesheet draws it at, in a comfortable card by default", () => {
    const { container } = render(<ContactCardSkeleton />);
    expect(container.firstElementChild).toHaveAttribute("data-density", "comfortable");
    const sizes = (selector: string) => [...container.querySelectorAll(selector)].map((node) => node.getAttribute("data-size"));
    expect(sizes(".fiq-card__title > .fiq-skeleton__line")).toEqual(["name", "badge"]);
    // Label, value: phone, WhatsApp, email, source, location, added.
    expect(sizes(".fiq-details > .fiq-skeleton__line")).toEqual(["label", "md", "label", "sm", "label", "lg", "label", "sm", "label", "md", "label", "sm"]);
    expect(sizes(".fiq-tags > .fiq-skeleton__line")).toEqual(["tag", "tag", "tag"]);
  });
});
