import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, useState, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { ContactChip } from "../../src/components/ContactChip/ContactChip.js";
import { ContactHoverCard } from "../../src/components/ContactHoverCard/ContactHoverCard.js";
import { ContactHoverCardGroup } from "../../src/components/ContactHoverCard/ContactHoverCardGroup.js";
import { defaultContactCardLabels as en } from "../../src/components/ContactDisplay/labels.js";
import { ContactDisplayProvider } from "../../src/components/ContactDisplay/ContactDisplayProvider.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { FAILS, NEVER_ANSWERS, UNKNOWN, inboxHandlers } from "../../stories/support/people.js";
import { server } from "../server.js";
import { clientHolding, recordRequests, renderWithProvider, stubPopoverApiInEachTest } from "../utils.js";

const PHONE = "+27 12 345 6789";
const thandi = buildContact({ full_name: "Thandi Nkosi", tags: ["a", "b", "c", "d"] });

// jsdom has no popover API: these tests stand in for showPopover/hidePopover and watch the calls.
stubPopoverApiInEachTest();
afterEach(() => {
  vi.useRealTimers();
});

/** A client that already holds Thandi, so the chip and card render at once and time is all that moves. */
const cachedClient = () => clientHolding({ [PHONE]: thandi });

/**
 * Renders `ui` from a warm cache with setTimeout faked (MSW and React keep their own scheduling).
 * user-event waits on real timers between steps, so with fake ones these tests act through
 * synchronous events instead: a pointer moving over and out (what React makes enter and leave
 * from), presses, and focus. `openByHover`/`openByFocus` open the card the way each test means to
 * start from an open card (the default 500 ms delay).
 */
function renderWithFakeTimers(ui?: ReactElement) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const rendered = renderCached(ui);
  const hover = (element: Element) => fireEvent.pointerOver(element, { pointerType: "mouse" });
  const focus = (element: HTMLElement) => act(() => element.focus());
  return {
    rendered,
    hover,
    /** The pointer moves from `element` to `to` (by default off the app). */
    leave: (element: Element, to: Element = document.body) => {
      fireEvent.pointerOut(element, { pointerType: "mouse", relatedTarget: to });
      if (to !== document.body) fireEvent.pointerOver(to, { pointerType: "mouse", relatedTarget: element });
    },
    click: (element: Element) => {
      fireEvent.pointerDown(element, { pointerType: "mouse" });
      fireEvent.click(element);
    },
    focus,
    escape: () => fireEvent.keyDown(document.activeElement ?? document.body, { key: "Escape" }),
    openByHover: () => {
      hover(trigger());
      advance(500);
    },
    openByFocus: () => {
      focus(trigger());
      advance(500);
    },
  };
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const trigger = () => screen.getByRole("button", { name: /^Thandi Nkosi/ });
const dialog = () => screen.queryByRole("dialog");

function renderCached(ui = <ContactHoverCard phoneNumber={PHONE} />) {
  return renderWithProvider(
    <main>
      <span>Assigned to</span>
      {ui}
      <button type="button">Reply</button>
    </main>,
    { queryClient: cachedClient() },
  );
}

