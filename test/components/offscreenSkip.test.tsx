// ContactCard in a .fiq-card-grid marks itself data-offscreen while far from the viewport (the
// stylesheet then lets the browser skip it; checked in Chromium by the "A wall of 120 cards" story).
// jsdom has no IntersectionObserver, so this one reports what the test says is on screen.
import { act, screen } from "@testing-library/react";
import { delay, http, HttpResponse } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { server } from "../server.js";
import { API, renderWithProvider } from "../utils.js";

class ReportingObserver {
  /** The library keeps one observer for all its cards. */
  static all: ReportingObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
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
  /** Reports each observed target as on screen or not, as the browser does after a frame. */
  report(onScreen: (target: Element) => boolean) {
    const entries = [...this.targets].map((target) => ({ target, isIntersecting: onScreen(target) }) as IntersectionObserverEntry);
    act(() => this.callback(entries, this as unknown as IntersectionObserver));
  }
}
const observer = () => ReportingObserver.all[0]!;

const thandi = buildContact({ full_name: "Thandi Nkosi" });
let answer: () => void;
beforeEach(() => {
  vi.stubGlobal("IntersectionObserver", ReportingObserver);
  // The answer waits for the test, so the card is a skeleton until then.
  const released = new Promise<void>((resolve) => (answer = resolve));
  server.use(
    http.get(`${API}/contact`, async () => {
      await released;
      await delay(1);
      return HttpResponse.json({ contact: thandi });
    }),
  );
});

const grid = (children: React.ReactNode) => <div className="fiq-card-grid">{children}</div>;
const card = () => document.querySelector(".fiq-card") as HTMLElement;

describe("ContactCard in a .fiq-card-grid", () => {
  it("is marked data-offscreen while the browser says it is far from the viewport, and unmarked once near", async () => {
    renderWithProvider(grid(<ContactCard phoneNumber="+27123456789" />));
    // Not marked before the browser has said where it is.
    expect(card()).not.toHaveAttribute("data-offscreen");
    answer();
    await screen.findByRole("heading", { name: "Thandi Nkosi" });
    expect(card()).not.toHaveAttribute("data-offscreen");
    expect(observer().options?.rootMargin).toBe("100% 0px");
    expect(observer().targets).toEqual(new Set([card()]));
    observer().report(() => false);
    expect(card()).toHaveAttribute("data-offscreen");
    observer().report(() => true);
    expect(card()).not.toHaveAttribute("data-offscreen");
  });

  it("loads off screen straight into its mark: the card that replaces the skeleton starts with it", async () => {
    renderWithProvider(grid(<ContactCard phoneNumber="+27123456789" />));
    const skeleton = card();
    expect(skeleton).toHaveAttribute("data-state", "loading");
    expect(observer().targets).toEqual(new Set([skeleton]));
    observer().report(() => false);
    // Each root the card renders, marked or not, from the moment it is in the document.
    const marks: boolean[] = [];
    const watch = new MutationObserver(() => {
      if (card() && card() !== skeleton) marks.push(card().hasAttribute("data-offscreen"));
    });
    watch.observe(document.body, { childList: true, subtree: true });
    answer();
    await screen.findByRole("heading", { name: "Thandi Nkosi" });
    watch.disconnect();
    expect(card()).not.toBe(skeleton);
    expect(marks[0]).toBe(true);
    // The same mark the browser's reports set (toggleAttribute): present and empty.
    expect(card()).toHaveAttribute("data-offscreen", "");
    expect(observer().targets).toEqual(new Set([card()]));
  });

  it("stops being observed when it unmounts", async () => {
    const { unmount } = renderWithProvider(grid(<ContactCard phoneNumber="+27123456789" />));
    answer();
    await screen.findByRole("heading", { name: "Thandi Nkosi" });
    expect(observer().targets.size).toBe(1);
    unmount();
    expect(observer().targets.size).toBe(0);
  });
});

describe("ContactCard outside a grid", () => {
  it("is never observed (the stylesheet skips a plain list's cards by itself)", async () => {
    const before = ReportingObserver.all[0]?.targets.size ?? 0;
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    answer();
    await screen.findByRole("heading", { name: "Thandi Nkosi" });
    expect(ReportingObserver.all[0]?.targets.size ?? 0).toBe(before);
    expect(card()).not.toHaveAttribute("data-offscreen");
  });
});

describe("ContactCard where IntersectionObserver does not exist", () => {
  it("renders in a grid, unobserved and never marked", async () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const before = ReportingObserver.all.map((one) => one.targets.size);
    renderWithProvider(grid(<ContactCard phoneNumber="+27123456789" />));
    answer();
    await screen.findByRole("heading", { name: "Thandi Nkosi" });
    expect(card()).not.toHaveAttribute("data-offscreen");
    expect(ReportingObserver.all.map((one) => one.targets.size)).toEqual(before);
  });
});

describe("ContactCard at the top of a shadow root (a web component's)", () => {
  it("renders, with no parent element to look for a grid in", async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const root = host.attachShadow({ mode: "open" });
    try {
      renderWithProvider(<ContactCard phoneNumber="+27123456789" />, { render: { container: root as unknown as HTMLElement } });
      answer();
      await vi.waitFor(() => expect(root.textContent).toContain("Thandi Nkosi"));
      expect((root.querySelector(".fiq-card") as HTMLElement).parentElement).toBeNull();
    } finally {
      host.remove();
    }
  });
});
