import { act, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { ContactCard, ContactCardView, defaultContactCardLabels as en } from "../../src/index.js";
import { FlowIQError, type FlowIQErrorCode } from "../../src/core/FlowIQError.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactScenarios, createContactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { API, createTestQueryClient, renderWithProvider } from "../utils.js";

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement;

type Case = { code: FlowIQErrorCode; handlers: ReturnType<typeof createContactHandlers>; tone: string };
const cases: Case[] = [
  { code: "unauthorized", handlers: contactScenarios.unauthorized, tone: "danger" },
  { code: "forbidden", handlers: contactScenarios.forbidden, tone: "danger" },
  { code: "server", handlers: contactScenarios.serverError, tone: "warning" },
  { code: "network", handlers: contactScenarios.networkError, tone: "warning" },
  { code: "invalid_response", handlers: contactScenarios.malformed, tone: "danger" },
  { code: "rate_limited", handlers: contactScenarios.rateLimited, tone: "warning" },
];

describe("ContactCard given an API failure, as an agent sees it", () => {
  beforeEach(() => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });

  it.each(cases)("shows $code with an icon, a title, a plain sentence and the contact's number", async ({ code, handlers, tone }) => {
    server.use(...handlers);
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" formatPhone={() => "+27 12 345 6789"} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", code);
    expect(alert).toHaveAttribute("data-tone", tone);
    expect(within(alert).getByRole("heading", { level: 3 })).toHaveTextContent(en.errors[code].title);
    expect(alert).toHaveTextContent(en.errors[code].sentence);
    expect(alert.querySelector(".fiq-card__number")).toHaveTextContent(/^\+27 12 345 6789$/);
    expect(alert.querySelector('.fiq-card__icon[aria-hidden="true"]')).not.toBeNull();
    expect(root(container)).toHaveAttribute("data-state", "error");
  });

  it("never shows the developer's detail or the API's own words to the agent", async () => {
    server.use(http.get(`${API}/contact`, () => HttpResponse.json({ message: "Invalid API key fiq_live_123" }, { status: 401 })));
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).not.toMatch(/Invalid|fiq_|401|baseUrl/);
  });

  it("names the text it was given when that is not a number", async () => {
    renderWithProvider(<ContactCard phoneNumber="call me" />);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.invalid_lookup.title);
    expect(alert.querySelector(".fiq-card__number")).toHaveTextContent(/^call me$/);
  });
});

describe("ContactCard's failure in development", () => {
  it("writes the error's own message and where requests went to the console, once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    server.use(...createContactScenarios({ baseUrl: "https://crm.example/api/nowhere" }).misroutedProxy);
    const { rerender } = renderWithProvider(<ContactCard phoneNumber="+27123456789" />, { baseUrl: "https://crm.example/api/nowhere" });
    await screen.findByRole("alert");
    rerender(<ContactCard phoneNumber="+27123456789" className="again" />);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toContain("+27123456789");
    expect(line).toContain("check baseUrl");
    expect(line).toContain("https://crm.example/api/nowhere/contact");
  });

  it("stays quiet in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      server.use(...contactScenarios.serverError);
      renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
      await screen.findByRole("alert");
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("ContactCard given a rate limit with Retry-After", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts down from Retry-After and tries again by itself at zero", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.useFakeTimers();
    let calls = 0;
    server.use(
      http.get(`${API}/contact`, () => {
        calls++;
        if (calls === 1) return HttpResponse.json({ error: "Too many requests" }, { status: 429, headers: { "Retry-After": "3" } });
        return HttpResponse.json({ success: true, contact: buildContact({ full_name: "Thandi Nkosi" }) });
      }),
    );
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    const settle = () => act(() => vi.advanceTimersByTimeAsync(50));
    for (let i = 0; i < 10 && !screen.queryByRole("alert"); i++) await settle();

    const timer = screen.getByRole("timer");
    expect(timer).toHaveTextContent("Trying again in 0:03");
    expect(screen.queryByRole("button", { name: en.retry })).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(timer).toHaveTextContent("Trying again in 0:02");
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(timer).toHaveTextContent("Trying again in 0:01");
    expect(calls).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    for (let i = 0; i < 10 && !screen.queryByRole("heading", { name: "Thandi Nkosi" }); i++) await settle();
    expect(screen.getByRole("heading", { name: "Thandi Nkosi" })).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it("shows minutes for a long wait, in the labels' words", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    server.use(...contactScenarios.rateLimited);
    renderWithProvider(<ContactCard phoneNumber="+27123456789" labels={{ retryingIn: "Neuer Versuch in {time} ({seconds} s)" }} />);
    expect(await screen.findByRole("timer")).toHaveTextContent("Neuer Versuch in 2:00 (120 s)");
  });

  it("offers a retry button instead when the API said nothing about waiting", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    server.use(http.get(`${API}/contact`, () => HttpResponse.json({ error: "Too many requests" }, { status: 429 })));
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    expect(await screen.findByRole("button", { name: en.retry })).toBeInTheDocument();
    expect(screen.queryByRole("timer")).toBeNull();
  });
});

