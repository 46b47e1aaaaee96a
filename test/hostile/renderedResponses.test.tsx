import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, type HttpResponseResolver } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { defaultContactCardLabels as en } from "../../src/components/ContactDisplay/labels.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { renderWithProvider } from "../utils.js";
import { expectSafeCard } from "./cardSafety.js";
import { answerWith, captureConsole, json, okBody, text } from "./support.js";

const MB = 1024 * 1024;
const HTML = "<!doctype html><h1>Bad gateway</h1><script>window.__fiqPwned=1</script>";

type Row = {
  name: string;
  answer: HttpResponseResolver;
  state: "ready" | "not-found" | "error";
  /** Text the card must show. */
  shows: string[];
  /** Text it must not. */
  hides?: string[];
  retryButton?: boolean;
};

const rows: Row[] = [
  { name: "an HTML page with 200", answer: text(HTML, 200), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: "an HTML page with 404", answer: text(HTML, 404), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: "an HTML page with 502", answer: text(HTML, 502), state: "error", shows: [en.errors.server.sentence], hides: ["Bad gateway"], retryButton: true },
  { name: "an empty 200", answer: text("", 200, "application/json"), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: "success: false", answer: json({ success: false, message: "<b>Tenant suspended</b>" }), state: "error", shows: [en.errors.invalid_response.sentence], hides: ["Tenant suspended"], retryButton: false },
  { name: "contact: null", answer: json({ success: true, contact: null }), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: "contact: []", answer: json({ success: true, contact: [] }), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: 'contact: "John"', answer: json({ success: true, contact: "John" }), state: "error", shows: [en.errors.invalid_response.sentence], retryButton: false },
  { name: "a 401 echoing markup", answer: json({ error: "<img src=x onerror=window.__fiqPwned=1>" }, 401), state: "error", shows: [en.errors.unauthorized.sentence], retryButton: false },
  { name: "the documented 404", answer: json({ error: "Contact not found", message: "No contact found" }, 404), state: "not-found", shows: ["+27123456789", en.notFound] },
  { name: "a contact with only an id", answer: json({ success: true, contact: { id: "only-id" } }), state: "ready", shows: ["Unknown contact"], hides: ["Added", "Phone"] },
  { name: "an unknown bot_status", answer: json(okBody({ bot_status: "hibernating" })), state: "ready", shows: ["Bot: hibernating"] },
  { name: "a missing source", answer: json(okBody({ source: undefined, created_at: undefined })), state: "ready", shows: ["John Doe"], hides: ["Source", "Added"] },
  {
    name: "dates that do not parse",
    answer: json(okBody({ created_at: "yesterday", updated_at: "2025-13-45", contact_summary: "Asked about pricing", contact_summary_updated_at: "soon", source: { type: "api", created_at: "not a date" } })),
    state: "ready",
    shows: ["Asked about pricing"],
    hides: ["Added", "Updated", "yesterday", "not a date"],
  },
  {
    name: "wrong types in every field",
    answer: json({ success: true, contact: { id: "w-1", full_name: 42, whatsapp_id: {}, phone_number: ["+27123456789"], email: true, tags: "vip", organization_id: 1, bot_status: [], allow_broadcast: "yes", archived: 1, blocked: "true", active_status: {}, has_unread_messages: [], source: "api", contact_summary: 7, contact_summary_updated_at: {}, created_at: 0, updated_at: false } }),
    state: "ready",
    shows: ["Unknown contact", "No broadcasts"],
    hides: ["Blocked", "Archived", "Online", "vip"],
  },
  { name: "a megabyte of markup as the name", answer: json(okBody({ full_name: "<b>bold</b> ".repeat(MB / 12) })), state: "ready", shows: ["<b>bold</b> <b>bold</b>"] },
];

describe("ContactCard given hostile responses", () => {
  afterEach(() => {
    delete window.__fiqPwned;
  });

  it.each(rows)("shows the $state state for $name, safely", async ({ answer, state, shows, hides = [], retryButton }) => {
    const requests = answerWith(answer);
    const logged = captureConsole();
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
    await waitFor(() => expect(container.querySelector(`[data-state="${state}"]`)).not.toBeNull());
    const card = container.firstElementChild as HTMLElement;
    expectSafeCard(card);
    for (const part of shows) expect(card).toHaveTextContent(part);
    for (const part of hides) expect(card).not.toHaveTextContent(part);
    if (retryButton !== undefined) expect(within(card).queryByRole("button", { name: "Try again" }) !== null).toBe(retryButton);
    expect(requests).toHaveLength(1);
    // A failed card writes one development line for the developer; nothing else reaches the console.
    const lines = logged().split("\n").filter(Boolean);
    expect(lines.filter((line) => !line.startsWith("[@flowiq/react] <ContactCard> could not show +27123456789: "))).toEqual([]);
    expect(lines.length).toBeLessThanOrEqual(1);
  });
});

describe("ContactCard given a contact with 10,000 tags", () => {
  it("shows six and a '+9994 more' button, and all of them on request", async () => {
    answerWith(json(okBody({ tags: Array.from({ length: 10_000 }, (_, i) => `tag-${i}`) })));
    const user = userEvent.setup();
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
    const list = await screen.findByRole("list", { name: "Tags" });
    // Counted with a selector: role queries over 10,000 items are slow in jsdom.
    expect(list.querySelectorAll("li")).toHaveLength(6);
    await user.click(screen.getByRole("button", { name: "+9994 more" }));
    expect(list.querySelectorAll("li")).toHaveLength(10_000);
    expectSafeCard(container.firstElementChild as HTMLElement);
  });
});

describe("ContactCard given very large answers", () => {
  it("renders a 1 MB name in one heading", async () => {
    const name = "Ada Lovelace ".repeat(MB / 13);
    answerWith(json(okBody({ full_name: name })));
    renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
    const heading = await screen.findByRole("heading");
    expect(heading.textContent).toBe(name.trim());
    expect(document.querySelector(".fiq-avatar")).toHaveTextContent("AL");
  });

  it("renders a 100 KB name with no spaces whole, with its initials", () => {
    // A single long word once made the initials quadratic; ContactCardView.test.tsx counts the work.
    const contact = buildContact({ full_name: `Ada ${"L".repeat(100_000)}` });
    const { container } = render(<ContactCardView contact={contact} />);
    expect(container.querySelector(".fiq-avatar")).toHaveTextContent("AL");
    expect(screen.getByRole("heading").textContent).toHaveLength(100_004);
  });

  it("renders the contact of an 8 MB body", async () => {
    answerWith(() => HttpResponse.json({ ...okBody({ contact_summary: "S".repeat(4 * MB) }), padding: "p".repeat(4 * MB) }));
    renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
    // Reading and parsing 8 MB takes over a second on a busy machine: wait for the state, not 1 s.
    expect(await screen.findByRole("heading", { name: "John Doe" }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