describe("ContactHoverCard before it opens", () => {
  it("renders its trigger, a button for the contact's chip, and nothing of the popover", () => {
    const { container } = renderCached();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
    expect(trigger()).toHaveAttribute("aria-haspopup", "dialog");
    expect(trigger().getAttribute("aria-controls")).toBeTruthy();
    expect(within(trigger()).getByText("Thandi Nkosi").closest('[data-part="chip"]')).toHaveAttribute("data-state", "ready");
    expect(container.querySelector("[popover]")).toBeNull();
    expect(dialog()).toBeNull();
  });

  it("renders a thousand triggers with no popover, no query and no request", { timeout: 30_000 }, async () => {
    server.use(...createContactHandlers({ contacts: [thandi] }));
    const requests = recordRequests(server);
    const { container, queryClient } = renderWithProvider(
      <ul>
        {/* A positive control: the chip's lookup shows when deferred fetches have had their turn. */}
        <li>
          <ContactChip phoneNumber={PHONE} />
        </li>
        {Array.from({ length: 1000 }, (_, index) => (
          <li key={index}>
            <ContactHoverCard phoneNumber={`+2782${String(5_000_000 + index)}`}>Lead {index}</ContactHoverCard>
          </li>
        ))}
      </ul>,
    );
    expect(container.querySelectorAll('[aria-haspopup="dialog"]')).toHaveLength(1000);
    expect(container.querySelectorAll("[popover], [role='dialog']")).toHaveLength(0);
    // Read once the chip's own request has gone out, so any fetch the triggers deferred would have too.
    await screen.findByText("Thandi Nkosi", undefined, { timeout: 10_000 });
    expect(requests).toHaveLength(1);
    expect(queryClient.getQueryCache().getAll().map((query) => query.queryKey)).toEqual([contactKeys.detail("acme", { phoneNumber: PHONE })]);
  });

  it("has no popover and no style attribute in its server HTML", () => {
    const html = renderToString(
      <FlowIQProvider tenantId="acme" queryClient={cachedClient()}>
        <ContactHoverCard phoneNumber={PHONE} />
      </FlowIQProvider>,
    );
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain("Thandi Nkosi");
    expect(html).not.toMatch(/popover=|role="dialog"|style=/);
  });
});

describe("ContactHoverCard with a pointer", () => {
  it("opens 500 ms after the pointer rests on the trigger, and not before", async () => {
    const show = vi.spyOn(HTMLElement.prototype, "showPopover");
    const user = renderWithFakeTimers();
    user.hover(trigger());
    advance(499);
    expect(dialog()).toBeNull();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
    advance(1);
    const card = screen.getByRole("dialog", { name: "Thandi Nkosi" });
    expect(card).toHaveAttribute("popover", "manual");
    expect(trigger()).toHaveAttribute("aria-expanded", "true");
    expect(trigger()).toHaveAttribute("aria-controls", card.id);
    expect(show.mock.contexts).toEqual([card]);
    expect(within(card).getByRole("article", { name: "Thandi Nkosi" })).toBeInTheDocument();
  });

  it("closes 300 ms after the pointer leaves, unless it comes back first", async () => {
    const user = renderWithFakeTimers();
    user.openByHover();
    user.leave(trigger());
    advance(299);
    expect(dialog()).not.toBeNull();
    user.hover(trigger());
    advance(5000);
    expect(dialog()).not.toBeNull();
    user.leave(trigger());
    advance(300);
    expect(dialog()).toBeNull();
    expect(trigger()).toHaveAttribute("aria-expanded", "false");
  });

  it("stays open while the pointer is in the card, and closes after it leaves the card", async () => {
    const user = renderWithFakeTimers();
    user.openByHover();
    user.leave(trigger(), dialog()!);
    advance(5000);
    expect(dialog()).not.toBeNull();
    user.leave(dialog()!, screen.getByText("Assigned to"));
    advance(300);
    expect(dialog()).toBeNull();
  });

  it("opens nothing when the pointer leaves before the delay", async () => {
    const user = renderWithFakeTimers();
    user.hover(trigger());
    advance(400);
    user.leave(trigger());
    advance(5000);
    expect(dialog()).toBeNull();
  });

  it("honours openDelay and closeDelay", async () => {
    const user = renderWithFakeTimers(<ContactHoverCard phoneNumber={PHONE} openDelay={100} closeDelay={1000} />);
    user.hover(trigger());
    advance(100);
    expect(dialog()).not.toBeNull();
    user.leave(trigger());
    advance(999);
    expect(dialog()).not.toBeNull();
    advance(1);
    expect(dialog()).toBeNull();
  });

  it("ignores a touch pointer's enter and leave: a tap is a click", () => {
    renderWithFakeTimers();
    fireEvent.pointerOver(trigger(), { pointerType: "touch" });
    advance(5000);
    expect(dialog()).toBeNull();
    fireEvent.click(trigger());
    expect(dialog()).not.toBeNull();
    fireEvent.pointerOut(trigger(), { pointerType: "touch" });
    advance(5000);
    expect(dialog()).not.toBeNull();
  });
});

