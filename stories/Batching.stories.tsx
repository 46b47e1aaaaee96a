import type { Meta, StoryObj } from "@storybook/react-vite";
import { http, HttpResponse } from "msw";
import { useSyncExternalStore } from "react";
import { expect, waitFor } from "storybook/test";
import { ContactCard, useContact, type ContactLookup } from "../src/index.js";
import { buildContact, createContactHandlers } from "../src/msw.js";
import { settled } from "./support/checks.js";

const NAMES = [
  "Thandi Nkosi", "Sipho Dlamini", "Amelia Clarke", "Lindiwe Mahlangu", "Kwame Mensah",
  "Aisha Bello", "Pieter van Wyk", "Naledi Mokoena", "Chen Wei", "Fatima Zahra",
  "Tomás Ortega", "Priya Raman", "Jonas Berg", "Zanele Khumalo", "Omar Haddad",
  "Grace Wanjiru", "Lucas Moreau", "Ngozi Okafor", "Hannah Schmidt", "Mandla Zulu",
];

/** Twenty people in an inbox, each with a WhatsApp number. */
const CONTACTS = NAMES.map((full_name, index) => {
  const digits = String(27825550200 + index);
  return buildContact({
    id: `batch-${index}`,
    full_name,
    phone_number: `+${digits}`,
    whatsapp_id: digits,
    email: `${full_name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.com`,
    active_status: index % 4 === 0,
    has_unread_messages: index % 3 === 0,
  });
});

/** Rows written the way an inbox gets them: some as phone numbers, some as WhatsApp ids. */
const ROWS: ContactLookup[] = CONTACTS.map((contact, index) =>
  index % 2 ? { whatsappId: contact.whatsapp_id ?? "" } : { phoneNumber: contact.phone_number ?? "" },
);

/** Counts the requests that reach the contacts API, for the page to show. */
function createRequestLog() {
  let counts = { batch: 0, single: 0 };
  const listeners = new Set<() => void>();
  const bump = (kind: "batch" | "single") => {
    counts = { ...counts, [kind]: counts[kind] + 1 };
    listeners.forEach((listener) => listener());
  };
  return {
    // Count, then let the next handler answer.
    handlers: [
      http.get("*/contacts", () => {
        bump("batch");
      }),
      http.get("*/contact", () => {
        bump("single");
      }),
    ],
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => counts,
    reset() {
      counts = { batch: 0, single: 0 };
      listeners.forEach((listener) => listener());
    },
  };
}

const log = createRequestLog();

function RequestCount() {
  const { batch, single } = useSyncExternalStore(log.subscribe, log.snapshot, log.snapshot);
  const total = batch + single;
  return (
    <p className="sb-note" role="status">
      Requests to the contacts API: {total} ({batch} to /contacts, {single} to /contact)
    </p>
  );
}

function ConversationRow({ lookup }: { lookup: ContactLookup }) {
  const { data, error, isPending } = useContact(lookup);
  const number = "phoneNumber" in lookup ? lookup.phoneNumber : `+${lookup.whatsappId}`;
  let name = "Loading…";
  let state = "loading";
  if (error) [name, state] = [`Could not load (${error.code})`, "error"];
  else if (!isPending) [name, state] = data ? [data.full_name ?? number, "ready"] : ["Unknown contact", "not-found"];
  const status = [data?.active_status ? "Online" : null, data?.has_unread_messages ? "Unread" : null].filter(Boolean).join(", ");
  return (
    <tr aria-busy={isPending} data-state={state}>
      <th scope="row">{name}</th>
      <td>{number}</td>
      <td>{status || "—"}</td>
    </tr>
  );
}

function Inbox() {
  return (
    <section>
      <RequestCount />
      <div className="sb-inbox">
        <table className="sb-batch-table">
          <caption className="sb-heading">Inbox: twenty conversations</caption>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Number</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((lookup, index) => (
              <ConversationRow key={index} lookup={lookup} />
            ))}
          </tbody>
        </table>
        <aside aria-labelledby="selected-title">
          <h2 id="selected-title" className="sb-heading">
            Selected conversation
          </h2>
          {/* The first row's contact: the same cache entry, so it joins that row's request. */}
          <ContactCard {...ROWS[0]!} headingLevel={3} maxTags={3} />
        </aside>
      </div>
    </section>
  );
}

const meta = {
  title: "Examples/Batching",
  component: Inbox,
  parameters: {
    // Each story in its own frame: MSW handlers are per page, so inline stories would share one set.
    docs: { story: { inline: false, iframeHeight: 900 } },
  },
  beforeEach: () => log.reset(),
} satisfies Meta<typeof Inbox>;

export default meta;
type Story = StoryObj<typeof meta>;

type PlayContext = { canvas: { getAllByRole: (role: string, options?: { name: string }) => HTMLElement[] }; canvasElement: HTMLElement };

/** Waits (cheaply: role queries on every DOM change would starve the mocked API) until every row and the card are filled. */
async function everyRowFilled({ canvas, canvasElement }: PlayContext) {
  await waitFor(() => expect(canvasElement.querySelectorAll('tbody tr[data-state="ready"]')).toHaveLength(NAMES.length), settled);
  await expect(canvas.getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(NAMES);
  await waitFor(() => expect(canvas.getAllByRole("article", { name: NAMES[0]! })).toHaveLength(1), settled);
}

/** `<FlowIQProvider batch>`: the twenty rows ask within one window, so one request fills them all. */
export const Batched: Story = {
  name: "Batch on: twenty rows, one request",
  parameters: {
    flowiq: { frame: "wide", batch: true },
    msw: { handlers: [...log.handlers, ...createContactHandlers({ contacts: CONTACTS, delayMs: 150 })] },
  },
  play: async (context) => {
    const { canvas } = context;
    await everyRowFilled(context);
    await expect(canvas.getByRole("status")).toHaveTextContent("Requests to the contacts API: 1 (1 to /contacts, 0 to /contact)");
  },
};

/** The same table with batch: false: one request per row. */
export const NotBatched: Story = {
  name: "Batch off: one request per row",
  parameters: {
    flowiq: { frame: "wide", batch: false },
    msw: { handlers: [...log.handlers, ...createContactHandlers({ contacts: CONTACTS, delayMs: 150 })] },
  },
  play: async (context) => {
    const { canvas } = context;
    await everyRowFilled(context);
    await expect(canvas.getByRole("status")).toHaveTextContent("Requests to the contacts API: 20 (0 to /contacts, 20 to /contact)");
  },
};

/**
 * A server that does not know `/contacts` (an older proxy mounted at `/contact` only): the
 * provider notices from the 404, warns once in development and fetches one contact per request.
 */
export const ServerWithoutBatchRoute: Story = {
  name: "Batch on, server without /contacts: falls back",
  parameters: {
    flowiq: { frame: "wide", batch: true },
    msw: {
      handlers: [
        ...log.handlers,
        http.get("*/contacts", () => new HttpResponse("<!doctype html><title>404</title>", { status: 404, headers: { "Content-Type": "text/html" } })),
        ...createContactHandlers({ contacts: CONTACTS, delayMs: 150 }),
      ],
    },
  },
  play: async (context) => {
    const { canvas } = context;
    await everyRowFilled(context);
    await expect(canvas.getByRole("status")).toHaveTextContent("Requests to the contacts API: 21 (1 to /contacts, 20 to /contact)");
  },
};
