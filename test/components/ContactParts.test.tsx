import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import {
  ContactAvatar,
  ContactBadges,
  ContactCardView,
  ContactDetails,
  ContactName,
  ContactSummary,
  ContactTags,
} from "../../src/index.js";
import { buildContact } from "../../src/msw/buildContact.js";

const contact = buildContact({
  blocked: true,
  tags: ["a", "b", "c"],
  contact_summary: "Prefers mornings.",
  contact_summary_updated_at: "2025-12-12T08:00:00Z",
});
const empty = buildContact({
  full_name: null,
  phone_number: null,
  whatsapp_id: null,
  email: null,
  tags: [],
  bot_status: null,
  source: null,
  created_at: null,
  contact_summary: null,
});

describe("ContactCardView", () => {
  it("is made of the six parts, each marked with its data-part, in reading order", () => {
    const { container } = render(<ContactCardView contact={contact} />);
    expect([...container.querySelectorAll("[data-part]")].map((node) => node.getAttribute("data-part"))).toEqual([
      "avatar",
      "name",
      "badges",
      "details",
      "tags",
      "summary",
    ]);
  });

  it("renders the same markup as the parts composed by hand", () => {
    const card = renderToString(<ContactCardView contact={contact} />);
    for (const part of [
      <ContactAvatar contact={contact} />,
      <ContactBadges contact={contact} />,
      <ContactDetails contact={contact} />,
      <ContactSummary contact={contact} />,
    ]) {
      expect(card).toContain(renderToString(part));
    }
  });
});

describe("Each part used on its own", () => {
  it.each([
    ["avatar", <ContactAvatar contact={contact} className="mine" data-x="1" />],
    ["name", <ContactName contact={contact} className="mine" data-x="1" />],
    ["badges", <ContactBadges contact={contact} className="mine" data-x="1" />],
    ["details", <ContactDetails contact={contact} className="mine" data-x="1" />],
    ["tags", <ContactTags contact={contact} className="mine" data-x="1" />],
    ["summary", <ContactSummary contact={contact} className="mine" data-x="1" />],
  ])("the %s part takes className and DOM props on its root, with no provider", (part, element) => {
    const { container } = render(element);
    const root = container.firstElementChild!;
    expect(root).toHaveAttribute("data-part", part);
    expect(root).toHaveAttribute("data-x", "1");
    expect(root.className).toMatch(/^fiq-[\w-]+ mine$/);
  });

  it.each([
    ["badges", <ContactBadges contact={empty} />],
    ["details", <ContactDetails contact={empty} />],
    ["tags", <ContactTags contact={empty} />],
    ["summary", <ContactSummary contact={empty} />],
  ])("the %s part renders nothing when the contact has nothing for it", (_part, element) => {
    const { container } = render(element);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("ContactName", () => {
  it("is a heading of the given level", () => {
    render(<ContactName contact={contact} headingLevel={2} />);
    expect(screen.getByRole("heading", { level: 2, name: "John Doe" })).toHaveAttribute("dir", "auto");
  });

  it("renders as a plain element when asked, for a row or a chip", () => {
    const { container } = render(<ContactName contact={contact} as="span" />);
    expect(screen.queryByRole("heading")).toBeNull();
    expect(container.firstElementChild?.tagName).toBe("SPAN");
    expect(container.firstElementChild).toHaveTextContent("John Doe");
  });

  it("falls back to the number, left to right, and then to its label", () => {
    const { rerender } = render(<ContactName contact={{ ...empty, whatsapp_id: "27 82 555 0123" }} />);
    expect(screen.getByRole("heading", { name: "+27825550123" })).toHaveAttribute("dir", "ltr");
    rerender(<ContactName contact={empty} labels={{ unknownContact: "Unbekannt" }} />);
    expect(screen.getByRole("heading", { name: "Unbekannt" })).toBeInTheDocument();
  });
});

describe("ContactDetails", () => {
  it("shows only the fields asked for, in the order asked", () => {
    render(<ContactDetails contact={contact} fields={["email", "phone"]} />);
    expect(screen.getAllByRole("term").map((term) => term.textContent)).toEqual(["Email", "Phone"]);
  });

  it("formats the added date in the given locale and time zone", () => {
    render(<ContactDetails contact={contact} fields={["added"]} locale="de-DE" timeZone="Pacific/Kiritimati" />);
    expect(screen.getByRole("definition")).toHaveTextContent("12.12.2025");
  });

  /** The pieces of the email link, as split by its <wbr> wrap points. */
  function emailPieces(email: string): string[] {
    render(<ContactDetails contact={buildContact({ email })} fields={["email"]} copyable={false} />);
    const link = screen.getByRole("link", { name: email });
    expect(link).toHaveAttribute("href", `mailto:${email}`);
    return link.innerHTML.split("<wbr>");
  }

  it.each([
    ["ana@example.com", ["ana", "@example.com"]],
    ["ana.lima@mail.abc.com", ["ana", ".lima", "@mail", ".abc.com"]],
    ["ana@mail.example.de", ["ana", "@mail", ".example.de"]],
    ["ana@mail.example.co.za", ["ana", "@mail", ".example.co.za"]],
    ["ana@a.b.example.com.br", ["ana", "@a", ".b", ".example.com.br"]],
  ])("lets %s wrap before the @ and dots, never inside the registrable domain", (email, pieces) => {
    expect(emailPieces(email)).toEqual(pieces);
  });
});

describe("ContactTags", () => {
  it("shows maxTags tags and reveals the rest on request", async () => {
    render(<ContactTags contact={contact} maxTags={1} labels={{ moreTags: { other: "{count} weitere" } }} />);
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "2 weitere" }));
    expect(within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(3);
  });

  const seven = buildContact({ tags: ["t1", "t2", "t3", "t4", "t5", "t6", "t7"] });
  const shownTags = () => within(screen.getByRole("list", { name: "Tags" })).getAllByRole("listitem").map((item) => item.textContent);

  it("shows the default six for a maxTags of NaN or -Infinity", () => {
    const { rerender } = render(<ContactTags contact={seven} maxTags={NaN} />);
    expect(shownTags()).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
    expect(screen.getByRole("button", { name: "+1 more" })).toBeInTheDocument();
    rerender(<ContactTags contact={seven} maxTags={-Infinity} />);
    expect(shownTags()).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
  });

  it("shows no tag, only the button, for a negative maxTags", () => {
    render(<ContactTags contact={seven} maxTags={-2} />);
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.getByRole("button", { name: "+7 more" })).toBeInTheDocument();
  });

  it("leaves out blank and invisible tags, and counts only the rest", () => {
    render(<ContactTags contact={buildContact({ tags: ["vip", "  ", "\u200B", "lead", ""] })} maxTags={1} />);
    expect(shownTags()).toEqual(["vip"]);
    expect(screen.getByRole("button", { name: "+1 more" })).toBeInTheDocument();
  });

  it("renders nothing when the tags are not a list", () => {
    const { container } = render(<ContactTags contact={{ ...seven, tags: null as unknown as string[] }} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("ContactSummary", () => {
  it("dates the summary in the given locale", () => {
    render(<ContactSummary contact={contact} locale="de-DE" labels={{ summaryUpdated: "Stand {date}" }} />);
    expect(screen.getByText("Stand 12.12.2025")).toBeInTheDocument();
  });
});