describe("ContactHoverCard with clicks", () => {
  it("opens at once on a click, closes on a second click", async () => {
    const user = renderWithFakeTimers(<ContactHoverCard phoneNumber={PHONE} openDelay={60_000} />);
    user.click(trigger());
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    user.click(trigger());
    expect(dialog()).toBeNull();
  });

  it("stays open when the hover-opened card's trigger is clicked", async () => {
    const user = renderWithFakeTimers();
    user.openByHover();
    user.click(trigger());
    expect(dialog()).not.toBeNull();
  });

  it("closes on a click outside, but not on a click inside the card", async () => {
    const user = renderWithFakeTimers(<ContactHoverCard phoneNumber={PHONE} maxTags={3} />);
    user.click(trigger());
    user.click(within(dialog()!).getByRole("heading", { name: "Thandi Nkosi" }));
    expect(dialog()).not.toBeNull();
    user.click(within(dialog()!).getByRole("button", { name: `+1 more` }));
    expect(within(dialog()!).getByRole("button", { name: en.fewerTags })).toBeInTheDocument();
    user.click(screen.getByText("Assigned to"));
    expect(dialog()).toBeNull();
  });
});

describe("ContactHoverCard with a keyboard", () => {
  it("opens after the delay when the trigger gets focus, and Tab goes on into the card", async () => {
    const user = renderWithFakeTimers();
    user.focus(trigger());
    advance(499);
    expect(dialog()).toBeNull();
    advance(1);
    // Tab order is the DOM's: the card comes right after its trigger. (Chromium checks real Tab presses.)
    const next = [...document.querySelectorAll<HTMLElement>("a[href], button")];
    expect(next[next.indexOf(trigger()) + 1]).toBe(within(dialog()!).getByRole("link", { name: "+27123456789" }));
  });

  it("closes on Escape and puts focus back on the trigger, which does not reopen it", async () => {
    const user = renderWithFakeTimers();
    user.openByFocus();
    user.focus(within(dialog()!).getByRole("link", { name: "+27123456789" }));
    user.escape();
    expect(dialog()).toBeNull();
    expect(trigger()).toHaveFocus();
    advance(5000);
    expect(dialog()).toBeNull();
  });

  it("closes on Escape when the pointer opened it and focus is elsewhere", async () => {
    const user = renderWithFakeTimers();
    user.openByHover();
    user.escape();
    expect(dialog()).toBeNull();
  });

  it("closes when focus leaves both the trigger and the card", async () => {
    const user = renderWithFakeTimers();
    user.openByFocus();
    for (const control of within(dialog()!).getAllByRole("link")) user.focus(control);
    expect(dialog()).not.toBeNull();
    user.focus(screen.getByRole("button", { name: "Reply" }));
    expect(dialog()).toBeNull();
  });

  it("does not open when focus passes through before the delay", async () => {
    const user = renderWithFakeTimers();
    user.focus(trigger());
    advance(200);
    user.focus(screen.getByRole("button", { name: "Reply" }));
    advance(5000);
    expect(dialog()).toBeNull();
  });
});

