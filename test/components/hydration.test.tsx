import { dehydrate, hydrate, type QueryClient } from "@tanstack/react-query";
import { act, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { ContactCardSkeleton } from "../../src/components/ContactCard/ContactCardSkeleton.js";
import { ContactCardView } from "../../src/components/ContactCard/ContactCardView.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { createTestQueryClient, recordRequests, TEST_KEY } from "../utils.js";

const contact = buildContact({
  full_name: "Zoë Ñúñez 👩🏽‍💻",
  tags: Array.from({ length: 9 }, (_, i) => `tag ${i}`),
  blocked: true,
  active_status: true,
  source: { type: "whatsapp", location: { city: "Lisboa" }, created_at: "2025-12-11T23:30:00Z" },
  contact_summary: "Prefers mornings.",
  contact_summary_updated_at: "2025-12-12T10:30:00Z",
});

const mounted: { root: Root; container: HTMLElement }[] = [];
afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
});

/** Server HTML, then hydration of the same tree in the "browser"; returns what hydration reported. */
async function serverThenHydrate(serverUi: ReactElement, browserUi: ReactElement) {
  // Installed before the server render, so its warnings count too.
  const consoleError = vi.spyOn(console, "error");
  const html = renderToString(serverUi);
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.append(container);
  const serverText = container.textContent;
  const recoverable: unknown[] = [];
  let root!: Root;
  await act(async () => {
    root = hydrateRoot(container, browserUi, { onRecoverableError: (error) => recoverable.push(error) });
  });
  mounted.push({ root, container });
  return { html, serverText, container, recoverable, consoleError };
}

/** The same tree rendered in the browser alone, for its text. */
async function browserText(ui: ReactElement) {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  mounted.push({ root, container });
  return container.textContent;
}

describe("ContactCardView rendered on the server", () => {
  it.each([
    ["defaults", {}],
    ["another locale and zone", { locale: "pt-PT", timeZone: "Asia/Tokyo", headingLevel: 2 as const }],
  ])("hydrates with %s and no warnings, showing the same text", async (_name, props) => {
    const ui = <ContactCardView contact={contact} {...props} />;
    const { serverText, container, recoverable, consoleError } = await serverThenHydrate(ui, ui);
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.textContent).toBe(serverText);
    expect(await browserText(ui)).toBe(serverText);
    expect(serverText).toContain("Zoë Ñúñez");
  });

  it("stays interactive after hydration", async () => {
    const ui = <ContactCardView contact={contact} />;
    await serverThenHydrate(ui, ui);
    const more = screen.getByRole("button", { name: "+3 more" });
    await act(async () => more.click());
    expect(more).toHaveAttribute("aria-expanded", "true");
  });
});

describe("ContactCardSkeleton rendered on the server", () => {
  it("hydrates with no warnings", async () => {
    const { recoverable, consoleError, container, serverText } = await serverThenHydrate(<ContactCardSkeleton />, <ContactCardSkeleton />);
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.textContent).toBe(serverText);
  });
});

describe("ContactCard with a prefetched contact", () => {
  const card = (queryClient: QueryClient) => (
    <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={queryClient}>
      <ContactCard phoneNumber="+27 12 345 6789" locale="en-GB" timeZone="Africa/Johannesburg" />
    </FlowIQProvider>
  );

  it("is in the server HTML and hydrates with no warnings and no request", async () => {
    server.use(...createContactHandlers());
    const requests = recordRequests(server);
    const serverClient = createTestQueryClient();
    serverClient.setQueryData(contactKeys.detail("acme", "27123456789"), contact);
    const browserClient = createTestQueryClient();
    hydrate(browserClient, JSON.parse(JSON.stringify(dehydrate(serverClient))));

    const { html, serverText, container, recoverable, consoleError } = await serverThenHydrate(card(serverClient), card(browserClient));
    expect(html).toContain('data-state="ready"');
    expect(serverText).toContain("Zoë Ñúñez");
    expect(serverText).toContain("12 Dec 2025");
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(container.textContent).toBe(serverText);
    expect(requests).toHaveLength(0);
  });

  it("renders the skeleton on the server when nothing was prefetched, then loads in the browser", async () => {
    server.use(...createContactHandlers({ contacts: [contact] }));
    const { html, recoverable, consoleError } = await serverThenHydrate(card(createTestQueryClient()), card(createTestQueryClient()));
    expect(html).toContain('data-state="loading"');
    expect(await screen.findByRole("heading", { name: contact.full_name! })).toBeInTheDocument();
    expect(recoverable).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