describe("ContactCard given a number with no contact", () => {
  it("titles the card with the number, explains, and shows notFoundActions", async () => {
    server.use(...contactScenarios.notFound);
    const { container } = renderWithProvider(
      <ContactCard
        phoneNumber="+44 20 7946 0958"
        formatPhone={() => "+44 20 7946 0958"}
        headingLevel={2}
        actions={<button type="button">Edit</button>}
        notFoundActions={<button type="button">Add contact</button>}
      />,
    );
    const status = await screen.findByRole("status");
    expect(within(status).getByRole("heading", { level: 2 })).toHaveTextContent(/^\+44 20 7946 0958$/);
    expect(status).toHaveTextContent(en.notFound);
    expect(within(status).getByRole("button", { name: "Add contact" })).toBeInTheDocument();
    expect(within(status).queryByRole("button", { name: "Edit" })).toBeNull();
    expect(status.querySelector('.fiq-card__icon[data-icon="unknown"]')).not.toBeNull();
    expect(root(container)).toHaveAttribute("data-state", "not-found");
  });

  it("shows no actions with notFoundActions={null}", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(<ContactCard phoneNumber="+442079460958" actions={<button type="button">Edit</button>} notFoundActions={null} />);
    const status = await screen.findByRole("status");
    expect(within(status).queryByRole("button")).toBeNull();
  });
});

describe("ContactCardView given density compact", () => {
  const full = buildContact({ tags: ["a", "b"], email: "x@example.com", contact_summary: "Summary text", archived: true });

  it("shows only the name, badges, phone and tags", () => {
    const { container } = render(<ContactCardView contact={full} density="compact" />);
    expect(root(container)).toHaveAttribute("data-density", "compact");
    expect(container.querySelector("[data-part=avatar]")).toBeNull();
    expect(screen.getByRole("heading", { name: "John Doe" })).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Status" })).toHaveTextContent("Archived");
    expect(screen.getAllByRole("term").map((term) => term.textContent)).toEqual(["Phone"]);
    expect(screen.getByRole("list", { name: "Tags" })).toBeInTheDocument();
    expect(container.querySelector("[data-part=summary]")).toBeNull();
  });

  it("passes through ContactCard, and its skeleton has the compact shape", async () => {
    server.use(...createContactHandlers({ delayMs: 200 }));
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27123456789" density="compact" />);
    expect(root(container)).toHaveAttribute("data-density", "compact");
    expect(container.querySelector(".fiq-avatar")).toBeNull();
    expect(container.querySelectorAll(".fiq-details > .fiq-skeleton__line")).toHaveLength(2);
    expect(await screen.findByRole("article")).toHaveAttribute("data-density", "compact");
  });
});

