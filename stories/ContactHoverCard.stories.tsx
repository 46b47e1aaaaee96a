import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fireEvent, userEvent, waitFor, within } from "storybook/test";
import { useState } from "react";
import { ContactChip, ContactHoverCard, ContactHoverCardGroup, defaultContactCardLabels as en, type ContactHoverCardProps } from "../src/index.js";
import { QueryCount } from "./support/QueryCount.js";
import { expectVisibleFocusRing, inRealBrowser, luminance, settled } from "./support/checks.js";
import { requestCounter } from "./support/handlers.js";
import { stubPopoverApiInJsdom } from "./support/popover.js";
import { FAILS, PEOPLE, UNKNOWN, inboxHandlers, sipho, thandi } from "./support/people.js";

/** The trigger of the hover card whose chip shows this name. */
const triggerFor = async (canvasElement: HTMLElement, name: string) =>
  (await within(canvasElement).findByRole("button", { name: new RegExp(`^${name}`) }, settled)) as HTMLElement;

/** The open card: a DOM child of the story (the trigger's sibling), drawn in the top layer. */
const openCard = (canvasElement: HTMLElement, name: string) => within(canvasElement).findByRole("dialog", { name }, settled);

/** Popovers of this story; Storybook's own page has some of its own, outside the story. */
const popovers = (canvasElement: HTMLElement) => canvasElement.querySelectorAll("[popover], [role='dialog']");

const counter = requestCounter();

/** The story's display args without its lookup, for stories that show other people. */
function display(args: ContactHoverCardProps) {
  const { phoneNumber: _phone, whatsappId: _whatsapp, ...rest } = args;
  return rest;
}

const meta = {
  title: "ContactHoverCard",
  component: ContactHoverCard,
  tags: ["autodocs"],
  args: { phoneNumber: thandi.phone_number!, maxTags: 3 },
  beforeEach: () => stubPopoverApiInJsdom(),
  argTypes: {
    labels: { control: "object" },
    actions: { control: false },
    formatPhone: { control: false },
    children: { control: false },
    locale: { table: { defaultValue: { summary: '"en-US"' } } },
    timeZone: { table: { defaultValue: { summary: '"UTC"' } } },
    placement: { table: { defaultValue: { summary: '"bottom-start"' } } },
  },
  parameters: {
    msw: { handlers: inboxHandlers() },
    docs: {
      featured: ["InboxRow", "CustomTrigger", "UnknownNumber", "LookupFails"],
      description: {
        component:
          "The contact's card in a popover beside a trigger (by default the contact's `ContactChip`). It opens when the pointer rests on the trigger (`openDelay`), on keyboard focus and on a tap or click; it stays open while the pointer moves into the card, and closes on Escape, a click outside, or `closeDelay` after the pointer has left both. The popover is in the top layer, so no table or scroll container clips it, and nothing of it exists before it first opens.",
      },
    },
  },
  render: (args) => (
    <div className="sb-row">
      <span>Assigned to</span>
      <ContactHoverCard {...args} />
      <button type="button" className="sb-button">
        Reply
      </button>
    </div>
  ),
} satisfies Meta<typeof ContactHoverCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InboxRow: Story = {
  name: "Inbox row (closed)",
  play: async ({ canvasElement }) => {
    // Nothing of the popover exists before it first opens.
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await expect(trigger).toHaveAttribute("aria-haspopup", "dialog");
    await expect(popovers(canvasElement)).toHaveLength(0);
  },
};

export const Open: Story = {
  name: "Open on hover",
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
    await expect(popovers(canvasElement)).toHaveLength(0);
    await userEvent.hover(trigger);
    const dialog = await openCard(canvasElement, "Thandi Nkosi");
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await expect(trigger).toHaveAttribute("aria-controls", dialog.id);
    await expect(dialog).toHaveAttribute("popover", "manual");
    const card = await within(dialog).findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(within(card).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual([
      "tel:+27123456789",
      "https://wa.me/27123456789",
      "mailto:thandi.nkosi@example.co.za",
    ]);
    if (inRealBrowser()) await expect(dialog.matches(":popover-open")).toBe(true);
  },
};

export const PointerIntoCard: Story = {
  name: "Pointer moves into the card, then away",
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    await userEvent.hover(trigger);
    const dialog = await openCard(canvasElement, "Thandi Nkosi");
    // Into the card: the pointer left the trigger but not the hover card.
    await userEvent.hover(dialog);
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    await userEvent.unhover(dialog);
    await userEvent.hover(canvasElement.querySelector(".sb-row > span")!);
    await waitFor(() => expect(popovers(canvasElement)).toHaveLength(0), settled);
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
  },
};

