import { render, screen, within } from "@testing-library/react";
import { parsePhoneNumber } from "libphonenumber-js";
import { renderToString } from "react-dom/server";
import {
  ContactCard,
  ContactCardView,
  ContactDetails,
  ContactDisplayProvider,
  ContactName,
  useContactDisplay,
} from "../../src/index.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { renderWithProvider } from "../utils.js";

/** The recipe the README gives: libphonenumber-js's international format. */
const international = (digits: string) => parsePhoneNumber(`+${digits}`).formatInternational();

const contact = buildContact({ phone_number: "+27123456789", whatsapp_id: "442079460958", tags: ["a", "b", "c", "d"] });
const detail = (term: string) => screen.getAllByRole("term").find((node) => node.textContent === term)?.nextElementSibling as HTMLElement;

describe("ContactDisplayProvider with libphonenumber-js as formatPhone", () => {
  it("shows every number formatted, and still links the digits", () => {
    render(
      <ContactDisplayProvider formatPhone={international}>
        <ContactCardView contact={contact} />
      </ContactDisplayProvider>,
    );
    const phone = within(detail("Phone")).getByRole("link");
    expect(phone).toHaveTextContent(/^\+27 12 345 6789$/);
    expect(phone).toHaveAttribute("href", "tel:+27123456789");
    const whatsapp = within(detail("WhatsApp")).getByRole("link");
    expect(whatsapp).toHaveTextContent(/^\+44 20 7946 0958$/);
    expect(whatsapp).toHaveAccessibleName("+44 20 7946 0958 on WhatsApp");
    expect(whatsapp).toHaveAttribute("href", "https://wa.me/442079460958");
  });

  it("formats the number a nameless contact is headed by", () => {
    render(
      <ContactDisplayProvider formatPhone={international}>
        <ContactName contact={{ ...contact, full_name: null }} />
      </ContactDisplayProvider>,
    );
    expect(screen.getByRole("heading", { name: "+27 12 345 6789" })).toBeInTheDocument();
  });

  it("formats the number a not-found card names", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(
      <ContactDisplayProvider formatPhone={international}>
        <ContactCard phoneNumber="442079460958" />
      </ContactDisplayProvider>,
    );
    expect(await screen.findByRole("status")).toHaveTextContent("+44 20 7946 0958");
  });

  it("shows +digits when the formatter throws or returns nothing", () => {
    const throwing = () => {
      throw new Error("NOT_A_NUMBER");
    };
    const { rerender } = render(<ContactDetails contact={contact} fields={["phone"]} formatPhone={throwing} />);
    expect(within(detail("Phone")).getByRole("link")).toHaveTextContent(/^\+27123456789$/);
    rerender(<ContactDetails contact={contact} fields={["phone"]} formatPhone={() => "  "} />);
    expect(within(detail("Phone")).getByRole("link")).toHaveTextContent(/^\+27123456789$/);
  });
});

