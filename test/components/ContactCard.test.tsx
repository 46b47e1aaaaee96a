import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { delay, http, HttpResponse } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { defaultContactCardLabels, type ContactCardLabels } from "../../src/components/ContactDisplay/labels.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { API, recordRequests, renderWithProvider } from "../utils.js";

const root = (container: HTMLElement) => container.firstElementChild as HTMLElement;

describe("ContactCard while the contact loads", () => {
  it("shows a busy skeleton with a hidden loading label", async () => {
    server.use(...contactScenarios.loading);
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" className="mine" />);
    expect(root(container)).toHaveAttribute("data-state", "loading");
    expect(root(container)).toHaveAttribute("aria-busy", "true");
    expect(root(container)).toHaveClass("fiq-card", "mine");
    expect(screen.getByText("Loading contact…")).toHaveClass("fiq-sr-only");
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("uses the loading label override", () => {
    server.use(...contactScenarios.loading);
    renderWithProvider(<ContactCard phoneNumber="+27123456789" labels={{ loading: "Kontakt wird geladen…" }} />);
    expect(screen.getByText("Kontakt wird geladen…")).toBeInTheDocument();
  });
});

describe("ContactCard given a known number", () => {
  it("shows the contact once it arrives", async () => {
    server.use(...createContactHandlers({ contacts: [buildContact({ full_name: "Thandi Nkosi", blocked: true })] }));
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27 (12) 345-6789" />);
    expect(await screen.findByRole("heading", { name: "Thandi Nkosi" })).toBeInTheDocument();
    expect(root(container)).toHaveAttribute("data-state", "ready");
    expect(screen.getByText("Blocked")).toBeInTheDocument();
  });

  it("asks by whatsapp_id when given a WhatsApp id", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    renderWithProvider(<ContactCard whatsappId="27123456789" />);
    await screen.findByRole("heading", { name: "John Doe" });
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!.url).searchParams.get("whatsapp_id")).toBe("27123456789");
  });

  it("passes display props and DOM props to the card", async () => {
    server.use(...createContactHandlers({ contacts: [buildContact({ tags: ["a", "b", "c"] })] }));
    const { container } = renderWithProvider(
      <ContactCard
        phoneNumber="27123456789"
        headingLevel={2}
        maxTags={1}
        locale="de-DE"
        labels={{ phone: "Telefon" }}
        className="wide"
        id="c1"
        actions={<button type="button">Open chat</button>}
      />,
    );
    expect(await screen.findByRole("heading", { level: 2, name: "John Doe" })).toBeInTheDocument();
    expect(root(container)).toHaveClass("fiq-card", "wide");
    expect(root(container)).toHaveAttribute("id", "c1");
    expect(screen.getByRole("button", { name: "+2 more" })).toBeInTheDocument();
    expect(screen.getByText("Telefon")).toBeInTheDocument();
    expect(screen.getByText("11.12.2025")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open chat" })).toBeInTheDocument();
    expect(container.querySelectorAll("[style]")).toHaveLength(0);
  });

  it("makes one request for two cards showing the same number written differently", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    renderWithProvider(
      <>
        <ContactCard phoneNumber="+27 12 345 6789" />
        <ContactCard whatsappId="0027123456789" />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole("heading", { name: "John Doe" })).toHaveLength(2));
    expect(requests).toHaveLength(1);
  });
});

