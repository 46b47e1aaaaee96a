import type { UseQueryResult } from "@tanstack/react-query";
import { act, waitFor } from "@testing-library/react";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import type { FlowIQError } from "../../src/core/FlowIQError.js";
import type { Contact, ContactLookup } from "../../src/core/types.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { useContacts } from "../../src/react/useContacts.js";
import { server } from "../server.js";
import { recordRequests, renderWithProvider } from "../utils.js";
import { contactDigitsAt, generateContacts, mixedDashboard } from "../../standin/index.js";

type Results = Array<UseQueryResult<Contact | null, FlowIQError>>;

/** Renders useContacts and keeps every array it returned, render by render. */
function renderContacts(lookups: ReadonlyArray<ContactLookup | null>) {
  const renders: Results[] = [];
  function Column({ rows }: { rows: ReadonlyArray<ContactLookup | null> }) {
    renders.push(useContacts(rows));
    return null;
  }
  const view = renderWithProvider(<Column rows={lookups} />);
  return {
    ...view,
    renders,
    latest: () => renders[renders.length - 1] as Results,
    rerenderWith: (rows: ReadonlyArray<ContactLookup | null>) => view.rerender(<Column rows={rows} />),
  };
}

/** Equal values in new objects, as a parent that maps its rows on every render passes them. */
function copies(lookups: ReadonlyArray<ContactLookup | null>): Array<ContactLookup | null> {
  return lookups.map((lookup) => (lookup ? { ...lookup } : lookup));
}

const CONTACTS = generateContacts(50);
const askedDigits = (request: Request) => {
  const params = new URL(request.url).searchParams;
  return params.get("phone_number") ?? params.get("whatsapp_id") ?? "";
};
const DASHBOARD = mixedDashboard(200, 50);

describe("useContacts given 200 lookups over 50 contacts written in mixed forms", () => {
  beforeEach(() => {
    server.use(...createContactHandlers({ contacts: CONTACTS }));
  });

  it("makes one request per distinct contact", async () => {
    const requests = recordRequests(server);
    const { latest } = renderContacts(DASHBOARD.map((row) => row.lookup));

    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    expect(requests).toHaveLength(50);
    const asked = requests.map(askedDigits).sort();
    expect(asked).toEqual(CONTACTS.map((_, index) => contactDigitsAt(index)).sort());
  });

  it("gives one result per lookup, in the order of the lookups", async () => {
    const { latest } = renderContacts(DASHBOARD.map((row) => row.lookup));

    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    expect(latest()).toHaveLength(200);
    expect(latest().map((result) => result.data?.id)).toEqual(DASHBOARD.map((row) => `contact-${row.contactIndex}`));
  });

  it("does not warn about duplicate queries when a contact appears in several rows", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { latest, rerenderWith } = renderContacts(DASHBOARD.map((row) => row.lookup));
    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    rerenderWith(copies(DASHBOARD.map((row) => row.lookup)));

    expect(warn.mock.calls.map((call) => String(call[0]))).not.toContainEqual(expect.stringMatching(/duplicate/i));
  });
});