export const Keyboard: Story = {
  name: "Keyboard: focus opens, Tab reaches the links, Escape returns",
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.tab();
    await expectVisibleFocusRing(trigger);
    const dialog = await openCard(canvasElement, "Thandi Nkosi");
    await within(dialog).findByRole("article", { name: "Thandi Nkosi" }, settled);
    await userEvent.tab();
    const phone = within(dialog).getByRole("link", { name: "+27123456789" });
    await expectVisibleFocusRing(phone);
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(popovers(canvasElement)).toHaveLength(0), settled);
    await expect(trigger).toHaveFocus();
    await expect(trigger).toHaveAttribute("aria-expanded", "false");
  },
};

export const Touch: Story = {
  name: "Tap or click opens at once; a tap outside closes",
  args: { openDelay: 60_000 },
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    // With a minute's hover delay, only the click can have opened it.
    await userEvent.click(trigger);
    await openCard(canvasElement, "Thandi Nkosi");
    await userEvent.click(canvasElement.querySelector(".sb-row > span")!);
    await waitFor(() => expect(popovers(canvasElement)).toHaveLength(0), settled);
    await userEvent.click(trigger);
    await openCard(canvasElement, "Thandi Nkosi");
    // A second click on the trigger closes what a click opened.
    await userEvent.click(trigger);
    await waitFor(() => expect(trigger).toHaveAttribute("aria-expanded", "false"), settled);
  },
};

export const InScrollContainer: Story = {
  name: "In a scroll container with overflow: hidden",
  parameters: { flowiq: { frame: "wide" } },
  render: (args) => (
    <div className="sb-scroller" data-testid="scroller">
      <table className="sb-table">
        <caption>Leads</caption>
        <thead>
          <tr>
            <th scope="col" className="sb-table__narrow">
              Contact
            </th>
            <th scope="col">Stage</th>
          </tr>
        </thead>
        <tbody>
          {PEOPLE.map((person, index) => (
            <tr key={person.id}>
              <td>
                <ContactHoverCard {...display(args)} phoneNumber={person.phone_number!} />
              </td>
              <td>{["New", "Qualified", "Proposal", "Won", "Lost", "New", "Qualified"][index]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Sipho Dlamini");
    await userEvent.click(trigger);
    const dialog = await openCard(canvasElement, "Sipho Dlamini");
    await within(dialog).findByRole("article", { name: "Sipho Dlamini" }, settled);
    if (!inRealBrowser()) return;
    // In the top layer: the container clips nothing of it, and it is what the pointer would hit.
    await waitFor(() => {
      const box = dialog.getBoundingClientRect();
      const scroller = canvasElement.querySelector<HTMLElement>(".sb-scroller")!.getBoundingClientRect();
      expect(box.bottom).toBeGreaterThan(scroller.bottom);
      expect(dialog.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))).toBe(true);
    }, settled);
  },
};

/** A thousand people, none looked up until a hover card opens. */
const THOUSAND = Array.from({ length: 1000 }, (_, index) => ({
  name: `Lead ${String(index + 1).padStart(4, "0")}`,
  phone: `+2782${String(5_000_000 + index).padStart(7, "0")}`,
}));

export const ThousandTriggers: Story = {
  name: "1,000 triggers, no popovers until one opens",
  parameters: { msw: { handlers: [counter.handler, ...inboxHandlers()] } },
  beforeEach: () => counter.reset(),
  render: (args) => (
    <>
      {/* A positive control: one chip that does look its contact up, and the cache's count. */}
      <p className="sb-note">
        Control: <ContactChip phoneNumber={sipho.phone_number!} />
      </p>
      <QueryCount />
      <ul className="sb-list">
        {THOUSAND.map(({ name, phone }) => (
          <li key={phone}>
            <ContactHoverCard {...display(args)} phoneNumber={phone}>
              {name}
            </ContactHoverCard>
          </li>
        ))}
      </ul>
    </>
  ),
  play: async ({ canvasElement }) => {
    // Opening one is checked in Chromium (e2e/stories/hoverCard.spec.ts), from this closed state.
    await expect(canvasElement.querySelectorAll('[aria-haspopup="dialog"]')).toHaveLength(1000);
    await expect(popovers(canvasElement)).toHaveLength(0);
    // Read once the control chip has its contact, so any fetch a trigger deferred would have gone out too.
    await within(canvasElement).findByText("Sipho Dlamini", {}, settled);
    await expect(within(canvasElement).getByRole("status", { name: "Contact queries in the cache" })).toHaveTextContent(/^1$/);
    await expect(Object.values(counter.counts())).toEqual([1]);
  },
};

export const CustomTrigger: Story = {
  name: "Custom triggers: text, or your own link",
  render: (args) => (
    <ul className="sb-list">
      <li>
        <ContactHoverCard {...display(args)} phoneNumber={sipho.phone_number!}>
          Sipho (text trigger)
        </ContactHoverCard>
      </li>
      <li>
        <ContactHoverCard {...display(args)} phoneNumber={thandi.phone_number!} asChild>
          <a className="sb-link" href="#contact-thandi">
            Thandi&apos;s profile
          </a>
        </ContactHoverCard>
      </li>
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const link = canvas.getByRole("link", { name: "Thandi's profile" });
    await expect(link).toHaveAttribute("aria-expanded", "false");
    await userEvent.hover(link);
    await openCard(canvasElement, "Thandi Nkosi");
    await expect(link).toHaveAttribute("aria-expanded", "true");
    await userEvent.unhover(link);
    await waitFor(() => expect(link).toHaveAttribute("aria-expanded", "false"), settled);
    const button = canvas.getByRole("button", { name: "Sipho (text trigger)" });
    await userEvent.click(button);
    await openCard(canvasElement, "Sipho Dlamini");
  },
};

export const UnknownNumber: Story = {
  name: "Unknown number: the chip's hint and the card's not-found message",
  args: { phoneNumber: UNKNOWN },
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "\\+14155550100");
    await within(trigger).findByText(en.unknownContactHint, {}, settled);
    await userEvent.click(trigger);
    const dialog = await openCard(canvasElement, "+14155550100");
    await expect(await within(dialog).findByRole("status", {}, settled)).toHaveTextContent(en.notFound);
  },
};

