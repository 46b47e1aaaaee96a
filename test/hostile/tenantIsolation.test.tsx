import { QueryClient } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { delay, http, HttpResponse } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { FlowIQProvider } from "../../src/react/FlowIQProvider.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { buildContact } from "../../src/msw/buildContact.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { server } from "../server.js";
import { CONTACT_URL, TEST_KEY } from "./support.js";

const PHONE = "+27 12 345 6789";
const acmeContact = (name = "Acme's Thandi") => buildContact({ id: "acme-1", full_name: name, tags: ["acme-only"] });
const globexContact = (name = "Globex's Sipho") => buildContact({ id: "globex-1", full_name: name, tags: ["globex-only"] });

/** One stand-in API per tenant; a request for any other tenant falls through to a 403, so a leak cannot pass silently. */
function serveTenants(acme = acmeContact(), globex = globexContact()) {
  const requests: string[] = [];
  server.events.on("request:start", ({ request }) => {
    requests.push(new URL(request.url).searchParams.get("tenantId") ?? "(none)");
  });
  server.use(
    ...createContactHandlers({ tenantId: "acme", contacts: [acme] }),
    ...createContactHandlers({ tenantId: "globex", contacts: [globex] }),
    http.get(CONTACT_URL, () => HttpResponse.json({ error: "Forbidden", message: "unknown tenant" }, { status: 403 })),
  );
  return requests;
}

function TwoTenants({ client, phone = PHONE }: { client: QueryClient; phone?: string }) {
  return (
    <>
      <section aria-label="acme">
        <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={client}>
          <ContactCard phoneNumber={phone} />
        </FlowIQProvider>
      </section>
      <section aria-label="globex">
        <FlowIQProvider tenantId="globex" apiKey={TEST_KEY} queryClient={client}>
          <ContactCard whatsappId={phone.replace(/\D/g, "")} />
        </FlowIQProvider>
      </section>
    </>
  );
}

const region = (name: string) => within(screen.getByRole("region", { name }));
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });

describe("two FlowIQProviders with different tenants on one QueryClient", () => {
  it("each shows its own tenant's contact for the same number", async () => {
    const requests = serveTenants();
    const client = newClient();
    render(<TwoTenants client={client} />);
    expect(await region("acme").findByRole("heading", { name: "Acme's Thandi" })).toBeInTheDocument();
    expect(await region("globex").findByRole("heading", { name: "Globex's Sipho" })).toBeInTheDocument();
    expect(region("acme").queryByText("globex-only")).toBeNull();
    expect(region("globex").queryByText("acme-only")).toBeNull();
    expect(requests.sort()).toEqual(["acme", "globex"]);
    // Two entries, told apart by tenant; the same digits in both.
    const keys = client.getQueryCache().getAll().map((query) => query.queryKey);
    expect(keys).toHaveLength(2);
    expect(keys).toEqual(expect.arrayContaining([contactKeys.detail("acme", { phoneNumber: PHONE }), contactKeys.detail("globex", { phoneNumber: PHONE })]));
  });

  it("still each shows its own after invalidateQueries and a refetch with changed data", async () => {
    serveTenants();
    const client = newClient();
    render(<TwoTenants client={client} />);
    await region("acme").findByRole("heading", { name: "Acme's Thandi" });
    await region("globex").findByRole("heading", { name: "Globex's Sipho" });

    server.resetHandlers();
    const requests = serveTenants(acmeContact("Acme's Thandi (renamed)"), globexContact("Globex's Sipho (renamed)"));
    await act(() => client.invalidateQueries({ queryKey: contactKeys.all }));

    expect(await region("acme").findByRole("heading", { name: "Acme's Thandi (renamed)" })).toBeInTheDocument();
    expect(await region("globex").findByRole("heading", { name: "Globex's Sipho (renamed)" })).toBeInTheDocument();
    expect(requests.sort()).toEqual(["acme", "globex"]);
  });

  it("refetches only one tenant when only its contacts are invalidated", async () => {
    serveTenants();
    const client = newClient();
    render(<TwoTenants client={client} />);
    await region("globex").findByRole("heading", { name: "Globex's Sipho" });
    await region("acme").findByRole("heading", { name: "Acme's Thandi" });

    server.resetHandlers();
    const requests = serveTenants(acmeContact("Acme's Thandi v2"), globexContact("Globex's Sipho v2"));
    await act(() => client.invalidateQueries({ queryKey: contactKeys.tenant("acme") }));
    expect(await region("acme").findByRole("heading", { name: "Acme's Thandi v2" })).toBeInTheDocument();
    expect(region("globex").getByRole("heading", { name: "Globex's Sipho" })).toBeInTheDocument();
    expect(requests).toEqual(["acme"]);
  });

  it("keeps setQueryData for one tenant out of the other", async () => {
    serveTenants();
    const client = newClient();
    render(<TwoTenants client={client} />);
    await region("acme").findByRole("heading", { name: "Acme's Thandi" });
    await region("globex").findByRole("heading", { name: "Globex's Sipho" });
    act(() => {
      client.setQueryData(contactKeys.detail("acme", PHONE), acmeContact("Edited in acme"));
    });
    expect(await region("acme").findByRole("heading", { name: "Edited in acme" })).toBeInTheDocument();
    expect(region("globex").getByRole("heading", { name: "Globex's Sipho" })).toBeInTheDocument();
  });

  it("never shows the other tenant's contact while a tenant switch loads", async () => {
    const requests: string[] = [];
    server.use(
      http.get(CONTACT_URL, async ({ request }) => {
        const tenant = new URL(request.url).searchParams.get("tenantId");
        requests.push(tenant ?? "");
        if (tenant === "globex") await delay(150);
        return HttpResponse.json({ success: true, contact: tenant === "acme" ? acmeContact() : globexContact() });
      }),
    );
    const client = newClient();
    const seen: string[] = [];
    const { rerender, container } = render(
      <FlowIQProvider tenantId="acme" apiKey={TEST_KEY} queryClient={client}>
        <ContactCard phoneNumber={PHONE} />
      </FlowIQProvider>,
    );
    await screen.findByRole("heading", { name: "Acme's Thandi" });
    rerender(
      <FlowIQProvider tenantId="globex" apiKey={TEST_KEY} queryClient={client}>
        <ContactCard phoneNumber={PHONE} />
      </FlowIQProvider>,
    );
    // Sample what is on screen until the new tenant's contact arrives.
    await waitFor(() => {
      seen.push(container.textContent ?? "");
      expect(screen.getByRole("heading", { name: "Globex's Sipho" })).toBeInTheDocument();
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((text) => text.includes("Acme's Thandi"))).toEqual([]);
    expect(requests).toEqual(["acme", "globex"]);
  });

  it("gives the same number in two tenants two requests even when both mount at once", async () => {
    const requests = serveTenants();
    const client = newClient();
    render(
      <>
        <TwoTenants client={client} />
        <TwoTenants client={client} phone="0027123456789" />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole("heading", { name: "Acme's Thandi" })).toHaveLength(2));
    expect(screen.getAllByRole("heading", { name: "Globex's Sipho" })).toHaveLength(2);
    expect(requests.sort()).toEqual(["acme", "globex"]);
  });
});
