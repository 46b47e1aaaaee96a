import type { Decorator, Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { FlowIQError, contactKeys, type FlowIQErrorCode } from "../src/index.js";
import { QueryClient } from "@tanstack/react-query";
import { countLabel, fill } from "../src/components/ContactDisplay/labels.js";
import { getResponse, http, HttpResponse, type HttpHandler } from "msw";
import { useState, type ReactNode } from "react";
import { ContactCard, defaultContactCardLabels as en, FlowIQProvider, type FlowIQConfig } from "../src/index.js";
import { ar, de } from "../src/locales.js";
import { contactScenarios, createContactHandlers, type Contact } from "../src/msw.js";
import {
  cardRoot,
  expectNoHorizontalOverflow,
  expectNoPlaceholderText,
  expectVisibleFocusRing,
  inRealBrowser,
  luminance,
  settled,
} from "./support/checks.js";
import { displayArgTypes } from "./support/argTypes.js";
import { DIGITS, FORTY_TAGS, PHONE, fullContact, sparseContact, summarisedContact } from "./support/contacts.js";
import { freshHandlers } from "./support/handlers.js";

/** An error card as an agent sees it: the code's title as its heading, its sentence, the number. */
type ErrorCode = FlowIQErrorCode;

async function expectErrorFor(alert: HTMLElement, code: ErrorCode) {
  await expect(alert).toHaveAttribute("data-state", "error");
  await expect(within(alert).getByRole("heading", { level: 3 })).toHaveTextContent(en.errors[code].title);
  await expect(alert).toHaveTextContent(en.errors[code].sentence);
  await expect(alert).toHaveTextContent(`+${DIGITS}`);
}

/**
 * A card the API answers with an error: its title and sentence for that error, the number, and a
 * "Try again" button only where trying again can help; `then` checks what else the story shows.
 */
function errorStory(name: string, handlers: HttpHandler[], code: ErrorCode, retry: boolean, then?: (alert: HTMLElement) => Promise<void>): Story {
  return {
    name,
    parameters: { msw: { handlers } },
    play: async ({ canvas }) => {
      const alert = await canvas.findByRole("alert", undefined, settled);
      await expectErrorFor(alert, code);
      const button = within(alert).queryByRole("button", { name: en.retry });
      await (retry ? expect(button).toBeInTheDocument() : expect(button).toBeNull());
      await then?.(alert);
    },
  };
}

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
      // The docs page shows these states inline (each with its own handlers, see .storybook/preview.tsx); the rest are in the sidebar.
      featured: ["FullContact", "SparseContact", "BlockedAndArchived", "Compact", "ContactSummary", "Loading", "NotFound", "KeyRefused", "RateLimited", "NetworkError", "GermanLocale"],
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
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(card).toHaveAttribute("data-state", "ready");
    const hrefs = within(card)
      .getAllByRole("link")
      .map((link) => link.getAttribute("href"));
    await expect(hrefs).toEqual(["tel:+27123456789", "https://wa.me/27123456789", "mailto:thandi.nkosi@example.co.za"]);
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.botStatuses.active);
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
    const card = await canvas.findByRole("article", { name: "+27123456789" }, settled);
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
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    const badges = within(within(card).getByRole("list", { name: en.status })).getAllByRole("listitem");
    await expect(badges.map((badge) => badge.textContent)).toEqual([en.blocked, en.archived, "Bot off"]);
    // Blocked: no live chat link; the number stays readable and copyable.
    await expect(card.querySelector('a[href^="https://wa.me/"]')).toBeNull();
    await expect(within(card).getByRole("button", { name: fill(en.copy, { value: "+27123456789" }) })).toBeInTheDocument();
    await expect(card).toHaveAttribute("data-blocked");
    if (inRealBrowser()) await expect(getComputedStyle(card).borderStyle).toBe("dashed");
  },
};

export const Archived: Story = {
  name: "Archived (muted, chat still open)",
  parameters: knows({ ...fullContact, archived: true }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(card).toHaveAttribute("data-archived");
    await expect(within(card).getByRole("link", { name: /^Open chat/ })).toHaveAttribute("href", "https://wa.me/27123456789");
  },
};

