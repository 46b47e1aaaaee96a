import type { Meta, StoryObj } from "@storybook/react-vite";
import { parsePhoneNumber } from "libphonenumber-js";
import { expect, waitFor, within } from "storybook/test";
import { ContactChip, ContactChipView, defaultContactCardLabels as en } from "../src/index.js";
import { inRealBrowser, luminance, settled } from "./support/checks.js";
import {
  FAILS,
  NEVER_ANSWERS,
  PEOPLE,
  UNKNOWN,
  arabic,
  emoji,
  inboxHandlers,
  lindiwe,
  longName,
  nameless,
  sipho,
  thandi,
} from "./support/people.js";

const chipOf = (element: Element) => {
  const chip = element.closest<HTMLElement>('[data-part="chip"]');
  if (!chip) throw new Error("No chip around this element");
  return chip;
};

const meta = {
  title: "ContactChip",
  component: ContactChip,
  tags: ["autodocs"],
  args: { phoneNumber: thandi.phone_number! },
  argTypes: { labels: { control: "object" }, formatPhone: { control: false } },
  parameters: {
    msw: { handlers: inboxHandlers() },
    docs: {
      featured: ["Default", "Markers", "NoName", "EveryState", "Table"],
      description: {
        component:
          "A contact in one line, for a table cell, an inbox row or a chat header. `ContactChip` looks the contact up through the nearest `<FlowIQProvider>`; `ContactChipView` shows one the app already has. It never grows wider than its container.",
      },
    },
  },
} satisfies Meta<typeof ContactChip>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  name: "Known contact, online",
  play: async ({ canvas }) => {
    const name = await canvas.findByText("Thandi Nkosi", {}, settled);
    const chip = chipOf(name);
    await expect(chip).toHaveAttribute("data-state", "ready");
    await expect(name).toHaveAttribute("title", "Thandi Nkosi");
    // The presence dot is named in text for assistive technology, not by colour alone.
    await expect(within(chip).getByText(en.online)).toHaveClass("fiq-sr-only");
    await expect(chip.querySelector(".fiq-avatar")).toHaveTextContent("TN");
  },
};

export const Markers: Story = {
  name: "Online, unread and blocked markers",
  render: () => (
    <ul className="sb-list">
      <li>
        <ContactChipView contact={{ ...thandi, has_unread_messages: true }} />
      </li>
      <li>
        <ContactChipView contact={sipho} />
      </li>
      <li>
        <ContactChipView contact={lindiwe} />
      </li>
    </ul>
  ),
  play: async ({ canvas }) => {
    await expect(chipOf(canvas.getByText("Thandi Nkosi"))).toHaveTextContent(`Thandi Nkosi${en.online}${en.unread}`);
    await expect(chipOf(canvas.getByText("Sipho Dlamini"))).toHaveTextContent(`Sipho Dlamini${en.unread}`);
    await expect(chipOf(canvas.getByText("Lindiwe Mahlangu"))).toHaveTextContent(`Lindiwe Mahlangu${en.blocked}`);
  },
};

export const NoName: Story = {
  name: "No name: the formatted number",
  args: { phoneNumber: nameless.phone_number! },
  play: async ({ canvas }) => {
    // By its title: while loading, the same number is the chip's hidden text.
    const number = await canvas.findByTitle("+2348031234567", {}, settled);
    await expect(chipOf(number)).toHaveAttribute("data-state", "ready");
    await expect(number).toHaveAttribute("dir", "ltr");
  },
};

export const Loading: Story = {
  name: "Loading (never answers)",
  args: { phoneNumber: NEVER_ANSWERS },
  play: async ({ canvas }) => {
    // While it is busy, a screen reader hears the number being looked up.
    const chip = chipOf(await canvas.findByText("+442079460000", {}, settled));
    await expect(chip).toHaveAttribute("data-state", "loading");
    await expect(chip).toHaveAttribute("aria-busy", "true");
  },
};

export const NotFound: Story = {
  name: "Not found: unknown contact",
  args: { phoneNumber: UNKNOWN },
  play: async ({ canvas }) => {
    const hint = await canvas.findByText(en.unknownContactHint, {}, settled);
    await expect(chipOf(hint)).toHaveAttribute("data-state", "not-found");
    await expect(chipOf(hint)).toHaveTextContent(`+14155550100${en.unknownContactHint}`);
  },
};

export const ServerError: Story = {
  name: "Error: the marker names the problem",
  args: { phoneNumber: FAILS },
  play: async ({ canvas }) => {
    const marker = await canvas.findByRole("img", { name: en.errors.server.sentence }, settled);
    await expect(chipOf(marker)).toHaveAttribute("data-state", "error");
    await expect(chipOf(marker)).toHaveTextContent("+61298765432");
  },
};

export const InvalidNumber: Story = {
  name: "Error: not a phone number",
  args: { phoneNumber: "call me maybe" },
  play: async ({ canvas }) => {
    const marker = await canvas.findByRole("img", { name: en.errors.invalid_lookup.sentence }, settled);
    await expect(chipOf(marker)).toHaveTextContent("call me maybe");
  },
};

/** Every state a chip can be in, one per line. */
const STATES: [string, string][] = [
  ["Ready", thandi.phone_number!],
  ["Unread", sipho.phone_number!],
  ["Blocked", lindiwe.phone_number!],
  ["No name", nameless.phone_number!],
  ["Loading", NEVER_ANSWERS],
  ["Not found", UNKNOWN],
  ["Error", FAILS],
];

