import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { initials } from "../../src/components/ContactDisplay/format.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { defaultContactCardLabels } from "../../src/components/ContactDisplay/labels.js";
import type { Contact } from "../../src/core/types.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { sparseContact } from "../../stories/support/contacts.js";

const SAFE_HREF = /^(mailto:[^\s:/?&]+@[^\s:/?&]+|tel:\+\d{8,15}|https:\/\/wa\.me\/\d{8,15})$/;

/** Nothing but an id: every field null or empty, the number too. */
const sparse: Contact = { ...sparseContact, id: "c-1", phone_number: null };

function renderView(overrides: Partial<Contact> = {}, props: Omit<Parameters<typeof ContactCardView>[0], "contact"> = {}) {
  return render(<ContactCardView contact={buildContact(overrides)} {...props} />);
}

const avatarOf = (container: HTMLElement) => container.querySelector(".fiq-avatar");
const statusBadges = () => within(screen.getByRole("list", { name: "Status" }));
const detail = (term: string) => {
  const dt = screen.getAllByRole("term").find((node) => node.textContent === term);
  return dt?.nextElementSibling ?? null;
};

describe("ContactCardView given the reference contact", () => {
  it("names the card after the contact in a level-3 heading", () => {
    renderView();
    expect(screen.getByRole("article", { name: "John Doe" })).toHaveAttribute("data-state", "ready");
    expect(screen.getByRole("heading", { level: 3, name: "John Doe" })).toBeInTheDocument();
  });

  it("shows decorative initials from the name", () => {
    const { container } = renderView();
    expect(avatarOf(container)).toHaveTextContent("JD");
    expect(avatarOf(container)).toHaveAttribute("aria-hidden", "true");
  });

  it("links the phone with tel: built from its digits", () => {
    renderView({ phone_number: "+27 (12) 345-6789" });
    expect(screen.getByRole("link", { name: "+27123456789" })).toHaveAttribute("href", "tel:+27123456789");
  });

  it("links WhatsApp to wa.me with the WhatsApp id's digits", () => {
    renderView({ whatsapp_id: "27 98 765 4321" });
    const link = screen.getByRole("link", { name: "+27987654321 on WhatsApp" });
    expect(link).toHaveAttribute("href", "https://wa.me/27987654321");
    expect(link).toHaveTextContent(/^\+27987654321$/);
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("links WhatsApp with the phone's digits when there is no WhatsApp id", () => {
    renderView({ whatsapp_id: null, phone_number: "0044 20 7946 0958" });
    expect(within(detail("WhatsApp") as HTMLElement).getByRole("link")).toHaveAttribute("href", "https://wa.me/442079460958");
  });

  it("says Open chat for a WhatsApp number that is the phone number, naming the number to assistive technology", () => {
    renderView({ phone_number: "+27 12 345 6789", whatsapp_id: "27123456789" });
    const link = within(detail("WhatsApp") as HTMLElement).getByRole("link");
    expect(link).toHaveTextContent(/^Open chat$/);
    expect(link).toHaveAccessibleName("Open chat, +27123456789 on WhatsApp");
    expect(link).toHaveAttribute("href", "https://wa.me/27123456789");
    expect(detail("Phone")).toHaveTextContent(/^\+27123456789$/);
  });

  it("says Open chat when WhatsApp falls back to the phone's number", () => {
    renderView({ whatsapp_id: null });
    expect(within(detail("WhatsApp") as HTMLElement).getByRole("link")).toHaveTextContent(/^Open chat$/);
  });

  it("links a valid email with mailto:", () => {
    renderView();
    expect(screen.getByRole("link", { name: "john@example.com" })).toHaveAttribute("href", "mailto:john@example.com");
  });

  it("shows the tags as a list", () => {
    renderView();
    const tags = within(screen.getByRole("list", { name: "Tags" }));
    expect(tags.getAllByRole("listitem").map((item) => item.textContent)).toEqual(["customer", "premium"]);
  });

  it("shows the source type and the date it was added", () => {
    renderView();
    expect(detail("Source")).toHaveTextContent("API");
    expect(detail("Added")).toHaveTextContent("Dec 11, 2025");
    expect(detail("Added")?.querySelector("time")).toHaveAttribute("datetime", "2025-12-11T10:30:00.000Z");
  });

  it("shows no location when the API sends an empty object", () => {
    renderView();
    expect(detail("Location")).toBeNull();
  });

  it("shows the bot status as an Active badge and no other badge", () => {
    renderView();
    expect(statusBadges().getAllByRole("listitem").map((badge) => badge.textContent)).toEqual(["Bot active"]);
  });
});

describe("ContactCardView given each status", () => {
  it.each([
    ["a blocked contact", { blocked: true }, "Blocked", "danger"],
    ["an archived contact", { archived: true }, "Archived", "neutral"],
    ["a paused bot", { bot_status: "paused" }, "Bot paused", "warning"],
    ["an unknown bot status", { bot_status: "handover" }, "Bot: handover", "neutral"],
    ["a broadcast opt-out", { allow_broadcast: false }, "No broadcasts", "warning"],
    ["an online contact", { active_status: true }, "Online", "success"],
    ["unread messages", { has_unread_messages: true }, "Unread messages", "info"],
  ] as const)("shows %s as a text badge with a tone", (_name, overrides, text, tone) => {
    renderView(overrides);
    const badge = statusBadges().getByText(text);
    expect(badge).toHaveAttribute("data-tone", tone);
    expect(badge.tagName).toBe("LI");
  });

  it("shows every badge at once for a contact in every state", () => {
    renderView({ blocked: true, archived: true, allow_broadcast: false, active_status: true, has_unread_messages: true });
    expect(statusBadges().getAllByRole("listitem").map((badge) => badge.textContent)).toEqual([
      "Blocked",
      "Archived",
      "Bot active",
      "No broadcasts",
      "Online",
      "Unread messages",
    ]);
  });
});

describe("ContactCardView given a sparse contact", () => {
  it("falls back to the formatted number for the heading, and a person glyph (no digits) for the avatar", () => {
    const { container } = render(<ContactCardView contact={{ ...sparse, phone_number: "27 123 456 789" }} />);
    expect(screen.getByRole("heading", { name: "+27123456789" })).toBeInTheDocument();
    expect(avatarOf(container)?.textContent).toBe("");
    expect(avatarOf(container)).toHaveAttribute("data-glyph", "person");
  });

  it("treats a blank name as absent", () => {
    render(<ContactCardView contact={{ ...sparse, full_name: " \t\n ", whatsapp_id: "4915112345678" }} />);
    expect(screen.getByRole("heading", { name: "+4915112345678" })).toBeInTheDocument();
  });

  it.each([
    ["zero-width spaces", "\u200B\u200B"],
    ["direction marks", "\u200E\u200F\u061C"],
    ["control characters", "\u0000\u0007"],
  ])("treats a name of only %s as absent", (_what, full_name) => {
    const { container } = render(<ContactCardView contact={{ ...sparse, full_name, phone_number: "27123456789" }} />);
    expect(screen.getByRole("heading", { name: "+27123456789" })).toBeInTheDocument();
    expect(avatarOf(container)).toHaveAttribute("data-glyph", "person");
  });

  it("says Unknown contact when there is neither a name nor a number", () => {
    render(<ContactCardView contact={sparse} />);
    expect(screen.getByRole("heading", { name: "Unknown contact" })).toBeInTheDocument();
  });

  it("shows no empty lists, rows or badges", () => {
    const { container } = render(<ContactCardView contact={sparse} />);
    expect(screen.queryByRole("list")).toBeNull();
    expect(container.querySelector("dl")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("never prints undefined, null or NaN", () => {
    const { container } = render(<ContactCardView contact={sparse} />);
    expect(container.textContent).not.toMatch(/undefined|null|NaN|Invalid Date/);
  });

  it("survives hand-made data with missing fields", () => {
    const handMade = { id: "x", full_name: "Ada" } as unknown as Contact;
    const { container } = render(<ContactCardView contact={handMade} />);
    expect(screen.getByRole("heading", { name: "Ada" })).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/undefined|null|NaN/);
  });
});

describe("ContactCardView given a location", () => {
  it("shows a string location as it is", () => {
    renderView({ source: { type: "whatsapp", location: "Cape Town", created_at: null } });
    expect(detail("Location")).toHaveTextContent("Cape Town");
    expect(detail("Source")).toHaveTextContent("WhatsApp");
  });

  it("joins an object location's values and skips empty ones", () => {
    renderView({ source: { type: "import", location: { city: "Durban", region: null, country: "ZA", zip: 4001, note: " " }, created_at: null } });
    expect(detail("Location")).toHaveTextContent(/^Durban, ZA, 4001$/);
  });

  it("falls back to the contact's own creation date", () => {
    renderView({ source: { type: null, location: null, created_at: null }, created_at: "2024-02-29T12:00:00Z" });
    expect(detail("Added")).toHaveTextContent("Feb 29, 2024");
    expect(detail("Source")).toBeNull();
  });
});

describe("ContactCardView given a contact summary", () => {
  it("shows the summary with its updated date", () => {
    renderView({ contact_summary: "Asked about pricing twice.", contact_summary_updated_at: "2025-12-12T08:00:00Z" });
    expect(screen.getByText("Asked about pricing twice.")).toBeInTheDocument();
    expect(screen.getByText("Updated Dec 12, 2025")).toBeInTheDocument();
  });

  it("shows the summary without a date when the date does not parse", () => {
    const { container } = renderView({ contact_summary: "Prefers email.", contact_summary_updated_at: "yesterday-ish" });
    expect(screen.getByText("Prefers email.")).toBeInTheDocument();
    expect(screen.queryByText(/^Updated/)).toBeNull();
    expect(container.textContent).not.toContain("Invalid Date");
  });

  it("shows no summary section for a blank summary", () => {
    renderView({ contact_summary: "   " });
    expect(screen.queryByText("Summary")).toBeNull();
  });
});

describe("ContactCardView given dates that do not parse", () => {
  it.each(["not a date", "2025-13-45T99:99:99Z", "", "NaN", "Infinity"])("omits the added date for %j", (value) => {
    const { container } = renderView({ source: { type: "api", location: null, created_at: value }, created_at: value });
    expect(detail("Added")).toBeNull();
    expect(container.textContent).not.toMatch(/Invalid Date|NaN|undefined/);
  });
});

describe("ContactCardView given a locale and time zone", () => {
  it("formats dates in the given locale", () => {
    renderView({}, { locale: "de-DE" });
    expect(detail("Added")).toHaveTextContent("11.12.2025");
  });

  it("formats dates in the given time zone", () => {
    renderView({ source: { type: "api", location: null, created_at: "2025-12-11T22:30:00Z" } }, { timeZone: "Pacific/Kiritimati" });
    expect(detail("Added")).toHaveTextContent("Dec 12, 2025");
  });

  it("uses UTC by default, whatever the machine's zone", () => {
    renderView({ source: { type: "api", location: null, created_at: "2025-12-11T23:59:00Z" } });
    expect(detail("Added")).toHaveTextContent("Dec 11, 2025");
  });

  it("falls back to en-US for a malformed locale instead of throwing", () => {
    renderView({}, { locale: "not a locale!!" });
    expect(detail("Added")).toHaveTextContent("Dec 11, 2025");
  });

  it("falls back to UTC for an unknown time zone instead of throwing", () => {
    renderView({ source: { type: "api", location: null, created_at: "2025-12-11T23:59:00Z" } }, { locale: "de-DE", timeZone: "Mars/Olympus_Mons" });
    expect(detail("Added")).toHaveTextContent("11.12.2025");
  });
});

describe("ContactCardView given label overrides", () => {
  it("uses the overrides and keeps the other defaults", () => {
    renderView(
      { tags: ["a", "b", "c"], allow_broadcast: false },
      {
        maxTags: 1,
        labels: {
          phone: "Telefon",
          broadcastOptOut: "Keine Rundsendungen",
          botStatuses: { active: "Bot aktiv" },
          moreTags: { other: "+{count} weitere" },
          sourceTypes: { api: "SCHNITTSTELLE" },
          added: "Hinzugefügt",
          status: "Zustand",
          whatsappChat: "Chat öffnen",
          whatsappLink: "{number} auf WhatsApp",
        },
      },
    );
    expect(detail("Telefon")).toHaveTextContent("+27123456789");
    expect(detail("Email")).toHaveTextContent("john@example.com");
    expect(within(screen.getByRole("list", { name: "Zustand" })).getByText("Bot aktiv")).toBeInTheDocument();
    expect(screen.getByText("Keine Rundsendungen")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "+2 weitere" })).toBeInTheDocument();
    expect(detail("Source")).toHaveTextContent("SCHNITTSTELLE");
    expect(detail("Hinzugefügt")).toHaveTextContent("Dec 11, 2025");
    expect(screen.getByRole("link", { name: "Chat öffnen, +27123456789 auf WhatsApp" })).toHaveTextContent(/^Chat öffnen$/);
  });

  it("keeps the default for a label given as undefined", () => {
    renderView({}, { labels: { phone: undefined } });
    expect(detail("Phone")).not.toBeNull();
  });

  it("exports a title and a sentence for every error code", () => {
    const codes = ["config", "invalid_lookup", "session_refused", "unauthorized", "forbidden", "rate_limited", "server", "network", "timeout", "invalid_response"];
    expect(Object.keys(defaultContactCardLabels.errors).sort()).toEqual(codes.sort());
    for (const { title, sentence } of Object.values(defaultContactCardLabels.errors)) {
      expect(title).toMatch(/\w/);
      expect(sentence).toMatch(/\w/);
    }
  });

  it("joins the chat link's name with the labels' separator, not a Latin comma", () => {
    renderView({}, { labels: { separator: "، ", whatsappChat: "فتح المحادثة" } });
    expect(screen.getByRole("link", { name: "فتح المحادثة، +27123456789 on WhatsApp" })).toBeInTheDocument();
  });

  it("joins a location's parts with the labels' separator", () => {
    renderView({ source: { type: "api", location: { city: "Kapstadt", country: "ZA" }, created_at: "2025-12-11T10:30:00Z" } }, { labels: { separator: " · " } });
    expect(detail("Location")).toHaveTextContent(/^Kapstadt · ZA$/);
  });

  it("ignores a 0.2-style function label rather than crashing", () => {
    renderView({ tags: ["a", "b"] }, { maxTags: 1, labels: { moreTags: ((n: number) => `${n} more`) as unknown as { other: string } } });
    expect(screen.getByRole("button", { name: "+1 more" })).toBeInTheDocument();
  });
});

describe("ContactCardView given a heading level", () => {
  it.each([1, 2, 4, 6] as const)("renders the name as an h%i", (level) => {
    renderView({}, { headingLevel: level });
    expect(screen.getByRole("heading", { level, name: "John Doe" })).toBeInTheDocument();
  });

  it("falls back to h3 for a level that does not exist", () => {
    renderView({}, { headingLevel: 9 as never });
    expect(screen.getByRole("heading", { level: 3 })).toBeInTheDocument();
  });
});

describe("ContactCardView given DOM props", () => {
  it("merges className with fiq-card and passes other attributes to the root", async () => {
    const onClick = vi.fn();
    const { container } = renderView({}, { className: "my-card shadow", id: "card-7", "aria-describedby": "hint", onClick, ...{ "data-testid": "card" } });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass("fiq-card", "my-card", "shadow");
    expect(root).toHaveAttribute("id", "card-7");
    expect(root).toHaveAttribute("aria-describedby", "hint");
    expect(screen.getByTestId("card")).toBe(root);
    await userEvent.click(screen.getByRole("heading"));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("keeps its own data-state over one passed in", () => {
    const { container } = render(<ContactCardView contact={buildContact()} data-state="bogus" />);
    expect(container.firstElementChild).toHaveAttribute("data-state", "ready");
  });

  it("shows the host's actions", async () => {
    const onMessage = vi.fn();
    renderView({}, { actions: <button onClick={onMessage}>Message</button> });
    await userEvent.click(screen.getByRole("button", { name: "Message" }));
    expect(onMessage).toHaveBeenCalled();
  });

  it("writes no style attribute anywhere", () => {
    const { container } = renderView({ tags: Array.from({ length: 20 }, (_, i) => `t${i}`), contact_summary: "x", blocked: true });
    expect(container.querySelectorAll("[style]")).toHaveLength(0);
  });
});

describe("ContactCardView given a huge tag list", () => {
  const tags = Array.from({ length: 40 }, (_, i) => `tag-${i + 1}`);

  it("shows six tags and a +34 more button", () => {
    renderView({ tags });
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(6);
    expect(screen.getByRole("button", { name: "+34 more" })).toHaveAttribute("aria-expanded", "false");
  });

  it("expands and collapses the rest from the keyboard", async () => {
    const user = userEvent.setup();
    renderView({ tags });
    const more = screen.getByRole("button", { name: "+34 more" });
    for (let i = 0; i < 10 && document.activeElement !== more; i++) await user.tab();
    expect(more).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(40);
    expect(more).toHaveAttribute("aria-expanded", "true");
    expect(more).toHaveAccessibleName("Show fewer");
    expect(more).toHaveFocus();
    await user.keyboard(" ");
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(6);
    expect(more).toHaveAttribute("aria-expanded", "false");
  });

  it("points the button at the list it controls", () => {
    renderView({ tags });
    const list = screen.getByRole("list", { name: "Tags" });
    expect(screen.getByRole("button", { name: "+34 more" })).toHaveAttribute("aria-controls", list.id);
  });

  it("honours maxTags", () => {
    renderView({ tags }, { maxTags: 2 });
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "+38 more" })).toBeInTheDocument();
  });

  it("shows every tag and no button when they fit", () => {
    renderView({ tags: tags.slice(0, 6) });
    expect(screen.queryByRole("button", { name: /more|fewer/i })).toBeNull();
  });

  it("shows only the button for maxTags 0", () => {
    renderView({ tags: ["a", "b"] }, { maxTags: 0 });
    expect(screen.queryByRole("list", { name: "Tags" })).toBeNull();
    expect(screen.getByRole("button", { name: "+2 more" })).not.toHaveAttribute("aria-controls");
  });

  it("renders 10,000 tags collapsed to six", () => {
    renderView({ tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) });
    expect(screen.getByRole("button", { name: "+9994 more" })).toBeInTheDocument();
  });

  it("keeps repeated tags", () => {
    renderView({ tags: ["vip", "vip", "vip"] });
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByText("vip")).toHaveLength(3);
  });
});