describe("ContactCardView given a blocked contact", () => {
  it("is muted and has no chat link, while the number stays readable and copyable", () => {
    const { container } = render(<ContactCardView contact={buildContact({ blocked: true, whatsapp_id: "27123456789" })} />);
    expect(root(container)).toHaveAttribute("data-blocked");
    expect(container.querySelector('a[href^="https://wa.me/"]')).toBeNull();
    expect(screen.getByRole("link", { name: "+27123456789" })).toHaveAttribute("href", "tel:+27123456789");
    expect(screen.getByRole("button", { name: "Copy +27123456789" })).toBeInTheDocument();
  });

  it("shows a WhatsApp number that differs from the phone as text", () => {
    render(<ContactCardView contact={buildContact({ blocked: true, whatsapp_id: "442079460958" })} />);
    const whatsapp = screen.getAllByRole("term").find((term) => term.textContent === "WhatsApp")!.nextElementSibling!;
    expect(whatsapp).toHaveTextContent(/^\+442079460958$/);
    expect(within(whatsapp as HTMLElement).queryByRole("link")).toBeNull();
  });
});

describe("ContactCardView given an archived contact", () => {
  it("is muted but keeps its chat link", () => {
    const { container } = render(<ContactCardView contact={buildContact({ archived: true })} />);
    expect(root(container)).toHaveAttribute("data-archived");
    expect(root(container)).not.toHaveAttribute("data-blocked");
    expect(screen.getByRole("link", { name: /^Open chat/ })).toBeInTheDocument();
  });
});

describe("ContactCardView with chatLink={false}, for an app whose actions open the chat", () => {
  it("offers no second Open chat", () => {
    render(<ContactCardView contact={buildContact()} chatLink={false} actions={<button type="button">Open chat</button>} />);
    expect(screen.queryByRole("link", { name: /Open chat/ })).toBeNull();
    expect(screen.getAllByRole("button", { name: "Open chat" })).toHaveLength(1);
    // A <dt> has no accessible name from its content, so the row is found by its text.
    expect(screen.getAllByRole("term").map((term) => term.textContent)).not.toContain("WhatsApp");
  });

  it("keeps the WhatsApp row when the chat link is on (the check above can see one)", () => {
    render(<ContactCardView contact={buildContact()} />);
    expect(screen.getAllByRole("term").map((term) => term.textContent)).toContain("WhatsApp");
  });
});

describe("ContactCardView given bot statuses", () => {
  it.each([
    ["active", "Bot active", "success"],
    ["paused", "Bot paused", "warning"],
    ["inactive", "Bot off", "neutral"],
    ["human_handover", "Bot: human handover", "neutral"],
    ["waiting-for-agent", "Bot: waiting for agent", "neutral"],
    // One rule in every language: known values in any case, unknown ones as words.
    ["Active", "Bot active", "success"],
  ])("shows %j as %j", (bot_status, text, tone) => {
    render(<ContactCardView contact={buildContact({ bot_status })} />);
    expect(within(screen.getByRole("list", { name: "Status" })).getByText(text)).toHaveAttribute("data-tone", tone);
  });
});

describe("ContactCardView given source types", () => {
  it.each([
    ["api", "API"],
    ["IMPORT", "Import"],
    ["csv_import", "csv import"],
  ])("shows %j as %j, by the same rule as bot statuses", (type, text) => {
    render(<ContactCardView contact={buildContact({ source: { type, location: null, created_at: "2025-01-01T00:00:00Z" } })} />);
    const source = screen.getAllByRole("term").find((term) => term.textContent === "Source")!.nextElementSibling!;
    expect(source).toHaveTextContent(new RegExp(`^${text}$`));
  });
});

describe("ContactCard when the app's own proxy refused the visitor's session", () => {
  // The proxy's answer becomes this error in the client's core; here the cache holds it, as after that answer.
  it("asks the visitor to sign in again, in words apart from a refused key, with no retry", async () => {
    const queryClient = createTestQueryClient();
    const key = contactKeys.detail("acme", { phoneNumber: "+27123456789" });
    await queryClient
      .prefetchQuery({ queryKey: key, queryFn: () => Promise.reject(new FlowIQError("session_refused", "authorize refused")), retry: false })
      .catch(() => {});
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retryOnMount: false } });
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />, { queryClient });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "session_refused");
    expect(within(alert).getByRole("heading")).toHaveTextContent("Your session has ended");
    expect(alert).toHaveTextContent("Sign in again to see this contact.");
    expect(alert).not.toHaveTextContent(en.errors.unauthorized.sentence);
    expect(alert).toHaveAttribute("data-tone", "danger");
    expect(within(alert).queryByRole("button", { name: en.retry })).toBeNull();
  });
});