export const EveryState: Story = {
  name: "Every state",
  render: () => (
    <dl className="sb-states">
      {STATES.map(([label, phone]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <ContactChip phoneNumber={phone} />
          </dd>
        </div>
      ))}
    </dl>
  ),
  play: async ({ canvasElement }) => {
    const chips = () => [...canvasElement.querySelectorAll('[data-part="chip"]')].map((chip) => chip.getAttribute("data-state"));
    await waitFor(
      () => expect(chips()).toEqual(["ready", "ready", "ready", "ready", "loading", "not-found", "error"]),
      settled,
    );
  },
};

const MESSAGES = [
  "Can I move to the annual plan?",
  "Thanks, got the invoice",
  "Please stop messaging me",
  "¿Tienen envío a Guadalajara?",
  "هل الطلب جاهز؟",
  "Sending the signed form now 📎",
  "Hi, who is this?",
];

/** An inbox as a table: the contact column is 120 px wide, as dense dashboards make it. */
function InboxTable({ caption }: { caption: string }) {
  const rows = [...PEOPLE.map((person) => person.phone_number!), UNKNOWN, NEVER_ANSWERS, FAILS];
  return (
    <table className="sb-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="sb-table__narrow">
            Contact
          </th>
          <th scope="col">Last message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((phone, index) => (
          <tr key={phone}>
            <td>
              <ContactChip phoneNumber={phone} />
            </td>
            <td dir="auto">{MESSAGES[index] ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function checkTable(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await canvas.findByText(longName.full_name!, {}, settled);
  await canvas.findByRole("img", { name: en.errors.server.sentence }, settled);
  await canvas.findByText(en.unknownContactHint, {}, settled);
  const cells = [...canvasElement.querySelectorAll("tbody td:first-child")] as HTMLElement[];
  await expect(cells).toHaveLength(10);
  // The long name keeps its full text for a tooltip, whatever the column shows.
  await expect(canvas.getByText(longName.full_name!)).toHaveAttribute("title", longName.full_name);
  if (!inRealBrowser()) return;
  for (const cell of cells) {
    const chip = cell.querySelector<HTMLElement>('[data-part="chip"]')!;
    // Never wider than its cell: nothing pokes out, and the chip stays on one line.
    await expect({ state: chip.dataset.state, overflow: cell.scrollWidth - cell.clientWidth }).toEqual({ state: chip.dataset.state, overflow: 0 });
    await expect(chip.getBoundingClientRect().height).toBeLessThan(32);
  }
  const name = canvas.getByText(longName.full_name!);
  await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
}

export const Table: Story = {
  name: "Table of chips (120 px column)",
  parameters: { flowiq: { frame: "wide" } },
  render: () => <InboxTable caption="Inbox" />,
  play: async ({ canvasElement }) => checkTable(canvasElement),
};

export const TableDark: Story = {
  name: "Table of chips, dark theme",
  globals: { theme: "dark" },
  parameters: { flowiq: { frame: "wide" } },
  render: () => <InboxTable caption="Inbox" />,
  play: async ({ canvasElement }) => {
    await checkTable(canvasElement);
    if (inRealBrowser()) {
      const hint = within(canvasElement).getByText(en.unknownContactHint);
      await expect(luminance(getComputedStyle(hint).color)).toBeGreaterThan(0.3);
    }
  },
};

export const RightToLeftPage: Story = {
  name: "Right-to-left page",
  parameters: { flowiq: { frame: "wide" } },
  render: () => (
    <div dir="rtl" lang="ar">
      <InboxTable caption="صندوق الوارد" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await checkTable(canvasElement);
    const name = within(canvasElement).getByText(arabic.full_name!);
    await expect(name).toHaveAttribute("dir", "auto");
    if (inRealBrowser()) {
      // Logical layout: on a right-to-left page the avatar is at the right, before the name.
      const avatar = chipOf(name).querySelector(".fiq-avatar")!;
      await expect(avatar.getBoundingClientRect().left).toBeGreaterThan(name.getBoundingClientRect().left);
    }
  },
};

export const EmojiName: Story = {
  name: "Emoji name",
  args: { phoneNumber: emoji.phone_number! },
  play: async ({ canvas }) => {
    const name = await canvas.findByText(emoji.full_name!, {}, settled);
    // Initials take whole emoji (a ZWJ sequence, a flag), never half of one.
    await expect(chipOf(name).querySelector(".fiq-avatar")?.textContent).toBe("👩🏽‍💻🇿🇦");
  },
};

export const FormattedNumbers: Story = {
  name: "Numbers formatted with libphonenumber-js",
  render: () => {
    const formatPhone = (digits: string) => parsePhoneNumber(`+${digits}`).formatInternational();
    return (
      <ul className="sb-list">
        <li>
          <ContactChip phoneNumber={nameless.phone_number!} formatPhone={formatPhone} />
        </li>
        <li>
          <ContactChip phoneNumber={UNKNOWN} formatPhone={formatPhone} />
        </li>
      </ul>
    );
  },
  play: async ({ canvas }) => {
    const nameless = await canvas.findByTitle("+234 803 123 4567", {}, settled);
    await expect(nameless).toHaveTextContent("+234 803 123 4567");
    await expect(chipOf(nameless)).toHaveAttribute("data-state", "ready");
    const unknown = await canvas.findByTitle("+1 415 555 0100", {}, settled);
    await expect(chipOf(unknown)).toHaveAttribute("data-state", "not-found");
  },
};
