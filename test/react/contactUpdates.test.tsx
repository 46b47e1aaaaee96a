import { act, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import type { Contact, ContactLookup } from "../../src/core/types.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { contactKeys } from "../../src/react/contactKeys.js";
import { invalidateContacts, setContactData } from "../../src/react/contactUpdates.js";
import { useContact } from "../../src/react/useContact.js";
import { contactAt, digitsAt } from "../core/batchSupport.js";
import { server } from "../server.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { failure, recordRequests, renderWithProvider } from "../utils.js";

const phone = (n: number): ContactLookup => ({ phoneNumber: `+${digitsAt(n)}` });

function Row({ lookup }: { lookup: ContactLookup }) {
  const { data } = useContact(lookup);
  return <li data-testid="row">{data ? `${data.full_name}${data.active_status ? " online" : ""}` : "…"}</li>;
}

function Rows({ count }: { count: number }) {
  return (
    <ul>
      {Array.from({ length: count }, (_, n) => (
        <Row key={n} lookup={phone(n)} />
      ))}
    </ul>
  );
}

const rowTexts = () => screen.queryAllByTestId("row").map((row) => row.textContent);

/** 12 contacts the API knows (changeable), 8 of them mounted as rows, the other 4 only cached. */
async function mounted() {
  const contacts: Contact[] = Array.from({ length: 12 }, (_, n) => contactAt(n));
  server.use(...createContactHandlers({ contacts }));
  const requests = recordRequests(server);
  const view = renderWithProvider(<Rows count={8} />, { batch: true });
  await waitFor(() => expect(rowTexts()).toEqual(contacts.slice(0, 8).map((contact) => contact.full_name)));
  for (let n = 8; n < 12; n++) view.queryClient.setQueryData(contactKeys.detail("acme", phone(n)), contactAt(n));
  const from = requests.length;
  const sent = () => requests.slice(from);
  const asked = () => sent().map((request) => new URL(request.url).searchParams.getAll("phone_number"));
  const goOnline = (...ns: number[]) => ns.forEach((n) => (contacts[n] = { ...contacts[n]!, active_status: true }));
  return { ...view, sent, asked, goOnline };
}

describe("invalidateContacts", () => {
  it("refetches a tenant's mounted contacts in one batch and leaves the rest for when they are next shown", async () => {
    const { queryClient, asked, goOnline } = await mounted();
    goOnline(0, 7, 9);
    await invalidateContacts(queryClient, "acme");
    expect(asked()).toEqual([Array.from({ length: 8 }, (_, n) => digitsAt(n))]);
    await waitFor(() => expect(rowTexts()[7]).toBe("Contact 7 online"));
    expect(rowTexts()[0]).toBe("Contact 0 online");
    // Not mounted: marked, not fetched.
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(9)))).toMatchObject({ isInvalidated: true, status: "success", fetchStatus: "idle" });
  });

  it("resolves when a refetch fails, leaving the failure on its query and the last answer shown", async () => {
    const { queryClient } = await mounted();
    server.use(...createContactHandlers({ failures: Number.MAX_SAFE_INTEGER }));
    await invalidateContacts(queryClient, "acme", phone(2));
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(2)))!.status).toBe("error");
    expect(rowTexts()[2]).toBe("Contact 2");
  });

  it("joins a refetch already under way instead of starting it again", async () => {
    const { queryClient, asked } = await mounted();
    server.use(...createContactHandlers({ contacts: Array.from({ length: 12 }, (_, n) => contactAt(n)), delayMs: 300 }));
    const first = invalidateContacts(queryClient, "acme", phone(3));
    await waitFor(() => expect(asked()).toHaveLength(1));
    await Promise.all([first, invalidateContacts(queryClient, "acme", phone(3))]);
    expect(asked()).toEqual([[digitsAt(3)]]);
  });

  it("works in server code, where there is no document", async () => {
    const queryClient = new QueryClient();
    const key = contactKeys.detail("acme", phone(1));
    queryClient.setQueryData(key, contactAt(1));
    vi.stubGlobal("document", undefined);
    await invalidateContacts(queryClient, "acme", phone(1));
    expect(queryClient.getQueryState(key)!.isInvalidated).toBe(true);
  });

  it("refetches several together, and only those", async () => {
    const { queryClient, asked, goOnline } = await mounted();
    goOnline(1, 2, 5);
    await invalidateContacts(queryClient, "acme", [phone(1), `+${digitsAt(2)}`, { whatsappId: digitsAt(5) }, phone(10)]);
    expect(asked()).toEqual([[digitsAt(1), digitsAt(2), digitsAt(5)]]);
    await waitFor(() => expect(rowTexts()).toEqual(Array.from({ length: 8 }, (_, n) => `Contact ${n}${[1, 2, 5].includes(n) ? " online" : ""}`)));
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(10)))!.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(11)))!.isInvalidated).toBe(false);
  });

  it("refetches nothing while the page is hidden, and the marked ones together when it shows", async () => {
    const { queryClient, asked, goOnline } = await mounted();
    goOnline(6);
    const visible = () => Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    try {
      await invalidateContacts(queryClient, "acme", [phone(6), phone(4)]);
      expect(asked()).toEqual([]);
      visible();
      // Shown again: TanStack Query refetches stale (here: invalidated) queries on focus.
      act(() => {
        document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
      });
      await waitFor(() => expect(rowTexts()[6]).toBe("Contact 6 online"));
      expect(asked()).toEqual([[digitsAt(4), digitsAt(6)].sort()]);
    } finally {
      visible();
    }
  });

  it("refetches one", async () => {
    const { queryClient, asked } = await mounted();
    await invalidateContacts(queryClient, "acme", phone(3));
    expect(asked()).toEqual([[digitsAt(3)]]);
  });

  it("leaves other tenants alone", async () => {
    const { queryClient, sent } = await mounted();
    await invalidateContacts(queryClient, "other-tenant");
    expect(sent()).toHaveLength(0);
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(9)))!.isInvalidated).toBe(false);
    // The same number in another tenant's cache is another contact.
    const elsewhere = contactKeys.detail("other-tenant", phone(9));
    queryClient.setQueryData(elsewhere, contactAt(9));
    await invalidateContacts(queryClient, "acme", phone(9));
    expect(queryClient.getQueryState(elsewhere)!.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(9)))!.isInvalidated).toBe(true);
  });

  it("throws typed errors for a bad lookup or tenant, before marking anything", async () => {
    const { queryClient, sent } = await mounted();
    expect((await failure(Promise.resolve().then(() => invalidateContacts(queryClient, "acme", [phone(1), { phoneNumber: "call me" }])))).code).toBe("invalid_lookup");
    expect((await failure(Promise.resolve().then(() => invalidateContacts(queryClient, "  "))))).toMatchObject({ code: "config" });
    const notText = await failure(Promise.resolve().then(() => invalidateContacts(queryClient, 42 as unknown as string)));
    expect(notText).toMatchObject({ code: "config", message: expect.stringMatching(/tenantId/) });
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(1)))!.isInvalidated).toBe(false);
    expect(sent()).toHaveLength(0);
  });
});

