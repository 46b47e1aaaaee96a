// useOffscreenSkip alone, on a root that changes element (as a card's skeleton becomes the card):
// where IntersectionObserver is missing, outside any element parent, and the mark a new root
// inherits. The module keeps one observer in module state, so each test loads it afresh.
import { act, render } from "@testing-library/react";
import { createRoot } from "react-dom/client";
import type { useOffscreenSkip as UseOffscreenSkip } from "../../src/components/ContactCard/useOffscreenSkip.js";

let useOffscreenSkip: typeof UseOffscreenSkip;

beforeEach(async () => {
  vi.resetModules();
  ({ useOffscreenSkip } = await import("../../src/components/ContactCard/useOffscreenSkip.js"));
});

class ReportingObserver {
  static all: ReportingObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    ReportingObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  report(onScreen: boolean) {
    const entries = [...this.targets].map((target) => ({ target, isIntersecting: onScreen }) as IntersectionObserverEntry);
    act(() => this.callback(entries, this as unknown as IntersectionObserver));
  }
}

/** A card's root: a skeleton (div) until `loaded`, then the card (article). */
function Card({ loaded }: { loaded: boolean }) {
  const ref = useOffscreenSkip();
  return loaded ? <article ref={ref} className="fiq-card" /> : <div ref={ref} className="fiq-card" />;
}
const grid = (loaded: boolean) => (
  <div className="fiq-card-grid">
    <Card loaded={loaded} />
  </div>
);
const root = () => document.querySelector(".fiq-card") as HTMLElement;

describe("useOffscreenSkip", () => {
  it("does nothing, and throws nothing, in a grid where IntersectionObserver does not exist", () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const { rerender, unmount } = render(grid(false));
    expect(root()).not.toHaveAttribute("data-offscreen");
    rerender(grid(true));
    expect(root().tagName).toBe("ARTICLE");
    expect(root()).not.toHaveAttribute("data-offscreen");
    unmount();
  });

  it("does nothing outside a grid, also when the root changes before any card was observed", () => {
    ReportingObserver.all = [];
    vi.stubGlobal("IntersectionObserver", ReportingObserver);
    const { rerender, unmount } = render(<Card loaded={false} />);
    rerender(<Card loaded />);
    expect(root().tagName).toBe("ARTICLE");
    unmount();
    expect(ReportingObserver.all).toEqual([]);
  });

  it("does nothing for a root with no parent element (rendered straight into a shadow root)", () => {
    vi.stubGlobal("IntersectionObserver", ReportingObserver);
    const host = document.body.appendChild(document.createElement("div"));
    const shadow = host.attachShadow({ mode: "open" });
    const reactRoot = createRoot(shadow);
    try {
      act(() => reactRoot.render(<Card loaded={false} />));
      act(() => reactRoot.render(<Card loaded />));
      expect(shadow.querySelector("article")).not.toHaveAttribute("data-offscreen");
    } finally {
      act(() => reactRoot.unmount());
      host.remove();
    }
  });

  it("starts a grid's first root unmarked, and passes the observer's own mark to the next root", () => {
    ReportingObserver.all = [];
    vi.stubGlobal("IntersectionObserver", ReportingObserver);
    const { rerender } = render(grid(false));
    const observer = ReportingObserver.all[0]!;
    expect(observer.targets).toEqual(new Set([root()]));
    // Nothing is known about where it is until the browser reports.
    expect(root()).not.toHaveAttribute("data-offscreen");
    observer.report(false);
    const mark = root().getAttribute("data-offscreen");
    expect(mark).toBe("");
    rerender(grid(true));
    expect(root().tagName).toBe("ARTICLE");
    expect(root().getAttribute("data-offscreen")).toBe(mark);
    expect(observer.targets).toEqual(new Set([root()]));
  });

  it("gives the next root no mark when its predecessor was near the viewport", () => {
    ReportingObserver.all = [];
    vi.stubGlobal("IntersectionObserver", ReportingObserver);
    const { rerender } = render(grid(false));
    ReportingObserver.all[0]!.report(true);
    rerender(grid(true));
    expect(root().tagName).toBe("ARTICLE");
    expect(root()).not.toHaveAttribute("data-offscreen");
  });
});