describe("ContactDisplayProvider's defaults", () => {
  it("sets locale, time zone, labels and maxTags for every card below it, with no FlowIQProvider", () => {
    render(
      <ContactDisplayProvider locale="de-DE" timeZone="Pacific/Kiritimati" labels={{ phone: "Telefon" }} maxTags={1}>
        <ContactCardView contact={{ ...contact, source: { type: "api", location: null, created_at: "2025-12-11T22:30:00Z" } }} />
      </ContactDisplayProvider>,
    );
    expect(detail("Telefon")).toBeTruthy();
    expect(detail("Added")).toHaveTextContent("12.12.2025");
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "+3 more" })).toBeInTheDocument();
  });

  it("lets a component's own props win, merging labels key by key", () => {
    render(
      <ContactDisplayProvider locale="de-DE" labels={{ phone: "Telefon", email: "E-Mail" }} maxTags={1} formatPhone={() => "provider"}>
        <ContactCardView contact={contact} locale="en-GB" labels={{ phone: "Tel." }} maxTags={2} formatPhone={international} />
      </ContactDisplayProvider>,
    );
    expect(detail("Tel.")).toHaveTextContent("+27 12 345 6789");
    expect(detail("E-Mail")).toBeTruthy();
    expect(detail("Added")).toHaveTextContent("11 Dec 2025");
    expect(screen.getByRole("button", { name: "+2 more" })).toBeInTheDocument();
  });

  it("merges a nested provider's labels over the outer one's", () => {
    render(
      <ContactDisplayProvider labels={{ phone: "Telefon", email: "E-Mail" }} locale="de-DE">
        <ContactDisplayProvider labels={{ email: "Mail" }}>
          <ContactCardView contact={contact} />
        </ContactDisplayProvider>
      </ContactDisplayProvider>,
    );
    expect(detail("Telefon")).toBeTruthy();
    expect(detail("Mail")).toBeTruthy();
    expect(detail("Added")).toHaveTextContent("11.12.2025");
  });

  it("renders the same text on the server", () => {
    const html = renderToString(
      <ContactDisplayProvider formatPhone={international} locale="de-DE">
        <ContactCardView contact={contact} />
      </ContactDisplayProvider>,
    );
    expect(html).toContain("+27 12 345 6789");
    expect(html).toContain("11.12.2025");
  });
});

describe("ContactDisplayProvider given new props", () => {
  it("passes the new values down on the next render", () => {
    function Show() {
      const display = useContactDisplay();
      return <output>{[display.locale, display.timeZone, display.maxTags, display.labels.phone, display.formatPhone("27123456789")].join("|")}</output>;
    }
    const { rerender } = render(
      <ContactDisplayProvider locale="fr-FR" timeZone="Europe/Paris" maxTags={2} labels={{ phone: "Téléphone" }}>
        <Show />
      </ContactDisplayProvider>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("fr-FR|Europe/Paris|2|Téléphone|+27123456789");
    rerender(
      <ContactDisplayProvider locale="de-DE" timeZone="Europe/Berlin" maxTags={4} labels={{ phone: "Telefon" }} formatPhone={international}>
        <Show />
      </ContactDisplayProvider>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("de-DE|Europe/Berlin|4|Telefon|+27 12 345 6789");
  });
});

describe("useContactDisplay", () => {
  function Show(props: { labels?: { phone: string } }) {
    const display = useContactDisplay(props);
    return <output>{[display.locale, display.timeZone, display.maxTags, display.labels.phone, display.formatPhone("27123456789")].join("|")}</output>;
  }

  it("gives the defaults with no provider", () => {
    render(<Show />);
    expect(screen.getByRole("status")).toHaveTextContent("en-US|UTC|6|Phone|+27123456789");
  });

  it("gives the provider's values under one, the component's own on top", () => {
    render(
      <ContactDisplayProvider locale="fr-FR" timeZone="Europe/Paris" maxTags={2} formatPhone={international} labels={{ phone: "Téléphone" }}>
        <Show labels={{ phone: "Tél." }} />
      </ContactDisplayProvider>,
    );
    expect(screen.getByRole("status")).toHaveTextContent("fr-FR|Europe/Paris|2|Tél.|+27 12 345 6789");
  });

  it("gives the same labels and formatPhone on every render for the same settings, so they can be memo dependencies", () => {
    const seen: unknown[][] = [];
    function Record() {
      const display = useContactDisplay({ labels: own });
      seen.push([display.labels, display.formatPhone]);
      return null;
    }
    const own = { phone: "Tel." };
    const providerLabels = { email: "Mail" };
    const ui = () => (
      <ContactDisplayProvider labels={providerLabels} formatPhone={international}>
        <Record />
      </ContactDisplayProvider>
    );
    const { rerender } = render(ui());
    rerender(ui());
    expect(seen).toHaveLength(2);
    expect(seen[1]![0]).toBe(seen[0]![0]);
    expect(seen[1]![1]).toBe(seen[0]![1]);
    expect((seen[0]![0] as { phone: string; email: string }).email).toBe("Mail");
  });
});