describe("setContactData", () => {
  it("shows a contact the app already holds, under its phone and WhatsApp keys, with no request", async () => {
    const { queryClient, sent } = await mounted();
    const pushed = { ...contactAt(4), whatsapp_id: digitsAt(40), active_status: true };
    const keys = setContactData(queryClient, "acme", pushed);
    expect(keys).toEqual([contactKeys.detail("acme", phone(4)), contactKeys.detail("acme", phone(40))]);
    await waitFor(() => expect(rowTexts()[4]).toBe("Contact 4 online"));
    expect(queryClient.getQueryData(contactKeys.detail("acme", { whatsappId: digitsAt(40) }))).toEqual(pushed);
    expect(sent()).toHaveLength(0);
  });

  it("files a contact with only a WhatsApp id under that id", async () => {
    const { queryClient, sent } = await mounted();
    const keys = setContactData(queryClient, "acme", { ...contactAt(50), phone_number: null, whatsapp_id: digitsAt(51) });
    expect(keys).toEqual([contactKeys.detail("acme", { whatsappId: digitsAt(51) })]);
    expect(sent()).toHaveLength(0);
  });

  it("counts it fresh from updatedAt", async () => {
    const { queryClient } = await mounted();
    setContactData(queryClient, "acme", contactAt(2), { updatedAt: 1234 });
    expect(queryClient.getQueryState(contactKeys.detail("acme", phone(2)))!.dataUpdatedAt).toBe(1234);
  });

  it("throws typed errors for a value that is no contact or has no number", async () => {
    const { queryClient } = await mounted();
    const call = (value: unknown) => failure(Promise.resolve().then(() => setContactData(queryClient, "acme", value as Contact)));
    const notContact = await call({ full_name: "No id" });
    expect(notContact).toMatchObject({ code: "invalid_response", message: expect.stringMatching(/setContactData needs a contact object/) });
    // Why the value was refused, for the app's logs.
    expect(notContact.cause).toBeInstanceOf(FlowIQError);
    expect((await call({ ...contactAt(1), phone_number: null, whatsapp_id: null })).message).toMatch(/phone_number or whatsapp_id/);
    expect((await call(null)).code).toBe("invalid_response");
    expect((await call({ ...contactAt(1), phone_number: null, whatsapp_id: null })).code).toBe("invalid_lookup");
    expect((await call({ ...contactAt(1), phone_number: "not a number" })).code).toBe("invalid_lookup");
    expect(rowTexts()[1]).toBe("Contact 1");
  });
});