describe("ContactCardView given hostile text in every field", () => {
  const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
  const hostile = buildContact({
    full_name: payload,
    email: payload,
    phone_number: payload,
    whatsapp_id: payload,
    tags: [payload, `"><svg onload=alert(3)>`],
    bot_status: payload,
    source: { type: payload, location: { city: payload }, created_at: payload },
    contact_summary: payload,
    contact_summary_updated_at: payload,
    created_at: payload,
  });

  it("renders it as text, creating no elements from it", () => {
    const { container } = render(<ContactCardView contact={hostile} />);
    expect(container.querySelector("img, script, svg, iframe")).toBeNull();
    expect(screen.getByRole("heading", { name: payload })).toBeInTheDocument();
    expect(screen.getByText(`Bot: ${payload}`)).toBeInTheDocument();
    expect(screen.getByText(payload, { selector: ".fiq-summary__text" })).toBeInTheDocument();
    expect(container.querySelectorAll("[onerror], [onload]")).toHaveLength(0);
  });

  it("makes no link from it", () => {
    render(<ContactCardView contact={hostile} />);
    expect(screen.queryByRole("link")).toBeNull();
  });
});

describe("ContactCardView given values named like object members", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("shows a source type and bot status of %j as text", (value) => {
    renderView({ bot_status: value, source: { type: value, location: { [value]: value }, created_at: null }, tags: [value] });
    expect(detail("Source")).toHaveTextContent(value);
    expect(statusBadges().getByText(`Bot: ${value}`)).toBeInTheDocument();
  });
});

