import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import type { ReactElement } from "react";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { renderWithProvider } from "../utils.js";

// jsdom computes no colours; the browser run checks contrast in both themes.
async function violations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
}

const everything = buildContact({
  blocked: true,
  archived: true,
  allow_broadcast: false,
  active_status: true,
  has_unread_messages: true,
  bot_status: "paused",
  tags: Array.from({ length: 12 }, (_, i) => `tag ${i}`),
  source: { type: "whatsapp", location: { city: "Cape Town" }, created_at: "2025-12-11T10:30:00Z" },
  contact_summary: "Asked about pricing.",
  contact_summary_updated_at: "2025-12-12T10:30:00Z",
});

const wrap = (card: ReactElement) => (
  <main>
    <h2>Contacts</h2>
    {card}
  </main>
);

describe("ContactCardView for a contact with every field", () => {
  it("has no axe violations, collapsed or expanded", async () => {
    const { container } = render(wrap(<ContactCardView contact={everything} actions={<button type="button">Message</button>} />));
    expect(await violations(container)).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "+6 more" }));
    expect(await violations(container)).toEqual([]);
  });

  it("has no axe violations for a sparse contact", async () => {
    const { container } = render(wrap(<ContactCardView contact={buildContact({ full_name: null, email: "not an email", tags: [], source: null })} />));
    expect(await violations(container)).toEqual([]);
  });
});

describe("ContactCardSkeleton", () => {
  it("has no axe violations", async () => {
    const { container } = render(wrap(<ContactCardSkeleton />));
    expect(await violations(container)).toEqual([]);
  });
});

describe("ContactCard in each state", () => {
  it.each([
    ["loading", contactScenarios.loading, null],
    ["ready", contactScenarios.found, "heading"],
    ["not-found", contactScenarios.notFound, "status"],
    ["error with a retry button", contactScenarios.serverError, "alert"],
    ["error without a retry button", contactScenarios.unauthorized, "alert"],
  ] as const)("has no axe violations when %s", async (_state, handlers, role) => {
    server.use(...handlers);
    const { container } = renderWithProvider(wrap(<ContactCard phoneNumber="+27123456789" headingLevel={3} />));
    if (role) await screen.findByRole(role, role === "heading" ? { level: 3 } : {});
    expect(await violations(container)).toEqual([]);
  });
});