export const BotStatuses: Story = {
  name: "Bot off, and a status the card does not know",
  render: () => (
    <div className="fiq-card-grid">
      <ContactCard phoneNumber={PHONE} />
      <ContactCard phoneNumber="+27 82 555 0123" />
    </div>
  ),
  parameters: {
    flowiq: { frame: "wide" },
    ...knows(
      { ...fullContact, bot_status: "inactive" },
      { ...fullContact, id: "bot-2", full_name: "Sipho Dlamini", phone_number: "+27825550123", whatsapp_id: "27825550123", bot_status: "human_handover" },
    ),
  },
  play: async ({ canvas }) => {
    const thandi = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(within(thandi).getByRole("list", { name: en.status })).toHaveTextContent(/^Bot off$/);
    const sipho = await canvas.findByRole("article", { name: "Sipho Dlamini" }, settled);
    await expect(within(sipho).getByRole("list", { name: en.status })).toHaveTextContent(/^Bot: human handover$/);
  },
};

/** The app's own "Open chat" button in the card's actions, so the card offers no second one. */
const ownOpenChat = {
  chatLink: false,
  actions: (
    <button type="button" className="sb-button">
      Open chat
    </button>
  ),
};

export const OpenChatInActions: Story = {
  name: "The app's own Open chat (chatLink={false})",
  args: ownOpenChat,
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(within(card).queryByRole("link", { name: /Open chat/ })).toBeNull();
    await expect(within(card).getAllByRole("button", { name: "Open chat" })).toHaveLength(1);
  },
};

export const Compact: Story = {
  name: "Compact density",
  args: { density: "compact", maxTags: 3 },
  parameters: knows({ ...fullContact, has_unread_messages: true }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(card).toHaveAttribute("data-density", "compact");
    await expect(within(card).getAllByRole("term").map((term) => term.textContent)).toEqual([en.phone]);
    await expect(card.querySelector("[data-part=avatar]")).toBeNull();
    await expectNoHorizontalOverflow(card);
  },
};

export const OnlineWithUnread: Story = {
  name: "Online with unread messages",
  parameters: knows({ ...fullContact, active_status: true, has_unread_messages: true }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    const status = within(card).getByRole("list", { name: en.status });
    await expect(within(status).getByText(en.online)).toBeInTheDocument();
    await expect(within(status).getByText(en.unread)).toBeInTheDocument();
  },
};

export const BroadcastOptOut: Story = {
  name: "Broadcast opt-out",
  parameters: knows({ ...fullContact, allow_broadcast: false }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.broadcastOptOut);
  },
};

export const BotPaused: Story = {
  name: "Bot paused",
  parameters: knows({ ...fullContact, bot_status: "paused" }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(within(card).getByRole("list", { name: en.status })).toHaveTextContent(en.botStatuses.paused);
  },
};

export const FortyTags: Story = {
  name: "40 tags (expand by keyboard)",
  parameters: knows({ ...fullContact, tags: FORTY_TAGS }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    const tagList = () => within(card).getByRole("list", { name: en.tags });
    await expect(within(tagList()).getAllByRole("listitem")).toHaveLength(6);
    const more = within(card).getByRole("button", { name: countLabel(en, en.moreTags, 34) });
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
    const card = await canvas.findByRole("article", { name: /^Maria Fernanda/ }, settled);
    await expect(within(card).getByRole("heading")).toHaveTextContent("de la Santísima Trinidad");
    await expectNoHorizontalOverflow(card);
  },
};

export const RightToLeftName: Story = {
  name: "Right-to-left name",
  parameters: knows({ ...fullContact, full_name: "نور الهدى عبد الرحمن", tags: ["عميل", "premium"] }),
  play: async ({ canvas }) => {
    const heading = await canvas.findByRole("heading", { name: "نور الهدى عبد الرحمن" }, settled);
    // The name sets its own direction, so it reads right to left inside a left-to-right page.
    await expect(heading).toHaveAttribute("dir", "auto");
    await expectNoHorizontalOverflow(cardRoot(heading));
    if (inRealBrowser()) {
      // ...and still sits beside its avatar, not against the card's far edge.
      const avatar = cardRoot(heading).querySelector(".fiq-avatar")!.getBoundingClientRect();
      await expect(heading.getBoundingClientRect().left - avatar.right).toBeLessThan(20);
    }
  },
};

