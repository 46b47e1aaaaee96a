import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { ContactCard, type ContactLookup } from "../src/index.js";
import { buildContact, createContactHandlers } from "../src/msw.js";
import { inRealBrowser, settled } from "./support/checks.js";
import { fullContact } from "./support/contacts.js";
import { requestCounter } from "./support/handlers.js";
import { sipho } from "./support/people.js";

const thandi = fullContact;
const amelia = buildContact({
  id: "2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d",
  full_name: "Amelia Clarke",
  phone_number: "+442079460958",
  whatsapp_id: "442079460958",
  email: "amelia.clarke@example.co.uk",
  tags: ["partner"],
  active_status: true,
  source: { type: "import", location: "London", created_at: "2024-11-02T09:00:00Z" },
});

/** Twelve cards, three people, each number written four ways, as different parts of a CRM write them. */
const DASHBOARD: { label: string; lookup: ContactLookup }[] = [
  { label: "Inbox", lookup: { phoneNumber: "+27 12 345 6789" } },
  { label: "Inbox", lookup: { phoneNumber: "+44 20 7946 0958" } },
  { label: "Inbox", lookup: { whatsappId: "27825550123" } },
  { label: "Assigned to me", lookup: { phoneNumber: "0027-12-345-6789" } },
  { label: "Assigned to me", lookup: { phoneNumber: "0027 82 555 0123" } },
  { label: "Assigned to me", lookup: { whatsappId: "442079460958" } },
  { label: "Follow-ups", lookup: { whatsappId: "27123456789" } },
  { label: "Follow-ups", lookup: { phoneNumber: "+27-82-555-0123" } },
  { label: "Follow-ups", lookup: { phoneNumber: "0044 (20) 7946-0958" } },
  { label: "Campaign replies", lookup: { phoneNumber: "+27 (12) 345.6789" } },
  { label: "Campaign replies", lookup: { phoneNumber: "+27 82 555 0123" } },
  { label: "Campaign replies", lookup: { phoneNumber: "+44-20-7946-0958" } },
];

const counter = requestCounter();

const meta = {
  title: "Examples/Dashboard",
  parameters: {
    flowiq: { frame: "wide" },
    // Each story in its own frame: MSW handlers are per page, so inline stories would share one set.
    docs: { story: { inline: false, iframeHeight: 900 } },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dashboard: Story = {
  name: "Dashboard: one request per contact",
  parameters: {
    msw: { handlers: [counter.handler, ...createContactHandlers({ contacts: [thandi, sipho, amelia], delayMs: 150 })] },
  },
  beforeEach: () => counter.reset(),
  render: () => (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" className="sb-heading">
        Today&apos;s conversations
      </h2>
      <p className="sb-note">Twelve cards ask for three contacts, each number written in several ways.</p>
      <div className="sb-grid">
        {DASHBOARD.map(({ label, lookup }, index) => (
          <div key={index} className="sb-cell">
            <span id={`queue-${index}`} className="sb-label">
              {label}
            </span>
            <ContactCard {...lookup} maxTags={2} headingLevel={3} aria-describedby={`queue-${index}`} />
          </div>
        ))}
      </div>
    </section>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole("article")).toHaveLength(12), settled);
    for (const name of ["Thandi Nkosi", "Sipho Dlamini", "Amelia Clarke"]) {
      await expect(canvas.getAllByRole("article", { name })).toHaveLength(4);
    }
    // However the number was written, each contact reached the API exactly once.
    await expect(counter.counts()).toEqual({ "27123456789": 1, "27825550123": 1, "442079460958": 1 });
  },
};

const GRID_CONTACTS = [
  thandi,
  sipho,
  amelia,
  buildContact({
    id: "grid-4",
    full_name: "Lindiwe Mahlangu",
    phone_number: "+27831112222",
    whatsapp_id: "27831112222",
    blocked: true,
    archived: true,
    tags: [],
  }),
  buildContact({
    id: "grid-5",
    full_name: null,
    phone_number: "+2348031234567",
    whatsapp_id: "2348031234567",
    email: null,
    allow_broadcast: false,
    bot_status: null,
    tags: ["unknown-caller", "lagos"],
  }),
];

/**
 * In a browser: the cards of each row share one height, and their detail rows start at one y.
 * `only` narrows the cards compared (a wall of cards: those near the viewport, which keep the shared rows).
 */
async function expectAlignedRows(grid: HTMLElement, only = "") {
  if (!inRealBrowser()) return;
  const rows = new Map<number, { height: number; details: number | null }[]>();
  const cards = grid.querySelectorAll<HTMLElement>(`:scope > .fiq-card${only}`);
  // An empty grid (or a selector that finds nothing) must fail, not pass with nothing compared.
  await expect(cards.length).toBeGreaterThan(1);
  for (const card of cards) {
    const box = card.getBoundingClientRect();
    const details = card.querySelector(".fiq-details, .fiq-card__message")?.getBoundingClientRect().top ?? null;
    const row = rows.get(Math.round(box.top)) ?? [];
    row.push({ height: Math.round(box.height), details: details === null ? null : Math.round(details) });
    rows.set(Math.round(box.top), row);
  }
  // At least one row holds two cards side by side, or nothing was aligned with anything.
  await expect(Math.max(...[...rows.values()].map((row) => row.length))).toBeGreaterThan(1);
  for (const row of rows.values()) {
    await expect(new Set(row.map((card) => card.height)).size).toBe(1);
    await expect(new Set(row.map((card) => card.details)).size).toBe(1);
  }
}