export const LookupFails: Story = {
  name: "Lookup fails: the chip's marker and the card's error",
  args: { phoneNumber: FAILS },
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "\\+61298765432");
    await within(trigger).findByRole("img", { name: en.errors.server.sentence }, settled);
    await userEvent.click(trigger);
    const dialog = await openCard(canvasElement, "+61298765432");
    await expect(await within(dialog).findByRole("alert", {}, settled)).toHaveTextContent(en.errors.server.sentence);
  },
};

export const DarkTheme: Story = {
  name: "Dark theme, open",
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    const trigger = await triggerFor(canvasElement, "Thandi Nkosi");
    await userEvent.click(trigger);
    const dialog = await openCard(canvasElement, "Thandi Nkosi");
    const card = await within(dialog).findByRole("article", { name: "Thandi Nkosi" }, settled);
    if (inRealBrowser()) await expect(luminance(getComputedStyle(card).backgroundColor)).toBeLessThan(0.1);
  },
};

export const Controlled: Story = {
  name: "Controlled by the app (open, onOpenChange)",
  render: (args) => {
    function Inbox() {
      const [open, setOpen] = useState(false);
      return (
        <div className="sb-row">
          <button type="button" className="sb-button" onClick={() => setOpen(!open)}>
            {open ? "Hide Thandi's card" : "Show Thandi's card"}
          </button>
          <ContactHoverCard {...args} open={open} onOpenChange={setOpen} />
        </div>
      );
    }
    return <Inbox />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await triggerFor(canvasElement, "Thandi Nkosi");
    await userEvent.click(canvas.getByRole("button", { name: "Show Thandi's card" }));
    await openCard(canvasElement, "Thandi Nkosi");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(popovers(canvasElement)).toHaveLength(0), settled);
    await expect(canvas.getByRole("button", { name: "Show Thandi's card" })).toBeInTheDocument();
  },
};

export const GroupedInTable: Story = {
  name: "A table in a ContactHoverCardGroup: no delay from row to row",
  render: (args) => (
    <ContactHoverCardGroup>
      <table className="sb-table">
        <caption>Open conversations</caption>
        <tbody>
          {PEOPLE.map((person) => (
            <tr key={person.phone_number}>
              <td>
                <ContactHoverCard {...display(args)} phoneNumber={person.phone_number!} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ContactHoverCardGroup>
  ),
  play: async ({ canvasElement }) => {
    // Timing (within 200 ms, the delay again after a pause) is checked in Chromium with a paused clock.
    const first = await triggerFor(canvasElement, "Thandi Nkosi");
    const second = await triggerFor(canvasElement, "Sipho Dlamini");
    await userEvent.hover(first);
    await openCard(canvasElement, "Thandi Nkosi");
    await userEvent.unhover(first);
    await userEvent.hover(second);
    await openCard(canvasElement, "Sipho Dlamini");
    await waitFor(() => expect(popovers(canvasElement)).toHaveLength(1), settled);
  },
};

export const TapOnLink: Story = {
  name: "asChild link: a tap opens the card instead of following the link",
  render: (args) => (
    <ContactHoverCard {...args} asChild>
      <a className="sb-link" href="#contact-thandi">
        Thandi&apos;s profile
      </a>
    </ContactHoverCard>
  ),
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", { name: "Thandi's profile" });
    fireEvent.pointerDown(link, { pointerType: "touch" });
    // false: the card's handler kept the link from being followed.
    await expect(fireEvent.click(link)).toBe(false);
    await openCard(canvasElement, "Thandi Nkosi");
  },
};