/** The story inside an Arabic, right-to-left page. */
const inArabicPage: Decorator = (Story) => (
  <div dir="rtl" lang="ar">
    <Story />
  </div>
);

export const RightToLeftPage: Story = {
  name: "Right-to-left page",
  args: { labels: { phone: "هاتف", whatsapp: "واتساب", email: "بريد إلكتروني" } },
  parameters: knows({ ...fullContact, full_name: "نور الهدى عبد الرحمن" }),
  decorators: [inArabicPage],
  play: async ({ canvas }) => {
    const heading = await canvas.findByRole("heading", { name: "نور الهدى عبد الرحمن" }, settled);
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
    const card = await canvas.findByRole("article", { name: "👩🏽‍💻 Zanele Mokoena 🇿🇦" }, settled);
    // Initials take whole emoji (a ZWJ sequence, a flag), never half of one.
    await expect(card.querySelector(".fiq-avatar")?.textContent).toBe("👩🏽‍💻🇿🇦");
  },
};

export const ContactSummary: Story = {
  name: "Contact summary",
  parameters: knows(summarisedContact),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(card).toHaveTextContent(en.summary);
    await expect(card).toHaveTextContent("Asked about moving to the annual plan");
    await expect(card).toHaveTextContent(fill(en.summaryUpdated, { date: "Dec 2, 2025" }));
  },
};

export const WhatsAppIdLookup: Story = {
  name: "Looked up by WhatsApp id",
  args: { phoneNumber: undefined, whatsappId: DIGITS },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled)).toHaveAttribute("data-state", "ready");
  },
};

export const KeyboardNavigation: Story = {
  name: "Keyboard: links in order with a focus ring",
  args: { maxTags: 3, ...ownOpenChat },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    const links = within(card).getAllByRole("link");
    const [phone, email] = links;
    const expected = [
      phone,
      within(card).getByRole("button", { name: fill(en.copy, { value: "+27123456789" }) }),
      email,
      within(card).getByRole("button", { name: fill(en.copy, { value: "thandi.nkosi@example.co.za" }) }),
      within(card).getByRole("button", { name: countLabel(en, en.moreTags, 1) }),
      within(card).getByRole("button", { name: "Open chat" }),
    ];

    // Tab from the top of the page: phone and its copy button, email and its copy button,
    // the tags control, then the host's action.
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
    await expect(links.map((link) => link.getAttribute("href")?.split(":")[0])).toEqual(["tel", "mailto"]);
  },
};

export const Loading: Story = {
  name: "Loading (never answers)",
  parameters: { msw: { handlers: contactScenarios.loading } },
  play: async ({ canvas }) => {
    const root = cardRoot(await canvas.findByText(en.loading, undefined, settled));
    await expect(root).toHaveAttribute("data-state", "loading");
    await expect(root).toHaveAttribute("aria-busy", "true");
  },
};

export const NotFound: Story = {
  name: "Not found",
  parameters: { msw: { handlers: contactScenarios.notFound } },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole("status", undefined, settled);
    await expect(status).toHaveAttribute("data-state", "not-found");
    await expect(within(status).getByRole("heading", { level: 3 })).toHaveTextContent(`+${DIGITS}`);
    await expect(status).toHaveTextContent(en.notFound);
    await expect(within(status).queryByRole("button")).toBeNull();
  },
};

export const NotFoundWithActions: Story = {
  name: "Not found, with the app's actions",
  args: {
    notFoundActions: (
      <>
        <button type="button" className="sb-button">
          Add contact
        </button>
        <button type="button" className="sb-button">
          Start chat
        </button>
      </>
    ),
  },
  parameters: { msw: { handlers: contactScenarios.notFound } },
  play: async ({ canvas }) => {
    const status = await canvas.findByRole("status", undefined, settled);
    await expect(within(status).getByRole("button", { name: "Add contact" })).toBeInTheDocument();
    await expect(within(status).getByRole("button", { name: "Start chat" })).toBeInTheDocument();
  },
};

// Trying again cannot fix a refused key or a tenant the key may not read, so there is no retry button.
export const KeyRefused = errorStory("Key refused (401)", contactScenarios.unauthorized, "unauthorized", false);
KeyRefused.storyName = "Key refused (401)";

