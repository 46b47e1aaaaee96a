import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Mock } from "vitest";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { ContactCardView, ContactDetails } from "../../src/index.js";
import { buildContact } from "../../src/msw/buildContact.js";

const contact = buildContact({ phone_number: "+27 12 345 6789", email: "thandi@example.co.za" });

/** The polite live region that belongs to a copy button (its next sibling). */
const liveRegion = (button: HTMLElement) => button.nextElementSibling as HTMLElement;

function withClipboard(clipboard: Partial<Clipboard> | undefined) {
  const original = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
  return () => {
    if (original) Object.defineProperty(navigator, "clipboard", original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  };
}

/**
 * Under fake timers, with a clipboard that accepts: ContactDetails' phone copy button, clicked once
 * and confirming, handed to `then` with the clipboard; timers and clipboard put back after.
 */
async function afterOneCopy(then: (button: HTMLElement, clipboard: { writeText: Mock<(text: string) => Promise<void>> }) => Promise<void>) {
  vi.useFakeTimers();
  const clipboard = { writeText: vi.fn((_text: string) => Promise.resolve()) };
  const restore = withClipboard(clipboard);
  try {
    render(<ContactDetails contact={contact} fields={["phone"]} />);
    const button = screen.getByRole("button", { name: "Copy +27123456789" });
    await act(async () => button.click());
    expect(liveRegion(button)).toHaveTextContent("Copied");
    await then(button, clipboard);
  } finally {
    restore();
    vi.useRealTimers();
  }
}

describe("ContactCardView's copy buttons", () => {
  it("copy the phone number as +digits and say so politely", async () => {
    const user = userEvent.setup();
    render(<ContactCardView contact={contact} />);
    const button = screen.getByRole("button", { name: "Copy +27123456789" });
    expect(liveRegion(button)).toHaveAttribute("aria-live", "polite");
    expect(liveRegion(button)).toBeEmptyDOMElement();
    await user.click(button);
    expect(await navigator.clipboard.readText()).toBe("+27123456789");
    expect(liveRegion(button)).toHaveTextContent("Copied");
    expect(button).toHaveAttribute("data-state", "copied");
  });

  it("copy the email address as it is", async () => {
    const user = userEvent.setup();
    render(<ContactCardView contact={contact} />);
    await user.click(screen.getByRole("button", { name: "Copy thandi@example.co.za" }));
    expect(await navigator.clipboard.readText()).toBe("thandi@example.co.za");
  });

  it("copy the plain number even when formatPhone shows it otherwise", async () => {
    const user = userEvent.setup();
    render(<ContactCardView contact={contact} formatPhone={() => "012 345 6789"} />);
    await user.click(screen.getByRole("button", { name: "Copy 012 345 6789" }));
    expect(await navigator.clipboard.readText()).toBe("+27123456789");
  });

  it("can be reached with Tab and used with Enter", async () => {
    const user = userEvent.setup();
    render(<ContactDetails contact={contact} fields={["phone"]} />);
    await user.tab();
    await user.tab();
    const button = screen.getByRole("button", { name: "Copy +27123456789" });
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await navigator.clipboard.readText()).toBe("+27123456789");
  });

  it("offer to copy again once the confirmation has been shown", async () => {
    await afterOneCopy(async (button) => {
      await act(async () => vi.advanceTimersByTime(2000));
      expect(liveRegion(button)).toBeEmptyDOMElement();
      expect(button).toHaveAttribute("data-state", "idle");
    });
  });

  it("are idle at first, named by what they copy, and titled by the outcome once clicked", async () => {
    const user = userEvent.setup();
    render(<ContactDetails contact={contact} fields={["phone"]} />);
    const button = screen.getByRole("button", { name: "Copy +27123456789" });
    expect(button).toHaveAttribute("data-state", "idle");
    expect(button).toHaveAttribute("title", "Copy +27123456789");
    await user.click(button);
    expect(liveRegion(button)).toHaveTextContent("Copied");
    expect(button).toHaveAttribute("title", "Copied");
  });

  it("keep no timer running while idle", () => {
    vi.useFakeTimers();
    try {
      render(<ContactDetails contact={contact} fields={["phone", "email"]} />);
      expect(screen.getAllByRole("button", { name: /^Copy/ })).toHaveLength(2);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("show a new outcome for its full time, even when it follows an earlier one", async () => {
    await afterOneCopy(async (button, clipboard) => {
      await act(async () => vi.advanceTimersByTime(1500));
      clipboard.writeText.mockImplementation(() => Promise.reject(new DOMException("Denied.", "NotAllowedError")));
      await act(async () => button.click());
      expect(liveRegion(button)).toHaveTextContent("Could not copy");
      // Past the first outcome's two seconds, the second still shows.
      await act(async () => vi.advanceTimersByTime(1000));
      expect(liveRegion(button)).toHaveTextContent("Could not copy");
      expect(button).toHaveAttribute("data-state", "failed");
      await act(async () => vi.advanceTimersByTime(1000));
      expect(button).toHaveAttribute("data-state", "idle");
    });
  });

  it("take translated labels", async () => {
    const user = userEvent.setup();
    render(<ContactCardView contact={contact} labels={{ copy: "{value} kopieren", copied: "Kopiert" }} />);
    const button = screen.getByRole("button", { name: "+27123456789 kopieren" });
    await user.click(button);
    expect(liveRegion(button)).toHaveTextContent("Kopiert");
  });

  it("are absent with copyable={false}", () => {
    render(<ContactCardView contact={contact} copyable={false} />);
    expect(screen.queryByRole("button", { name: /^Copy/ })).toBeNull();
    expect(document.querySelector("[aria-live]")).toBeNull();
  });
});

describe("ContactCardView's copy buttons without a working clipboard", () => {
  it.each([
    ["no clipboard at all", undefined],
    ["a clipboard that refuses", { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) }],
    ["a clipboard that throws at once", { writeText: () => { throw new TypeError("blocked"); } }],
  ])("say Could not copy, and throw nothing, given %s", async (_case, clipboard) => {
    // A rejection left unhandled would fail the run: Vitest reports unhandled errors.
    const restore = withClipboard(clipboard as Partial<Clipboard> | undefined);
    try {
      render(<ContactCardView contact={contact} />);
      const button = screen.getByRole("button", { name: "Copy +27123456789" });
      await act(async () => button.click());
      expect(liveRegion(button)).toHaveTextContent("Could not copy");
      expect(button).toHaveAttribute("data-state", "failed");
    } finally {
      restore();
    }
  });
});

describe("ContactCardView's copy buttons rendered on the server", () => {
  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    document.body.innerHTML = "";
  });

  it("hydrate to the same markup with no warnings", async () => {
    // Installed before the server render, so a warning from either side is caught.
    const consoleError = vi.spyOn(console, "error");
    const ui = <ContactCardView contact={contact} />;
    const html = renderToString(ui);
    expect(html).toContain('aria-label="Copy +27123456789"');
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    // The server's markup as the browser parsed it, to compare with what hydration leaves.
    const serverDom = container.innerHTML;
    const recoverable: unknown[] = [];
    await act(async () => {
      root = hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(serverDom);
  });
});