/** In a browser: every copy button sits on the last line of the value it copies, never alone. */
async function expectCopyButtonsBesideValues(grid: HTMLElement) {
  if (!inRealBrowser()) return;
  const buttons = grid.querySelectorAll(".fiq-copy");
  await expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    const lines = [...button.previousElementSibling!.getClientRects()].filter((rect) => rect.width > 0);
    const last = lines.at(-1)!;
    const box = button.getBoundingClientRect();
    await expect({ value: button.previousElementSibling!.textContent, beside: box.top < last.bottom && box.bottom > last.top }).toEqual({
      value: button.previousElementSibling!.textContent,
      beside: true,
    });
  }
}

export const CompactGrid: Story = {
  name: "Compact grid of cards (.fiq-card-grid)",
  parameters: { msw: { handlers: createContactHandlers({ contacts: GRID_CONTACTS }) } },
  render: () => (
    <div className="fiq-card-grid" data-testid="grid">
      {GRID_CONTACTS.map((contact) => (
        <ContactCard key={contact.id} phoneNumber={contact.phone_number ?? ""} density="compact" maxTags={1} />
      ))}
      <ContactCard phoneNumber="+1 415 555 0100" density="compact" />
    </div>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole("article")).toHaveLength(5), settled);
    await expect(await canvas.findByRole("status", undefined, settled)).toHaveTextContent("+14155550100");
    const nameless = canvas.getByRole("article", { name: "+2348031234567" });
    await expect(within(nameless).getByRole("button", { name: "+1 more" })).toBeInTheDocument();
    for (const card of canvas.getAllByRole("article")) await expect(card).toHaveAttribute("data-density", "compact");
    await expectAlignedRows(canvas.getByTestId("grid"));
  },
};

export const CardGrid: Story = {
  name: "Grid of full cards (.fiq-card-grid)",
  parameters: { msw: { handlers: createContactHandlers({ contacts: GRID_CONTACTS }) } },
  render: () => (
    <div className="fiq-card-grid" data-testid="grid">
      {GRID_CONTACTS.map((contact) => (
        <ContactCard key={contact.id} phoneNumber={contact.phone_number ?? ""} maxTags={3} />
      ))}
      <ContactCard phoneNumber="+1 415 555 0100" />
    </div>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole("article")).toHaveLength(5), settled);
    await canvas.findByRole("status", undefined, settled);
    // Lindiwe's badges wrap onto a second line; her row's details still start with the others'.
    await expectAlignedRows(canvas.getByTestId("grid"));
    await expectCopyButtonsBesideValues(canvas.getByTestId("grid"));
  },
};

/** A wall of 120 cards: far more than a screen, as a team's "all contacts" page shows them. */
const WALL = Array.from({ length: 120 }, (_, index) => {
  const digits = `2782${String(index).padStart(7, "0")}`;
  return buildContact({
    id: `wall-${index}`,
    full_name: `Contact ${index + 1}`,
    phone_number: `+${digits}`,
    whatsapp_id: digits,
    tags: index % 3 ? ["lead"] : ["lead", "vip"],
  });
});

/** Whether Chromium draws the card's contents, or skips them (content-visibility), decided at the next frame. */
async function drawn(card: HTMLElement) {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return (card.lastElementChild as Element).checkVisibility({ contentVisibilityAuto: true });
}

export const CardWall: Story = {
  name: "A wall of 120 cards (.fiq-card-grid)",
  parameters: { msw: { handlers: createContactHandlers({ contacts: WALL }) } },
  render: () => (
    <div className="fiq-card-grid" data-testid="grid">
      {WALL.map((contact) => (
        <ContactCard key={contact.id} phoneNumber={contact.phone_number ?? ""} maxTags={2} />
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole("article")).toHaveLength(WALL.length), settled);
    if (!inRealBrowser()) return;
    const grid = canvas.getByTestId("grid");
    const cards = () => [...grid.querySelectorAll<HTMLElement>(":scope > .fiq-card")];
    const [first, last] = [cards()[0]!, cards().at(-1)!];
    // Far below the fold a card gives up the shared rows and is skipped, so a card that loads lays out only those near.
    await waitFor(() => expect(last).toHaveAttribute("data-offscreen"), settled);
    await expect(await drawn(last)).toBe(false);
    await expect(first).not.toHaveAttribute("data-offscreen");
    await expect(await drawn(first)).toBe(true);
    await expectAlignedRows(grid, ":not([data-offscreen])");
    // Scrolled to, it takes the shared rows back and lines up with its row again.
    last.scrollIntoView({ block: "center" });
    await waitFor(() => expect(last).not.toHaveAttribute("data-offscreen"), settled);
    await expect(await drawn(last)).toBe(true);
    await expect(first).toHaveAttribute("data-offscreen");
    await expectAlignedRows(grid, ":not([data-offscreen])");
    const lastRow = cards().filter((card) => Math.round(card.getBoundingClientRect().top) === Math.round(last.getBoundingClientRect().top));
    await expect(lastRow.length).toBeGreaterThan(1);
    window.scrollTo(0, 0);
  },
};