export const Forbidden = errorStory("Key may not read this tenant (403)", contactScenarios.forbidden, "forbidden", false);
Forbidden.storyName = "Key may not read this tenant (403)";

// Retry-After: 120, so it counts down from two minutes and tries again by itself, with no button.
export const RateLimited = errorStory("Rate limited (429)", contactScenarios.rateLimited, "rate_limited", false, async (alert) => {
  await expect(within(alert).getByRole("timer")).toHaveTextContent(/^Trying again in (2:00|1:5\d)$/);
});
RateLimited.storyName = "Rate limited (429)";

const limitedOnce = freshHandlers(() => {
  let calls = 0;
  const found = createContactHandlers({ contacts: [fullContact] });
  return [
    http.get("*/contact", ({ request }) => {
      calls++;
      if (calls === 1) return HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "2" } });
      return getResponse(found, request);
    }),
  ];
});

export const RateLimitedThenRetried: Story = {
  name: "Rate limited, counts down and retries by itself",
  parameters: { msw: { handlers: limitedOnce.handlers } },
  beforeEach: () => limitedOnce.reset(),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expect(within(alert).getByRole("timer")).toHaveTextContent("Trying again in 0:02");
    await expect(await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled)).toHaveAttribute("data-state", "ready");
  },
};

export const InvalidNumber: Story = {
  name: "Not a phone number",
  args: { phoneNumber: "call me maybe" },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.invalid_lookup.title);
    await expect(alert).toHaveTextContent("call me maybe");
  },
};

const failsOnce = freshHandlers(() => createContactHandlers({ contacts: [fullContact], failures: 1 }));

export const ServerErrorWithRetry: Story = {
  name: "Server error, then retry recovers",
  parameters: { msw: { handlers: failsOnce.handlers } },
  beforeEach: () => failsOnce.reset(),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expectErrorFor(alert, "server");
    await userEvent.click(within(alert).getByRole("button", { name: en.retry }));
    await expect(await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled)).toHaveAttribute("data-state", "ready");
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

export const MalformedResponse = errorStory("Malformed response", contactScenarios.malformed, "invalid_response", false);
MalformedResponse.storyName = "Malformed response";

export const NetworkError = errorStory("Network error", contactScenarios.networkError, "network", true);
NetworkError.storyName = "Network error";

export const DarkTheme: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  parameters: knows(summarisedContact),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Thandi Nkosi" }, settled);
    await expect(card.closest("[data-theme]")).toHaveAttribute("data-theme", "dark");
    if (inRealBrowser()) {
      const style = getComputedStyle(card);
      await expect(luminance(style.backgroundColor)).toBeLessThan(0.1);
      await expect(luminance(style.color)).toBeGreaterThan(0.5);
    }
  },
};

export const GermanLocale: Story = {
  name: "German locale, Berlin time, German labels",
  args: { locale: "de-DE", timeZone: "Europe/Berlin", labels: de, maxTags: 2 },
  parameters: knows({
    ...fullContact,
    full_name: "Jürgen Weiß",
    bot_status: "paused",
    // 23:30 UTC on the 14th is already the 15th in Berlin.
    source: { type: "import", location: "Berlin", created_at: "2025-03-14T23:30:00Z" },
  }),
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "Jürgen Weiß" }, settled);
    await expect(within(card).getByText("Telefon")).toBeInTheDocument();
    await expect(within(card).getByText("Hinzugefügt")).toBeInTheDocument();
    await expect(within(card).getByRole("list", { name: "Status" })).toHaveTextContent("Bot pausiert");
    await expect(within(card).getByRole("button", { name: "+2 weitere" })).toBeInTheDocument();
    const added = card.querySelector("time");
    await expect(added?.textContent).toMatch(/\b15\./);
    await expect(added?.textContent).toContain("2025");
    await expect(card.textContent).not.toContain("Phone");
    await expect(within(card).getByRole("link", { name: /^Chat öffnen/ })).toBeInTheDocument();
    await expect(within(card).getByRole("button", { name: "+27123456789 kopieren" })).toBeInTheDocument();
    await expect(card.textContent).not.toMatch(/Open chat|Copy|more\b/);
  },
};

