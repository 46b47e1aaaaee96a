import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { ContactCard, defaultContactCardLabels as en, type ContactCardLabels } from "../src/index.js";
import { contactScenarios, createContactHandlers, type Contact } from "../src/msw.js";
import {
  cardRoot,
  expectNoHorizontalOverflow,
  expectNoPlaceholderText,
  expectVisibleFocusRing,
  inRealBrowser,
  luminance,
} from "./support/checks.js";
import { displayArgTypes } from "./support/argTypes.js";
import { DIGITS, FORTY_TAGS, PHONE, fullContact, sparseContact, summarisedContact } from "./support/contacts.js";
import { freshHandlers } from "./support/handlers.js";

/** The stand-in API knows exactly these contacts. */
const knows = (...contacts: Contact[]) => ({ msw: { handlers: createContactHandlers({ contacts }) } });

const meta = {
  title: "ContactCard",
  component: ContactCard,
  tags: ["autodocs"],
  args: { phoneNumber: PHONE },
  argTypes: displayArgTypes,
  parameters: {
    ...knows(fullContact),
    docs: {
      // Each story in its own frame: MSW handlers are per page, so inline stories would share one set.
      story: { inline: false, iframeHeight: 420 },
      description: {
        component:
          "Looks a contact up through the nearest `<FlowIQProvider>` and shows it. Every story here talks to the mocked FlowIQ API (Mock Service Worker), with the handlers shown in its `parameters.msw`.",
      },
    },
  },
} satisfies Meta<typeof ContactCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FullContact: Story = {
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    await expect(card).toHaveAttribute("data-state", "ready");
    const hrefs = within(card)
      .getAllByRole("link")
      .map((link) => link.getAttribute("href"));
    await expect(hrefs).toEqual(["tel:+27123456789", "https://wa.me/27123456789", "mailto:thandi.nkosi@example.co.za"]);
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.botStatus("active"));
    const tags = within(within(card).getByRole("list", { name: en.tags })).getAllByRole("listitem");
    await expect(tags.map((tag) => tag.textContent)).toEqual(fullContact.tags);
    await expect(card).toHaveTextContent("Johannesburg, South Africa");
    await expect(card).toHaveTextContent("Mar 14, 2025");
    await expectNoPlaceholderText(card);
  },
};

export const SparseContact: Story = {
  name: "Sparse contact (nulls everywhere)",
  parameters: knows(sparseContact),
  play: async ({ canvas }) => {
    // No name: the heading falls back to the number, and nothing else pretends to be there.
    const card = await canvas.findByRole("article", { name: "+27123456789" });
    await expect(within(card).queryByRole("list", { name: en.tags })).toBeNull();
    await expect(within(card).queryByRole("list", { name: en.status })).toBeNull();
    await expect(within(card).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual([
      "tel:+27123456789",
      "https://wa.me/27123456789",
    ]);
    await expectNoPlaceholderText(card);
  },
};

export const BlockedAndArchived: Story = {
  name: "Blocked and archived",
  parameters: knows({ ...fullContact, blocked: true, archived: true, bot_status: "inactive" }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    const badges = within(within(card).getByRole("list", { name: en.status })).getAllByRole("listitem");
    await expect(badges.map((badge) => badge.textContent)).toEqual([en.blocked, en.archived, en.botStatus("inactive")]);
  },
};

export const OnlineWithUnread: Story = {
  name: "Online with unread messages",
  parameters: knows({ ...fullContact, active_status: true, has_unread_messages: true }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    const status = within(card).getByRole("list", { name: en.status });
    await expect(within(status).getByText(en.online)).toBeInTheDocument();
    await expect(within(status).getByText(en.unread)).toBeInTheDocument();
  },
};

export const BroadcastOptOut: Story = {
  name: "Broadcast opt-out",
  parameters: knows({ ...fullContact, allow_broadcast: false }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.broadcastOptOut);
  },
};

export const BotPaused: Story = {
  name: "Bot paused",
  parameters: knows({ ...fullContact, bot_status: "paused" }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.botStatus("paused"));
  },
};

export const FortyTags: Story = {
  name: "40 tags (expand by keyboard)",
  parameters: knows({ ...fullContact, tags: FORTY_TAGS }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    const tagList = () => within(card).getByRole("list", { name: en.tags });
    await expect(within(tagList()).getAllByRole("listitem")).toHaveLength(6);
    const more = within(card).getByRole("button", { name: en.moreTags(34) });
    await expect(more).toHaveAttribute("aria-expanded", "false");

    // Reach the control with Tab only, then open and close it with the keyboard.
    (document.activeElement as HTMLElement | null)?.blur();
    for (let step = 0; step < 10 && document.activeElement !== more; step++) await userEvent.tab();
    await expectVisibleFocusRing(more);
    await userEvent.keyboard("{Enter}");
    await expect(within(tagList()).getAllByRole("listitem")).toHaveLength(40);
    const fewer = within(card).getByRole("button", { name: en.fewerTags });
    await expect(fewer).toHaveAttribute("aria-expanded", "true");
    await expect(fewer).toHaveFocus();
    await userEvent.keyboard(" ");
    await expect(within(tagList()).getAllByRole("listitem")).toHaveLength(6);
    await expectNoHorizontalOverflow(card);
  },
};