describe("ContactCardView given unsafe link schemes", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)//@example.com",
    "data:text/html,<script>alert(1)</script>",
    "mailto:someone@example.com",
    "victim@example.com?bcc=attacker@evil.test",
    "a@b",
    "x@example.com\n@evil.test",
    "x%0ABcc%3Aall@example.com",
  ])("shows the email %j as text, not as a link", (email) => {
    const { container } = renderView({ email });
    expect(within(detail("Email") as HTMLElement).queryByRole("link")).toBeNull();
    expect(detail("Email")).toHaveTextContent(email.trim().replace(/\s+/g, " "));
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(SAFE_HREF);
  });

  it.each(["javascript:alert(1)", "data:text/plain,27123456789", "tel:+27123456789", "27123456789;ext=1"])(
    "makes no phone link from %j",
    (phone) => {
      const { container } = renderView({ phone_number: phone, whatsapp_id: null });
      expect(within(detail("Phone") as HTMLElement).queryByRole("link")).toBeNull();
      expect(detail("WhatsApp")).toBeNull();
      for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(SAFE_HREF);
    },
  );

  it("keeps a linked address whole while offering line breaks before its @ and dots, never inside its registrable domain", () => {
    const { container } = renderView({ email: "first.last@mail.example.co.za" });
    const link = screen.getByRole("link", { name: "first.last@mail.example.co.za" });
    expect(link).toHaveAttribute("href", "mailto:first.last@mail.example.co.za");
    expect(link.querySelectorAll("wbr")).toHaveLength(3);
    expect([...link.childNodes].map((node) => (node.nodeName === "WBR" ? "|" : node.textContent)).join("")).toBe("first|.last|@mail|.example.co.za");
    expect(container.querySelectorAll("wbr")).toHaveLength(3);
  });

  it.each([
    ["ana@example.com", "ana|@example.com"],
    ["ana@mail.example.com", "ana|@mail|.example.com"],
    ["a.b@shop.com.br", "a|.b|@shop.com.br"],
    ["ana@sub.example.org.uk", "ana|@sub|.example.org.uk"],
  ])("offers breaks in %s only at %s", (email, expected) => {
    renderView({ email });
    const link = screen.getByRole("link", { name: email });
    expect([...link.childNodes].map((node) => (node.nodeName === "WBR" ? "|" : node.textContent)).join("")).toBe(expected);
  });

  it("accepts an internationalised address", () => {
    renderView({ email: "zoë.müller@beispiel.de" });
    expect(screen.getByRole("link", { name: "zoë.müller@beispiel.de" })).toHaveAttribute("href", "mailto:zoë.müller@beispiel.de");
  });
});

