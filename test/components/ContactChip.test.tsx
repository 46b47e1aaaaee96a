import { act, render, screen } from "@testing-library/react";
import axe from "axe-core";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { ContactChip } from "../../src/components/ContactChip/ContactChip.js";
import { ContactChipView } from "../../src/components/ContactChip/ContactChipView.js";
import { defaultContactCardLabels as en } from "../../src/components/ContactDisplay/labels.js";
import { ContactDisplayProvider } from "../../src/components/ContactDisplay/ContactDisplayProvider.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { recordRequests, renderWithProvider } from "../utils.js";

const chip = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-part="chip"]')!;

describe("ContactChipView given a contact", () => {
  it("shows the avatar's initials and the name in one chip marked ready", () => {
    const { container } = render(<ContactChipView contact={buildContact({ full_name: "Thandi Nkosi" })} />);
    expect(chip(container)).toHaveAttribute("data-state", "ready");
    expect(chip(container)).toHaveClass("fiq-chip");
    expect(container.querySelector(".fiq-avatar")).toHaveTextContent("TN");
    expect(container.querySelector(".fiq-avatar")).toHaveAttribute("aria-hidden", "true");
    expect(screen.getByText("Thandi Nkosi")).toHaveClass("fiq-chip__name");
  });

  it("keeps the full name in title, since the stylesheet truncates it", () => {
    const name = "Maria Fernanda de los Ángeles Castillo-Villanueva Rodríguez y Montenegro";
    render(<ContactChipView contact={buildContact({ full_name: name })} />);
    expect(screen.getByText(name)).toHaveAttribute("title", name);
  });

  it("lets a right-to-left name set its own direction", () => {
    render(<ContactChipView contact={buildContact({ full_name: "نور الهدى عبد الرحمن" })} />);
    expect(screen.getByText("نور الهدى عبد الرحمن")).toHaveAttribute("dir", "auto");
  });

  it("takes whole emoji as initials", () => {
    const { container } = render(<ContactChipView contact={buildContact({ full_name: "👩🏽‍💻 Zanele Mokoena 🇿🇦" })} />);
    expect(container.querySelector(".fiq-avatar")?.textContent).toBe("👩🏽‍💻🇿🇦");
  });

  it("shows the number, left to right, when the contact has no name", () => {
    const { container } = render(<ContactChipView contact={buildContact({ full_name: "  ", phone_number: "+27 82 555 0123" })} />);
    const number = screen.getByText("+27825550123");
    expect(number).toHaveAttribute("dir", "ltr");
    expect(number).toHaveAttribute("title", "+27825550123");
    // A person glyph, not the number's last digits (which read like a count badge).
    expect(container.querySelector(".fiq-avatar")?.textContent).toBe("");
    expect(container.querySelector(".fiq-avatar")).toHaveAttribute("data-glyph", "person");
  });

  it("formats the number with formatPhone, which gets the digits only", () => {
    const formatPhone = vi.fn((digits: string) => `(${digits.slice(0, 2)}) ${digits.slice(2)}`);
    render(<ContactChipView contact={buildContact({ full_name: null, phone_number: "+27825550123" })} formatPhone={formatPhone} />);
    expect(formatPhone).toHaveBeenCalledWith("27825550123");
    expect(screen.getByText("(27) 825550123")).toBeInTheDocument();
  });

  it("falls back to the WhatsApp id, then to the unknown-contact label", () => {
    const { rerender } = render(<ContactChipView contact={buildContact({ full_name: null, phone_number: null, whatsapp_id: "27825550123" })} />);
    expect(screen.getByText("+27825550123")).toBeInTheDocument();
    rerender(<ContactChipView contact={buildContact({ full_name: null, phone_number: "n/a", whatsapp_id: null })} />);
    expect(screen.getByText(en.unknownContact)).toBeInTheDocument();
  });

  it("names the presence dot, unread and blocked markers in text", () => {
    const { container } = render(
      <ContactChipView contact={buildContact({ full_name: "Sipho", active_status: true, has_unread_messages: true, blocked: true })} />,
    );
    expect(chip(container)).toHaveTextContent(`Sipho${en.online}${en.unread}${en.blocked}`);
    for (const label of [en.online, en.unread, en.blocked]) expect(screen.getByText(label)).toHaveClass("fiq-sr-only");
    expect([...container.querySelectorAll(".fiq-chip__marker")].map((marker) => marker.getAttribute("data-marker"))).toEqual([
      "online",
      "unread",
      "blocked",
    ]);
  });

  it("shows no markers for a contact that is offline, read and not blocked", () => {
    const { container } = render(<ContactChipView contact={buildContact()} />);
    expect(container.querySelectorAll(".fiq-chip__marker")).toHaveLength(0);
  });

  it("uses label overrides for its markers", () => {
    render(
      <ContactChipView
        contact={buildContact({ active_status: true, has_unread_messages: true, blocked: true })}
        labels={{ online: "En línea", unread: "Mensajes sin leer", blocked: "Bloqueado" }}
      />,
    );
    for (const label of ["En línea", "Mensajes sin leer", "Bloqueado"]) expect(screen.getByText(label)).toBeInTheDocument();
  });

  it("merges className and passes other attributes to the root, with no inline styles", () => {
    const { container } = render(<ContactChipView contact={buildContact()} className="mine" id="c1" data-row="3" />);
    expect(chip(container)).toHaveClass("fiq-chip", "mine");
    expect(chip(container)).toHaveAttribute("id", "c1");
    expect(chip(container)).toHaveAttribute("data-row", "3");
    expect(container.querySelectorAll("[style]")).toHaveLength(0);
  });

  it("is a span holding only spans, so it fits in a button, a heading or a table cell", () => {
    const { container } = render(<ContactChipView contact={buildContact({ active_status: true, blocked: true })} />);
    expect(chip(container).tagName).toBe("SPAN");
    expect(chip(container).querySelectorAll(":not(span)")).toHaveLength(0);
  });

  it("renders the same markup on the server and hydrates without a mismatch", async () => {
    const ui = <ContactChipView contact={buildContact({ full_name: "Zoë 👩🏽‍💻", active_status: true })} />;
    const container = document.createElement("div");
    container.innerHTML = renderToString(ui);
    document.body.append(container);
    const errors = vi.spyOn(console, "error");
    const root = await act(async () => hydrateRoot(container, ui, { onRecoverableError: (error) => console.error(error) }));
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });

  it("has no axe violations", async () => {
    const { container } = render(
      <main>
        <ContactChipView contact={buildContact({ active_status: true, has_unread_messages: true, blocked: true })} />
      </main>,
    );
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe("ContactChip while the contact loads", () => {
  it("is a busy one-line skeleton whose text is the number being looked up", () => {
    server.use(...contactScenarios.loading);
    const { container } = renderWithProvider(<ContactChip phoneNumber="+27 12 345 6789" />);
    expect(chip(container)).toHaveAttribute("data-state", "loading");
    expect(chip(container)).toHaveAttribute("aria-busy", "true");
    expect(chip(container)).toHaveClass("fiq-chip");
    // Everything else is decorative placeholder.
    expect(chip(container).querySelectorAll(':scope > :not([aria-hidden="true"])')).toHaveLength(1);
    expect(screen.getByText("+27123456789")).toHaveClass("fiq-sr-only");
  });

  it("announces the number as formatPhone writes it", () => {
    server.use(...contactScenarios.loading);
    renderWithProvider(<ContactChip phoneNumber="+27 12 345 6789" formatPhone={(digits) => `+${digits.slice(0, 2)} ${digits.slice(2)}`} />);
    expect(screen.getByText("+27 123456789")).toBeInTheDocument();
  });
});

describe("ContactChip given a known number", () => {
  it("looks the contact up and shows it", async () => {
    server.use(...createContactHandlers({ contacts: [buildContact({ full_name: "Thandi Nkosi", has_unread_messages: true })] }));
    const { container } = renderWithProvider(<ContactChip phoneNumber="+27 (12) 345-6789" className="row" />);
    expect(await screen.findByText("Thandi Nkosi")).toBeInTheDocument();
    expect(chip(container)).toHaveAttribute("data-state", "ready");
    expect(chip(container)).toHaveClass("fiq-chip", "row");
    expect(screen.getByText(en.unread)).toBeInTheDocument();
  });

  it("asks by whatsapp_id when given a WhatsApp id", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    renderWithProvider(<ContactChip whatsappId="27123456789" />);
    await screen.findByText("John Doe");
    expect(new URL(requests[0]!.url).searchParams.get("whatsapp_id")).toBe("27123456789");
  });
});

describe("ContactChip given a number with no contact", () => {
  it("shows the formatted number and an unknown-contact hint", async () => {
    server.use(...contactScenarios.notFound);
    const { container } = renderWithProvider(<ContactChip phoneNumber="+1 415 555 0100" />);
    expect(await screen.findByText(en.unknownContactHint)).toHaveClass("fiq-chip__hint");
    expect(chip(container)).toHaveAttribute("data-state", "not-found");
    // Done: no longer busy for assistive technology.
    expect(chip(container)).not.toHaveAttribute("aria-busy");
    expect(screen.getByText("+14155550100")).toHaveAttribute("title", "+14155550100");
    // A chip in a table of hundreds is no live region.
    expect(container.querySelector("[role]")).toBeNull();
  });

  it("uses the hint's label override", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(<ContactChip phoneNumber="+1 415 555 0100" labels={{ unknownContactHint: "Unbekannt" }} />);
    expect(await screen.findByText("Unbekannt")).toBeInTheDocument();
  });
});

describe("ContactChip when the lookup fails", () => {
  it("shows the number and an error marker named by the error's message", async () => {
    server.use(...contactScenarios.serverError);
    const { container } = renderWithProvider(<ContactChip phoneNumber="+27 12 345 6789" />);
    const marker = await screen.findByRole("img", { name: en.errors.server.sentence });
    expect(marker).toHaveAttribute("title", en.errors.server.sentence);
    expect(chip(container)).toHaveAttribute("data-state", "error");
    expect(chip(container)).not.toHaveAttribute("aria-busy");
    expect(chip(container)).toHaveTextContent("+27123456789");
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it("gives each error code its own message, with overrides", async () => {
    server.use(...contactScenarios.unauthorized);
    renderWithProvider(<ContactChip phoneNumber="+27 12 345 6789" labels={{ errors: { unauthorized: { sentence: "Schlüssel abgelehnt" } } }} />);
    expect(await screen.findByRole("img", { name: "Schlüssel abgelehnt" })).toBeInTheDocument();
  });

  it("shows what was typed for a number that is not one, without asking the API", async () => {
    const requests = recordRequests(server);
    renderWithProvider(<ContactChip phoneNumber="call me maybe" />);
    expect(await screen.findByRole("img", { name: en.errors.invalid_lookup.sentence })).toBeInTheDocument();
    expect(screen.getByText("call me maybe")).toHaveAttribute("title", "call me maybe");
    expect(requests).toHaveLength(0);
  });
});

describe("ContactChip and ContactChipView under a ContactDisplayProvider", () => {
  /** Spaces the digits after the country code: a formatter no default could produce. */
  const spaced = (digits: string) => `+${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;

  it("shows a nameless contact's number as the provider's formatPhone writes it, and its labels", () => {
    render(
      <ContactDisplayProvider formatPhone={spaced} labels={{ online: "En línea" }}>
        <ContactChipView contact={buildContact({ full_name: null, phone_number: "+27825550123", active_status: true })} />
      </ContactDisplayProvider>,
    );
    expect(screen.getByText("+27 82 5550123")).toHaveAttribute("title", "+27 82 5550123");
    expect(screen.getByText("En línea")).toHaveClass("fiq-sr-only");
  });

  it("uses the provider's formatPhone and labels while loading, for no contact and for a failure", async () => {
    server.use(...contactScenarios.loading);
    const labels = { unknownContactHint: "Unbekannt", errors: { server: { sentence: "FlowIQ hat ein Problem" } } };
    const { unmount } = renderWithProvider(
      <ContactDisplayProvider formatPhone={spaced} labels={labels}>
        <ContactChip phoneNumber="+27 12 345 6789" />
      </ContactDisplayProvider>,
    );
    expect(screen.getByText("+27 12 3456789")).toHaveClass("fiq-sr-only");
    unmount();
    server.use(...contactScenarios.notFound);
    const notFound = renderWithProvider(
      <ContactDisplayProvider formatPhone={spaced} labels={labels}>
        <ContactChip phoneNumber="+1 415 555 0100" />
      </ContactDisplayProvider>,
    );
    expect(await screen.findByText("Unbekannt")).toBeInTheDocument();
    expect(screen.getByText("+14 15 5550100")).toHaveAttribute("title", "+14 15 5550100");
    notFound.unmount();
    server.use(...contactScenarios.serverError);
    renderWithProvider(
      <ContactDisplayProvider formatPhone={spaced} labels={labels}>
        <ContactChip phoneNumber="+27 12 345 6789" />
      </ContactDisplayProvider>,
    );
    expect(await screen.findByRole("img", { name: "FlowIQ hat ein Problem" })).toBeInTheDocument();
    expect(screen.getByText("+27 12 3456789")).toBeInTheDocument();
  });

  it("lets the chip's own formatPhone and labels win over the provider's", () => {
    render(
      <ContactDisplayProvider formatPhone={spaced} labels={{ online: "En línea", unread: "Sin leer" }}>
        <ContactChipView
          contact={buildContact({ full_name: null, phone_number: "+27825550123", active_status: true, has_unread_messages: true })}
          formatPhone={(digits) => `00${digits}`}
          labels={{ online: "Online jetzt" }}
        />
      </ContactDisplayProvider>,
    );
    expect(screen.getByText("0027825550123")).toBeInTheDocument();
    expect(screen.getByText("Online jetzt")).toBeInTheDocument();
    expect(screen.getByText("Sin leer")).toBeInTheDocument();
  });
});