export const LongName: Story = {
  name: "Long name",
  parameters: knows({
    ...fullContact,
    full_name: "Maria Fernanda de los Ángeles Castillo-Villanueva Rodríguez y Montenegro-Pérez de la Santísima Trinidad",
    email: "maria.fernanda.castillo-villanueva.rodriguez@departamento-de-relaciones-con-clientes.example.com",
    tags: ["a-very-long-campaign-tag-name-that-never-stops-going-on-and-on", "vip"],
  }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: /^Maria Fernanda/ });
    await expect(within(card).getByRole("heading")).toHaveTextContent("de la Santísima Trinidad");
    await expectNoHorizontalOverflow(card);
  },
};

export const RightToLeftName: Story = {
  name: "Right-to-left name",
  parameters: knows({ ...fullContact, full_name: "نور الهدى عبد الرحمن", tags: ["عميل", "premium"] }),
  play: async ({ canvas }) => {
    const heading = await canvas.findByRole("heading", { name: "نور الهدى عبد الرحمن" });
    // The name sets its own direction, so it reads right to left inside a left-to-right page.
    await expect(heading).toHaveAttribute("dir", "auto");
    await expectNoHorizontalOverflow(cardRoot(heading));
  },
};

export const RightToLeftPage: Story = {
  name: "Right-to-left page",
  args: { labels: { phone: "هاتف", whatsapp: "واتساب", email: "بريد إلكتروني" } },
  parameters: knows({ ...fullContact, full_name: "نور الهدى عبد الرحمن" }),
  decorators: [
    (Story) => (
      <div dir="rtl" lang="ar">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    const heading = await canvas.findByRole("heading", { name: "نور الهدى عبد الرحمن" });
    const card = cardRoot(heading);
    await expect(card).toHaveTextContent("هاتف");
    if (inRealBrowser()) {
      // Logical properties: in a right-to-left page the avatar sits at the right, before the name.
      const avatar = card.querySelector(".fiq-avatar");
      await expect(avatar).not.toBeNull();
      await expect(avatar!.getBoundingClientRect().left).toBeGreaterThan(heading.getBoundingClientRect().left);
    }
  },
};

export const EmojiName: Story = {
  name: "Emoji name",
  parameters: knows({ ...fullContact, full_name: "👩🏽‍💻 Zanele Mokoena 🇿🇦" }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "👩🏽‍💻 Zanele Mokoena 🇿🇦" });
    // Initials take whole emoji (a ZWJ sequence, a flag), never half of one.
    await expect(card.querySelector(".fiq-avatar")?.textContent).toBe("👩🏽‍💻🇿🇦");
  },
};

export const ContactSummary: Story = {
  name: "Contact summary",
  parameters: knows(summarisedContact),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    await expect(card).toHaveTextContent(en.summary);
    await expect(card).toHaveTextContent("Asked about moving to the annual plan");
    await expect(card).toHaveTextContent(en.summaryUpdated("Dec 2, 2025"));
  },
};

export const WhatsAppIdLookup: Story = {
  name: "Looked up by WhatsApp id",
  args: { phoneNumber: undefined, whatsappId: DIGITS },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole("article", { name: "Thandi Nkosi" })).toHaveAttribute("data-state", "ready");
  },
};

export const KeyboardNavigation: Story = {
  name: "Keyboard: links in order with a focus ring",
  args: {
    maxTags: 3,
    actions: (
      <button type="button" className="sb-button">
        Open chat
      </button>
    ),
  },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    const links = within(card).getAllByRole("link");
    const [phone, whatsapp, email] = links;
    const expected = [
      phone,
      within(card).getByRole("button", { name: en.copy("+27123456789") }),
      whatsapp,
      email,
      within(card).getByRole("button", { name: en.copy("thandi.nkosi@example.co.za") }),
      within(card).getByRole("button", { name: en.moreTags(1) }),
      within(card).getByRole("button", { name: "Open chat" }),
    ];

    // Tab from the top of the page: phone and its copy button, WhatsApp, email and its copy
    // button, the tags control, then the host's action.
    (document.activeElement as HTMLElement | null)?.blur();
    const visited: Element[] = [];
    for (let step = 0; step < expected.length; step++) {
      await userEvent.tab();
      const focused = document.activeElement;
      if (!focused) throw new Error("Nothing has focus");
      visited.push(focused);
      await expectVisibleFocusRing(focused);
    }
    await expect(visited).toEqual(expected);
    await expect(links.map((link) => link.getAttribute("href")?.split(":")[0])).toEqual(["tel", "https", "mailto"]);
  },
};