describe("ContactCardView given names in other scripts", () => {
  it.each([
    ["an emoji family", "👩‍👩‍👧 Family", "👩‍👩‍👧F"],
    ["a flag", "🇿🇦 Thandi", "🇿🇦T"],
    ["a skin-tone emoji", "👍🏽", "👍🏽"],
    ["combining accents", "Jose\u0301 e\u0301mile", "JE\u0301"],
    ["an Arabic name", "محمد علي", "مع"],
    ["a Hebrew name", "דוד כהן", "דכ"],
    ["leading punctuation", "(Ana) <Lima>", "AL"],
    ["Devanagari", "क्षितिज शर्मा", "क्षिश"],
  ])("makes whole-grapheme initials from %s", (_name, full_name, expected) => {
    const { container } = renderView({ full_name });
    expect(avatarOf(container)?.textContent).toBe(expected);
  });

  it("makes the same initials on its Latin shortcut as by segmenting graphemes", () => {
    // The oracle: every word's first grapheme that is a letter, digit, emoji or flag, found by Intl.Segmenter.
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const first = (word = "") =>
      [...segmenter.segment(word)].map((part) => part.segment).find((grapheme) => /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(grapheme)) ?? "";
    const oracle = (name: string) => {
      const words = name.split(/\s+/).filter(Boolean);
      return (first(words[0]) + (words.length > 1 ? first(words.at(-1)) : "")).toUpperCase();
    };
    // Latin letters beside what joins onto a letter: combining marks, ZWJ, variation selectors,
    // emoji modifiers, conjoining Hangul jamo, Thai and Devanagari signs.
    const pieces = ["a", "Z", "7", "é", "Ø", "ß", "ž", "ɏ", "\u0301", "\u0308", "\u200d", "\ufe0f", "🏽", "👍", "\u1100", "\u1161", "ก", "\u0e33", "क", "\u094d", " ", "(", "-", "'", "."];
    const names = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(fc.property(names, (name) => initials(name) === oracle(name)), { numRuns: 3000 });
  });

  it("makes initials from a 100 KB name without reading all of it", () => {
    // Counts the graphemes read: segmenting the whole word (or worse, per character) froze the page once.
    let read = 0;
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, "segment").mockImplementation(function (this: Intl.Segmenter, input: string) {
      const segments = segment.call(this, input);
      return {
        [Symbol.iterator]: () => {
          const iterator = segments[Symbol.iterator]();
          return { next: () => (read++, iterator.next()) };
        },
      } as unknown as Intl.Segments;
    });
    const { container } = renderView({ full_name: `Ada ${"L".repeat(100_000)}` });
    expect(avatarOf(container)).toHaveTextContent("AL");
    expect(read).toBeLessThanOrEqual(4);
  });

  it("lets the heading take its direction from the name", () => {
    renderView({ full_name: "محمد علي" });
    expect(screen.getByRole("heading")).toHaveAttribute("dir", "auto");
  });

  it("keeps numbers left-to-right inside a right-to-left page", () => {
    renderView({ full_name: "محمد علي" });
    expect(screen.getByRole("link", { name: "+27123456789" })).toHaveAttribute("dir", "ltr");
  });
});