export const GermanError: Story = {
  name: "German labels, network error",
  args: { labels: de },
  parameters: { msw: { handlers: contactScenarios.networkError } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expect(within(alert).getByRole("heading")).toHaveTextContent(de.errors.network.title);
    await expect(within(alert).getByRole("button", { name: de.retry })).toBeInTheDocument();
  },
};

export const ArabicRightToLeft: Story = {
  name: "Arabic labels, right-to-left page",
  args: { locale: "ar", labels: ar, maxTags: 2 },
  parameters: knows({ ...fullContact, full_name: "نور الهدى عبد الرحمن", tags: ["عميل", "مميز", "جوهانسبرغ", "نشرة"], has_unread_messages: true }),
  decorators: [inArabicPage],
  play: async ({ canvas }) => {
    const card = await canvas.findByRole("article", { name: "نور الهدى عبد الرحمن" }, settled);
    await expect(within(card).getByText(ar.phone)).toBeInTheDocument();
    await expect(within(card).getByRole("button", { name: countLabel(ar, ar.moreTags, 2) })).toHaveTextContent("+2 وسمان آخران");
    await expect(within(card).getByRole("link", { name: /^فتح المحادثة/ })).toBeInTheDocument();
    if (inRealBrowser()) {
      // Right to left: the avatar at the right, the name just left of it.
      const avatar = card.querySelector(".fiq-avatar")!.getBoundingClientRect();
      const heading = within(card).getByRole("heading").getBoundingClientRect();
      await expect(avatar.left).toBeGreaterThan(heading.left);
      await expect(avatar.left - heading.right).toBeLessThan(20);
    }
  },
};

/** A provider of the story's own, for the settings Storybook's shared one does not have. */
function StoryProvider({ children, ...config }: FlowIQConfig & { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <FlowIQProvider {...config} queryClient={queryClient}>
      {children}
    </FlowIQProvider>
  );
}

/**
 * A provider whose cache already holds the error the app's own proxy route gives a visitor whose
 * session its `authorize` refused (`401 { code: "session_refused" }`), as the client's core reads it.
 */
function RefusedSessionProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, retryOnMount: false } } });
    void client.prefetchQuery({
      queryKey: contactKeys.detail("acme", { phoneNumber: DIGITS }),
      queryFn: () => Promise.reject(new FlowIQError("session_refused", "The app's proxy refused this session (authorize returned false).", { status: 401 })),
    });
    return client;
  });
  return (
    <FlowIQProvider tenantId="acme" baseUrl="/api/flowiq" queryClient={queryClient}>
      {children}
    </FlowIQProvider>
  );
}

export const SessionEnded: Story = {
  name: "Session ended (the app's proxy refused the visitor)",
  parameters: { flowiq: { provider: false } },
  render: (args) => (
    <RefusedSessionProvider>
      <ContactCard {...args} />
    </RefusedSessionProvider>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expect(alert).toHaveAttribute("data-code", "session_refused");
    await expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.session_refused.title);
    await expect(alert).toHaveTextContent(en.errors.session_refused.sentence);
    await expect(alert).not.toHaveTextContent(en.errors.unauthorized.sentence);
    await expect(within(alert).queryByRole("button", { name: en.retry })).toBeNull();
  },
};

export const NotSetUp: Story = {
  name: "Not set up (no tenant)",
  parameters: { flowiq: { provider: false } },
  render: (args) => (
    <StoryProvider tenantId="">
      <ContactCard {...args} />
    </StoryProvider>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", undefined, settled);
    await expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.config.title);
    await expect(alert).toHaveTextContent(en.errors.config.sentence);
    await expect(within(alert).queryByRole("button")).toBeNull();
  },
};

export const TimedOut: Story = {
  name: "Timed out",
  parameters: { flowiq: { provider: false }, msw: { handlers: createContactHandlers({ contacts: [fullContact], delayMs: 5000 }) } },
  render: (args) => (
    <StoryProvider tenantId="acme" apiKey="demo-key" timeoutMs={200}>
      <ContactCard {...args} />
    </StoryProvider>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole("alert", {}, settled);
    await expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.timeout.title);
    await expect(alert).toHaveAttribute("data-tone", "warning");
    await expect(within(alert).getByRole("button", { name: en.retry })).toBeInTheDocument();
  },
};