export const Loading: Story = {
  name: "Loading (never answers)",
  parameters: { msw: { handlers: contactScenarios.loading } },
  play: async ({ canvas }) => {
    const root = cardRoot(await canvas.findByText(en.loading));
    await expect(root).toHaveAttribute("data-state", "loading");
    await expect(root).toHaveAttribute("aria-busy", "true");
  },
};

export const NotFound: Story = {
  name: "Not found",
  parameters: { msw: { handlers: contactScenarios.notFound } },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole("status");
    await expect(status).toHaveAttribute("data-state", "not-found");
    await expect(status).toHaveTextContent(en.notFound(`+${DIGITS}`));
    await expect(within(status).queryByRole("button")).toBeNull();
  },
};

export const KeyRefused: Story = {
  name: "Key refused (401)",
  parameters: { msw: { handlers: contactScenarios.unauthorized } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveAttribute("data-state", "error");
    await expect(alert).toHaveTextContent(en.errorUnauthorized);
    // Trying again cannot fix a refused key, so there is no retry button.
    await expect(within(alert).queryByRole("button", { name: en.retry })).toBeNull();
  },
};

export const Forbidden: Story = {
  name: "Key may not read this tenant (403)",
  parameters: { msw: { handlers: contactScenarios.forbidden } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(en.errorForbidden);
    await expect(within(alert).queryByRole("button", { name: en.retry })).toBeNull();
  },
};

export const RateLimited: Story = {
  name: "Rate limited (429)",
  parameters: { msw: { handlers: contactScenarios.rateLimited } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(en.errorRateLimited);
    await expect(within(alert).getByRole("button", { name: en.retry })).toBeInTheDocument();
  },
};

const failsOnce = freshHandlers(() => createContactHandlers({ contacts: [fullContact], failures: 1 }));

export const ServerErrorWithRetry: Story = {
  name: "Server error, then retry recovers",
  parameters: { msw: { handlers: failsOnce.handlers } },
  beforeEach: () => failsOnce.reset(),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(en.errorServer);
    await userEvent.click(within(alert).getByRole("button", { name: en.retry }));
    await expect(await canvas.findByRole("article", { name: "Thandi Nkosi" })).toHaveAttribute("data-state", "ready");
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

export const MalformedResponse: Story = {
  name: "Malformed response",
  parameters: { msw: { handlers: contactScenarios.malformed } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(en.errorInvalidResponse);
    await expect(within(alert).queryByRole("button", { name: en.retry })).toBeNull();
  },
};

export const NetworkError: Story = {
  name: "Network error",
  parameters: { msw: { handlers: contactScenarios.networkError } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent(en.errorNetwork);
    await expect(within(alert).getByRole("button", { name: en.retry })).toBeInTheDocument();
  },
};

export const DarkTheme: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  parameters: knows(summarisedContact),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" });
    await expect(card.closest("[data-theme]")).toHaveAttribute("data-theme", "dark");
    if (inRealBrowser()) {
      const style = getComputedStyle(card);
      await expect(luminance(style.backgroundColor)).toBeLessThan(0.1);
      await expect(luminance(style.color)).toBeGreaterThan(0.5);
    }
  },
};

const germanLabels: Partial<ContactCardLabels> = {
  loading: "Kontakt wird geladen …",
  notFound: (number) => `Kein Kontakt für ${number} gefunden.`,
  status: "Status",
  botStatus: (status) => (status === "active" ? "Bot aktiv" : status === "paused" ? "Bot pausiert" : `Bot: ${status}`),
  blocked: "Blockiert",
  archived: "Archiviert",
  broadcastOptOut: "Keine Rundsendungen",
  online: "Online",
  unread: "Ungelesene Nachrichten",
  phone: "Telefon",
  email: "E-Mail",
  tags: "Schlagwörter",
  moreTags: (hidden) => `+${hidden} weitere`,
  fewerTags: "Weniger anzeigen",
  source: "Quelle",
  location: "Ort",
  added: "Hinzugefügt",
  summary: "Zusammenfassung",
  summaryUpdated: (date) => `Aktualisiert am ${date}`,
  retry: "Erneut versuchen",
};

export const GermanLocale: Story = {
  name: "German locale, Berlin time, German labels",
  args: { locale: "de-DE", timeZone: "Europe/Berlin", labels: germanLabels, maxTags: 2 },
  parameters: knows({
    ...fullContact,
    full_name: "Jürgen Weiß",
    bot_status: "paused",
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    source: { type: "import", location: "Berlin", created_at: "2025-03-14T23:30:00Z" },
  }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Jürgen Weiß" });
    await expect(within(card).getByText("Telefon")).toBeInTheDocument();
    await expect(within(card).getByText("Hinzugefügt")).toBeInTheDocument();
    await expect(within(card).getByRole("list", { name: "Status" })).toHaveTextContent("Bot pausiert");
    await expect(within(card).getByRole("button", { name: "+2 weitere" })).toBeInTheDocument();
    const added = card.querySelector("time");
    await expect(added?.textContent).toMatch(/\b15\./);
    await expect(added?.textContent).toContain("2025");
    await expect(card.textContent).not.toContain("Phone");
  },
};