describe("useContacts given lookups that did not change", () => {
  beforeEach(() => {
    server.use(...createContactHandlers({ contacts: CONTACTS }));
  });

  it("returns the same array and the same result objects on a rerender with equal lookups", async () => {
    const lookups = DASHBOARD.slice(0, 60).map((row) => row.lookup);
    const { latest, rerenderWith } = renderContacts(lookups);
    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    const before = latest();

    rerenderWith(copies(lookups));
    rerenderWith(copies(lookups));

    expect(latest()).toBe(before);
    latest().forEach((result, index) => expect(result).toBe(before[index]));
  });

  it("keeps the other rows' result objects when one contact is updated", async () => {
    const lookups = DASHBOARD.slice(0, 60).map((row) => row.lookup);
    const { latest, queryClient } = renderContacts(lookups);
    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    const before = latest();
    const changed = DASHBOARD[0] as (typeof DASHBOARD)[number];

    act(() => {
      queryClient.setQueryData(contactQueryKey("acme", contactDigitsAt(changed.contactIndex)), {
        ...CONTACTS[changed.contactIndex]!,
        full_name: "Renamed",
      });
    });

    await waitFor(() => expect(latest()[0]?.data?.full_name).toBe("Renamed"));
    const after = latest();
    expect(after).not.toBe(before);
    lookups.forEach((_, index) => {
      const row = DASHBOARD[index] as (typeof DASHBOARD)[number];
      if (row.contactIndex === changed.contactIndex) {
        expect(after[index]?.data?.full_name).toBe("Renamed");
      } else {
        expect(after[index]).toBe(before[index]);
      }
    });
  });

  it("gives a null lookup a disabled result in its place and makes no request for it", async () => {
    const requests = recordRequests(server);
    const lookups = [DASHBOARD[0]?.lookup ?? null, null, DASHBOARD[1]?.lookup ?? null];
    const { latest } = renderContacts(lookups);

    await waitFor(() => expect(latest()[0]?.isSuccess && latest()[2]?.isSuccess).toBe(true));
    expect(latest()).toHaveLength(3);
    expect(latest()[1]?.fetchStatus).toBe("idle");
    expect(latest()[1]?.data).toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it('keeps a row with no lookup apart from a row whose number is the text "none"', async () => {
    const { latest } = renderContacts([null, { phoneNumber: "none" }]);

    await waitFor(() => expect(latest()[1]?.error?.code).toBe("invalid_lookup"));
    expect(latest()[0]).toMatchObject({ status: "pending", fetchStatus: "idle", error: null });
  });
});

describe("useContacts given rows that change", () => {
  beforeEach(() => {
    server.use(...createContactHandlers({ contacts: CONTACTS }));
  });

  it("fetches the contacts of new rows, and gives a shorter list when rows go", async () => {
    const requests = recordRequests(server);
    const first = DASHBOARD.slice(0, 4).map((row) => row.lookup);
    const { latest, rerenderWith } = renderContacts(first);
    await waitFor(() => expect(latest().every((result) => result.isSuccess)).toBe(true));
    const asked = requests.length;

    const others: ContactLookup[] = [{ phoneNumber: `+${contactDigitsAt(40)}` }, { phoneNumber: `+${contactDigitsAt(41)}` }];
    rerenderWith([...first, ...others]);
    await waitFor(() => expect(latest().map((result) => result.data?.full_name)).toEqual([...DASHBOARD.slice(0, 4).map((row) => CONTACTS[row.contactIndex]!.full_name), CONTACTS[40]!.full_name, CONTACTS[41]!.full_name]));
    expect(requests.map(askedDigits).slice(asked).sort()).toEqual([contactDigitsAt(40), contactDigitsAt(41)]);

    rerenderWith(first.slice(0, 2));
    expect(latest()).toHaveLength(2);
    expect(latest().map((result) => result.data?.full_name)).toEqual(DASHBOARD.slice(0, 2).map((row) => CONTACTS[row.contactIndex]!.full_name));
  });

  it("passes its options to every query: enabled false makes no request", async () => {
    const requests = recordRequests(server);
    const renders: Results[] = [];
    const control: Results[] = [];
    function Columns() {
      renders.push(useContacts(DASHBOARD.slice(0, 3).map((row) => row.lookup), { enabled: false }));
      // The same hook without the option, for a contact none of those rows shows: once it has its
      // answer, the disabled rows have had every chance to ask.
      control.push(useContacts([{ phoneNumber: `+${contactDigitsAt(45)}` }]));
      return null;
    }
    renderWithProvider(<Columns />);
    await waitFor(() => expect(control.at(-1)![0]?.isSuccess).toBe(true));
    expect(renders.at(-1)!.map((result) => [result.status, result.fetchStatus])).toEqual([
      ["pending", "idle"],
      ["pending", "idle"],
      ["pending", "idle"],
    ]);
    expect(requests.map(askedDigits)).toEqual([contactDigitsAt(45)]);
  });
});