describe("ContactCard given a number with no contact", () => {
  it("says so in a status naming the number looked up", async () => {
    server.use(...contactScenarios.notFound);
    const { container } = renderWithProvider(<ContactCard phoneNumber="+44 20 7946 0958" />);
    const status = await screen.findByRole("status");
    expect(within(status).getByRole("heading", { level: 3 })).toHaveTextContent(/^\+442079460958$/);
    expect(status).toHaveTextContent(defaultContactCardLabels.notFound);
    expect(root(container)).toHaveAttribute("data-state", "not-found");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("uses the notFound label and keeps the host's actions", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(
      <ContactCard
        whatsappId="442079460958"
        labels={{ notFound: "Kein Kontakt für {number}" }}
        actions={<button type="button">Add contact</button>}
      />,
    );
    expect(await screen.findByRole("status")).toHaveTextContent("Kein Kontakt für +442079460958");
    expect(screen.getByRole("button", { name: "Add contact" })).toBeInTheDocument();
  });
});

type ErrorCase = {
  name: string;
  handlers: ReturnType<typeof createContactHandlers>;
  label: keyof ContactCardLabels["errors"];
  retry: boolean;
};

const errorCases: ErrorCase[] = [
  { name: "a refused key (401)", handlers: contactScenarios.unauthorized, label: "unauthorized", retry: false },
  { name: "a forbidden tenant (403)", handlers: contactScenarios.forbidden, label: "forbidden", retry: false },
  // With Retry-After the card counts down and retries by itself (see its own tests), so no button.
  { name: "a rate limit (429)", handlers: contactScenarios.rateLimited, label: "rate_limited", retry: false },
  { name: "a server error (500)", handlers: contactScenarios.serverError, label: "server", retry: true },
  { name: "a network failure", handlers: contactScenarios.networkError, label: "network", retry: true },
  { name: "a malformed body", handlers: contactScenarios.malformed, label: "invalid_response", retry: false },
  { name: "an HTML 404 from a misrouted proxy", handlers: contactScenarios.misroutedProxy, label: "invalid_response", retry: false },
];

describe("ContactCard given an API failure", () => {
  it.each(errorCases)("shows $name as an alert with its own message", async ({ handlers, label, retry }) => {
    server.use(...handlers);
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(defaultContactCardLabels.errors[label].sentence);
    expect(root(container)).toHaveAttribute("data-state", "error");
    if (retry) expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    else expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("shows a timeout with a retry button", async () => {
    server.use(...createContactHandlers({ delayMs: 2000 }));
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />, { timeoutMs: 30 });
    expect(await screen.findByRole("alert")).toHaveTextContent(defaultContactCardLabels.errors.timeout.sentence);
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("uses the error label overrides", async () => {
    server.use(...contactScenarios.serverError);
    renderWithProvider(<ContactCard phoneNumber="+27123456789" labels={{ errors: { server: { sentence: "Serverfehler" } }, retry: "Nochmal" }} />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Serverfehler");
    expect(screen.getByRole("button", { name: "Nochmal" })).toBeInTheDocument();
  });

  it("never shows the API's own message, which the page does not control", async () => {
    server.use(http.get(`${API}/contact`, () => HttpResponse.json({ message: "<b>boom</b> internal detail" }, { status: 500 })));
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    await screen.findByRole("alert");
    expect(container.textContent).not.toContain("boom");
  });
});

describe("ContactCard given a retryable failure", () => {
  it("recovers when Try again is pressed", async () => {
    server.use(...createContactHandlers({ failures: 1 }));
    const requests = recordRequests(server);
    const user = userEvent.setup();
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    await user.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "John Doe" })).toBeInTheDocument();
    expect(root(container)).toHaveAttribute("data-state", "ready");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it("can be retried from the keyboard", async () => {
    server.use(...createContactHandlers({ failures: 1 }));
    const user = userEvent.setup();
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    const retry = await screen.findByRole("button", { name: "Try again" });
    await user.tab();
    expect(retry).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "John Doe" })).toBeInTheDocument();
  });

  it("shows the skeleton again while the retry is in flight", async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/contact`, async () => {
        calls++;
        if (calls === 1) return HttpResponse.json({ error: "x" }, { status: 503 });
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const { container } = renderWithProvider(<ContactCard phoneNumber="+27123456789" />);
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    await waitFor(() => expect(root(container)).toHaveAttribute("data-state", "loading"));
  });
});

describe("ContactCard given a number that is not one", () => {
  it.each(["call me", "123", "+27 12 345 6789 0000000", ""])("shows the invalid-number error for %j without a request", async (phoneNumber) => {
    const requests = recordRequests(server);
    const { container } = renderWithProvider(<ContactCard phoneNumber={phoneNumber} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(defaultContactCardLabels.errors.invalid_lookup.sentence);
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(root(container)).toHaveAttribute("data-state", "error");
    expect(requests).toHaveLength(0);
  });

  it("shows the invalid-number error when given both a phone number and a WhatsApp id", async () => {
    const props = { phoneNumber: "27123456789", whatsappId: "27123456789" } as unknown as { phoneNumber: string };
    renderWithProvider(<ContactCard {...props} />);
    expect(await screen.findByRole("alert")).toHaveTextContent(defaultContactCardLabels.errors.invalid_lookup.sentence);
  });
});

describe("ContactCard given a provider without a tenant", () => {
  it("shows the configuration error and makes no request", async () => {
    const requests = recordRequests(server);
    renderWithProvider(<ContactCard phoneNumber="+27123456789" />, { tenantId: "" });
    expect(await screen.findByRole("alert")).toHaveTextContent(defaultContactCardLabels.errors.config.sentence);
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(requests).toHaveLength(0);
  });
});

describe("ContactCard outside a FlowIQProvider", () => {
  it("throws an error naming <FlowIQProvider>", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<ContactCard phoneNumber="+27123456789" />)).toThrow(/<FlowIQProvider>/);
  });
});