describe("ContactCardView with no Intl.Segmenter", () => {
  it("still makes initials, a whole code point at a time", () => {
    // Made with the segmenter first, as a page would have before: its absence is seen on each call.
    expect(initials("🇿🇦 Office")).toBe("🇿🇦O");
    const original = Intl.Segmenter;
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      expect(initials("Ünal 😀 Öz")).toBe("ÜÖ");
      expect(initials("😀 smile")).toBe("😀S");
      // A flag is two code points: without a segmenter the first stands for it, never half of one.
      expect(initials("🇿🇦 Office")).toBe("🇿O");
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = original;
    }
  });
});

describe("ContactCardView outside any provider", () => {
  it("renders with no FlowIQProvider or QueryClient", () => {
    expect(() => renderView()).not.toThrow();
    expect(screen.getByRole("heading", { name: "John Doe" })).toBeInTheDocument();
  });
});

describe("ContactCardView's muted marks and density", () => {
  it("is a comfortable card, neither blocked nor archived, by default", () => {
    const { container } = renderView({ blocked: false, archived: false });
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute("data-density", "comfortable");
    // The stylesheet mutes any card carrying these, whatever their value.
    expect(root).not.toHaveAttribute("data-archived");
    expect(root).not.toHaveAttribute("data-blocked");
  });

  it("marks an archived contact with data-archived=true, as it marks a blocked one", () => {
    const { container } = renderView({ archived: true, blocked: true });
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute("data-archived", "true");
    expect(root).toHaveAttribute("data-blocked", "true");
  });
});