describe("ContactHoverCard's prefetch", () => {
  /** A hover card with a plain "Thandi" trigger that will not open for a minute; the requests the API gets. */
  function renderUnopened() {
    server.use(...createContactHandlers({ contacts: [thandi] }));
    const requests = recordRequests(server);
    const { queryClient } = renderWithProvider(
      <ContactHoverCard phoneNumber={PHONE} openDelay={60_000}>
        Thandi
      </ContactHoverCard>,
    );
    // Nothing asked for yet: not a request, which a deferred fetch would only start later, but no query at all.
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
    return requests;
  }

  it("asks for the contact as soon as the pointer arrives, before the card opens", async () => {
    const requests = renderUnopened();
    await userEvent.hover(screen.getByRole("button", { name: "Thandi" }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(dialog()).toBeNull();
  });

  it("asks for the contact when the trigger gets focus", async () => {
    const requests = renderUnopened();
    await userEvent.tab();
    await waitFor(() => expect(requests).toHaveLength(1));
  });

  it("asks nothing more for a contact its chip has just loaded", async () => {
    server.use(...createContactHandlers({ contacts: [thandi] }));
    const requests = recordRequests(server);
    renderWithProvider(<ContactHoverCard phoneNumber={PHONE} />);
    await userEvent.hover(await screen.findByRole("button", { name: /^Thandi Nkosi/ }));
    expect(await screen.findByRole("dialog", { name: "Thandi Nkosi" }, { timeout: 5000 })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });
});

describe("ContactHoverCard's card", () => {
  it("gets the display props", async () => {
    const user = renderWithFakeTimers(
      <ContactHoverCard phoneNumber={PHONE} maxTags={1} headingLevel={2} className="wide" labels={{ phone: "Telefon" }} />,
    );
    user.click(trigger());
    const card = within(dialog()!).getByRole("article");
    expect(card).toHaveClass("fiq-card", "wide");
    expect(within(card).getByRole("heading", { level: 2, name: "Thandi Nkosi" })).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: `+3 more` })).toBeInTheDocument();
    expect(within(card).getByText("Telefon")).toBeInTheDocument();
  });

  it("is named by the number when there is no contact, through labels.hoverCardLabel", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(
      <ContactHoverCard phoneNumber="+1 415 555 0100" labels={{ hoverCardLabel: "Contact card: {name}" }} openDelay={0} />,
    );
    await userEvent.click(await screen.findByRole("button", { name: /\+14155550100/ }));
    const popover = await screen.findByRole("dialog", { name: "Contact card: +14155550100" });
    expect(await within(popover).findByRole("status")).toHaveTextContent(en.notFound);
  });

  it("unmounts its popover when it closes, and calls nothing after unmounting", async () => {
    const user = renderWithFakeTimers();
    const { container, unmount } = user.rendered;
    user.openByHover();
    user.leave(trigger());
    advance(300);
    expect(container.querySelector("[popover]")).toBeNull();
    user.hover(trigger());
    // The open delay is pending now; unmounting must clear it (and every other timer of the card's).
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("ContactHoverCard under a ContactDisplayProvider", () => {
  const spaced = (digits: string) => `+${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  const german = { phone: "Telefon", hoverCardLabel: "Kontakt: {name}" };

  it("gives its card and its popover's name the provider's labels, formatPhone, locale and maxTags", () => {
    const user = renderWithFakeTimers(
      <ContactDisplayProvider labels={german} formatPhone={spaced} locale="de-DE" maxTags={1}>
        <ContactHoverCard phoneNumber={PHONE} />
      </ContactDisplayProvider>,
    );
    user.click(trigger());
    const popover = screen.getByRole("dialog", { name: "Kontakt: Thandi Nkosi" });
    const card = within(popover).getByRole("article", { name: "Thandi Nkosi" });
    const phone = within(card).getByText("Telefon").nextElementSibling as HTMLElement;
    expect(within(phone).getByRole("link")).toHaveTextContent(/^\+27 12 3456789$/);
    expect(within(card).getByRole("button", { name: `+3 more` })).toBeInTheDocument();
    expect(within(card).getByText(/^\d{2}\.\d{2}\.\d{4}$/)).toBeInTheDocument();
  });

  it("formats the default trigger's number with the provider's formatPhone", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(
      <ContactDisplayProvider formatPhone={spaced}>
        <ContactHoverCard phoneNumber="+1 415 555 0100" />
      </ContactDisplayProvider>,
    );
    expect(await screen.findByText(en.unknownContactHint)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^\+14 15 5550100/ })).toBeInTheDocument();
  });

  it("lets its own formatPhone and labels win, for the trigger, the popover's name and the card", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(
      <ContactDisplayProvider labels={german} formatPhone={spaced}>
        <ContactHoverCard phoneNumber="+1 415 555 0100" formatPhone={(digits) => `00${digits}`} labels={{ hoverCardLabel: "Karte {name}" }} openDelay={0} />
      </ContactDisplayProvider>,
    );
    await userEvent.click(await screen.findByRole("button", { name: /^0014155550100/ }));
    const popover = await screen.findByRole("dialog", { name: "Karte 0014155550100" });
    expect(await within(popover).findByRole("status")).toHaveTextContent("0014155550100");
  });
});

describe("ContactHoverCard with asChild", () => {
  it("makes the host app's own link the trigger", async () => {
    const user = renderWithFakeTimers(
      <ContactHoverCard phoneNumber={PHONE} asChild>
        <a href="/contacts/thandi">Thandi&apos;s profile</a>
      </ContactHoverCard>,
    );
    const link = screen.getByRole("link", { name: "Thandi's profile" });
    expect(link).toHaveAttribute("aria-expanded", "false");
    expect(link).toHaveAttribute("aria-haspopup", "dialog");
    expect(screen.queryByRole("button", { name: /Thandi/ })).toBeNull();
    user.hover(link);
    advance(500);
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    expect(link).toHaveAttribute("aria-expanded", "true");
    expect(link).toHaveAttribute("aria-controls", dialog()!.id);
  });
});

describe("styles.css and the chip and hover card", () => {
  it("styles every fiq-chip and fiq-hovercard class they use, and uses every one it styles", async () => {
    const css = readFileSync(resolve(import.meta.dirname, "../../src/styles.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const ours = (name: string) => /^fiq-(chip|hovercard)/.test(name);
    const styled = new Set([...css.matchAll(/\.(fiq-[\w-]+)/g)].map((match) => match[1]!).filter(ours));
    server.use(...inboxHandlers([buildContact({ full_name: "Thandi Nkosi", active_status: true, has_unread_messages: true, blocked: true })]));
    const { container } = renderWithProvider(
      <>
        <ContactHoverCard phoneNumber={PHONE} openDelay={0} />
        {[NEVER_ANSWERS, UNKNOWN, FAILS].map((phone) => (
          <ContactChip key={phone} phoneNumber={phone} />
        ))}
      </>,
    );
    await userEvent.click(await screen.findByRole("button", { name: /^Thandi Nkosi/ }));
    await screen.findByRole("dialog", { name: "Thandi Nkosi" });
    await screen.findByText(en.unknownContactHint);
    await screen.findByRole("img", { name: en.errors.server.sentence });
    const used = new Set([...container.querySelectorAll("[class]")].flatMap((node) => [...node.classList]).filter(ours));
    expect([...used].filter((name) => !styled.has(name))).toEqual([]);
    expect([...styled].filter((name) => !used.has(name))).toEqual([]);
  });
});

describe("ContactHoverCard with asChild, merging the app's own props", () => {
  it("runs the link's own handlers and fills its ref as well as the card's", () => {
    const ref = createRef<HTMLAnchorElement>();
    const onClick = vi.fn();
    const onPointerEnter = vi.fn();
    const user = renderWithFakeTimers(
      <ContactHoverCard phoneNumber={PHONE} asChild>
        <a ref={ref} href="/contacts/thandi" onClick={onClick} onPointerEnter={onPointerEnter}>
          Thandi&apos;s profile
        </a>
      </ContactHoverCard>,
    );
    const link = screen.getByRole("link", { name: "Thandi's profile" });
    expect(ref.current).toBe(link);
    user.hover(link);
    expect(onPointerEnter).toHaveBeenCalledTimes(1);
    advance(500);
    expect(dialog()).not.toBeNull();
    user.click(link);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("opens on a tap on a link without following it; a second tap follows it", () => {
    const user = renderWithFakeTimers(
      <ContactHoverCard phoneNumber={PHONE} asChild>
        <a href="/contacts/thandi">Thandi&apos;s profile</a>
      </ContactHoverCard>,
    );
    const link = screen.getByRole("link", { name: "Thandi's profile" });
    const tap = () => {
      fireEvent.pointerDown(link, { pointerType: "touch" });
      // fireEvent gives false when a handler prevented the default (here: following the link).
      return fireEvent.click(link);
    };
    expect(tap()).toBe(false);
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    expect(tap()).toBe(true);
    // A mouse click follows the link as links do.
    user.click(document.body);
    expect(fireEvent.click(link)).toBe(true);
  });
});

describe("ContactHoverCard controlled by the app", () => {
  it("opens and closes when the app says, and asks through onOpenChange", () => {
    const onOpenChange = vi.fn();
    const user = renderWithFakeTimers(<ContactHoverCard phoneNumber={PHONE} open={false} onOpenChange={onOpenChange} />);
    user.openByHover();
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(true);
    expect(dialog()).toBeNull();
    user.rendered.rerender(
      <main>
        <ContactHoverCard phoneNumber={PHONE} open onOpenChange={onOpenChange} />
      </main>,
    );
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    user.escape();
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(dialog()).not.toBeNull();
  });

  it("opens from a button of the app's own, with nothing hovered", () => {
    function Inbox() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Show Thandi
          </button>
          <ContactHoverCard phoneNumber={PHONE} open={open} onOpenChange={setOpen} />
        </>
      );
    }
    const user = renderWithFakeTimers(<Inbox />);
    user.click(screen.getByRole("button", { name: "Show Thandi" }));
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    user.click(screen.getByText("Assigned to"));
    expect(dialog()).toBeNull();
  });

  it("starts open with defaultOpen", () => {
    renderWithFakeTimers(<ContactHoverCard phoneNumber={PHONE} defaultOpen />);
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
  });
});

describe("ContactHoverCards in a ContactHoverCardGroup (a table)", () => {
  const SIPHO = "+27 82 555 0123";
  function renderTable() {
    const queryClient = cachedClient();
    queryClient.setQueryData(contactKeys.detail("acme", { phoneNumber: SIPHO }), buildContact({ full_name: "Sipho Dlamini", phone_number: "+27825550123" }));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    renderWithProvider(
      <ContactHoverCardGroup>
        <table>
          <tbody>
            <tr>
              <td>
                <ContactHoverCard phoneNumber={PHONE} />
              </td>
            </tr>
            <tr>
              <td>
                <ContactHoverCard phoneNumber={SIPHO} />
              </td>
            </tr>
          </tbody>
        </table>
      </ContactHoverCardGroup>,
      { queryClient },
    );
    const row = (name: RegExp) => screen.getByRole("button", { name });
    return { thandiRow: row(/^Thandi Nkosi/), siphoRow: row(/^Sipho Dlamini/) };
  }
  const over = (element: Element, from?: Element) => {
    if (from) fireEvent.pointerOut(from, { pointerType: "mouse", relatedTarget: element });
    fireEvent.pointerOver(element, { pointerType: "mouse", relatedTarget: from ?? document.body });
  };

  it("opens the next row's card at once and closes the first at the same moment", () => {
    const { thandiRow, siphoRow } = renderTable();
    over(thandiRow);
    advance(500);
    expect(screen.getByRole("dialog", { name: "Thandi Nkosi" })).toBeInTheDocument();
    over(siphoRow, thandiRow);
    expect(screen.getAllByRole("dialog").map((node) => node.getAttribute("aria-label"))).toEqual(["Sipho Dlamini"]);
  });

  it("waits the delay again after a pause with no card open", () => {
    const { thandiRow, siphoRow } = renderTable();
    over(thandiRow);
    advance(500);
    fireEvent.pointerOut(thandiRow, { pointerType: "mouse", relatedTarget: document.body });
    advance(300 + 1000);
    expect(dialog()).toBeNull();
    over(siphoRow);
    expect(dialog()).toBeNull();
    advance(500);
    expect(screen.getByRole("dialog", { name: "Sipho Dlamini" })).toBeInTheDocument();
  });

  it("keeps each card on its own delay without a group", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const queryClient = cachedClient();
    renderWithProvider(
      <>
        <ContactHoverCard phoneNumber={PHONE}>Row one</ContactHoverCard>
        <ContactHoverCard phoneNumber={PHONE}>Row two</ContactHoverCard>
      </>,
      { queryClient },
    );
    over(screen.getByRole("button", { name: "Row one" }));
    advance(500);
    const rowTwo = screen.getByRole("button", { name: "Row two" });
    over(rowTwo, screen.getByRole("button", { name: "Row one" }));
    expect(rowTwo).toHaveAttribute("aria-expanded", "false");
    advance(500);
    expect(rowTwo).toHaveAttribute("aria-expanded", "true");
  });
});
