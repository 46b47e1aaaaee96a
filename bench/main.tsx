import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import {
  ContactCard,
  ContactCardSkeleton,
  ContactCardView,
  ContactChip,
  ContactChipView,
  contactKeys,
  FlowIQProvider,
  invalidateContacts,
  useContacts,
  type Contact,
  type ContactLookup,
} from "../src/index.js";
import "../src/styles.css";
import { contactDigitsAt, generateContacts, lookupAt, mixedDashboard } from "../standin/contacts.js";
import { Floor, templateOf, type Template } from "./floor.js";
import { useGetContact, type GetContactParams } from "./generatedClient.js";

const TENANT = "bench";
/** The stand-in API (another origin; it answers CORS), as `?api=` in the page's address. */
const API = new URLSearchParams(location.search).get("api") ?? `${location.origin}/api`;
const stage = document.getElementById("stage") as HTMLElement;

const lookupOf = (contact: Contact): ContactLookup => ({ phoneNumber: contact.phone_number as string });
const cardProps = (lookup: ContactLookup) => ("phoneNumber" in lookup ? { phoneNumber: lookup.phoneNumber } : { whatsappId: lookup.whatsappId });

function fill(queryClient: QueryClient, contacts: Contact[]) {
  // Written just before each use, so no entry is ever stale (60 s) when a card mounts.
  for (const contact of contacts) queryClient.setQueryData(contactKeys.detail(TENANT, lookupOf(contact)), contact);
}

type Mounted = { root: Root; container: HTMLElement };

function mount(node: ReactNode): Mounted & { js: number; total: number } {
  const container = document.createElement("div");
  stage.append(container);
  const root = createRoot(container);
  const start = performance.now();
  // Synchronous: render, commit and (for a sync update) the passive effects too.
  flushSync(() => root.render(node));
  const rendered = performance.now();
  void container.offsetHeight; // style and layout
  const laidOut = performance.now();
  return { root, container, js: rendered - start, total: laidOut - start };
}

function unmount(mounted: Mounted) {
  mounted.root.unmount();
  mounted.container.remove();
}

const settle = () => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), 30));

/** Resolves at the first frame where `condition` holds; checked once a frame, so the check itself stays off the critical path. */
async function until(condition: () => boolean, timeoutMs = 120_000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * Cards and chips under `container` that show a contact. It walks the two live class lists (some 500
 * elements) rather than matching a selector against every node of 500 cards; still, it is asked only
 * once the lookups are answered (timeUntilReady), not every frame of the load.
 */
function readyCount(container: HTMLElement) {
  let ready = 0;
  for (const name of ["fiq-card", "fiq-chip"]) {
    for (const element of container.getElementsByClassName(name)) if (element.getAttribute("data-state") === "ready") ready++;
  }
  return ready;
}

/** Mounts `node` and times it until `count` cards show a contact; then unmounts it and empties the cache. */
async function timeUntilReady(node: ReactNode, queryClient: QueryClient, count: number): Promise<number> {
  const start = performance.now();
  const mounted = mount(node);
  // The DOM is walked only once no lookup is under way: walking 500 cards every frame while they load
  // cost the page some 0.4 s of the ~5 s a grid of 500 took, on the path being measured.
  await until(() => queryClient.isFetching() === 0 && readyCount(mounted.container) === count);
  const ms = performance.now() - start;
  unmount(mounted);
  queryClient.clear();
  return ms;
}

// ---------- render time: floor, view, connected ----------

const state: { contacts: Contact[]; templates: Template[]; queryClient: QueryClient } = {
  contacts: [],
  templates: [],
  queryClient: new QueryClient(),
};

function renderSetup(count: number) {
  state.contacts = generateContacts(count);
  const scratch = mount(<>{state.contacts.map((contact) => <ContactCardView key={contact.id} contact={contact} />)}</>);
  state.templates = Array.from(scratch.container.children, (child) => templateOf(child) as Template);
  unmount(scratch);
}

const views = {
  floor: () => <>{state.templates.map((template, index) => <Floor key={index} template={template} />)}</>,
  view: () => <>{state.contacts.map((contact) => <ContactCardView key={contact.id} contact={contact} />)}</>,
  connected: () => {
    fill(state.queryClient, state.contacts);
    return (
      <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={state.queryClient}>
        {state.contacts.map((contact) => <ContactCard key={contact.id} phoneNumber={contact.phone_number as string} />)}
      </FlowIQProvider>
    );
  },
};
type Kind = keyof typeof views;

function renderOnce(kind: Kind) {
  const node = views[kind]();
  const mounted = mount(node);
  const cards = mounted.container.children.length;
  const ready = readyCount(mounted.container);
  unmount(mounted);
  return { js: mounted.js, total: mounted.total, cards, ready };
}

/** The three write the same DOM (useId values aside)? */
function sameDom() {
  const html = (kind: Kind) => {
    const mounted = mount(views[kind]());
    const text = mounted.container.innerHTML.replace(/(id|aria-labelledby|aria-controls)="[^"]*"/g, '$1="#"');
    unmount(mounted);
    return text;
  };
  const floor = html("floor");
  const view = html("view");
  const connected = html("connected");
  return { viewEqualsFloor: view === floor, connectedEqualsFloor: connected === floor, bytes: floor.length };
}

// ---------- requests: a dashboard of cards over few contacts ----------

function GeneratedCard({ params }: { params: GetContactParams }) {
  const { data } = useGetContact(params);
  return data ? <ContactCardView contact={data.contact} /> : <ContactCardSkeleton />;
}

function rawParams(lookup: ContactLookup): GetContactParams {
  return "phoneNumber" in lookup ? { tenantId: TENANT, phone_number: lookup.phoneNumber } : { tenantId: TENANT, whatsapp_id: lookup.whatsappId };
}

async function dashboard(kind: "ours" | "baseline", rows: number, distinct: number) {
  const plan = mixedDashboard(rows, distinct);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const node =
    kind === "ours" ? (
      <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient}>
        {plan.map((row, index) => <ContactCard key={index} {...cardProps(row.lookup)} />)}
      </FlowIQProvider>
    ) : (
      <QueryClientProvider client={queryClient}>
        {plan.map((row, index) => <GeneratedCard key={index} params={rawParams(row.lookup)} />)}
      </QueryClientProvider>
    );
  const distinctRaw = new Set(plan.map((row) => JSON.stringify(row.lookup))).size;
  return { ms: await timeUntilReady(node, queryClient, rows), distinctRaw };
}

/** 500 distinct contacts loaded cold: one ContactCard each, or one column reading them with useContacts. */
async function column(kind: "cards" | "useContacts", count: number) {
  const lookups = Array.from({ length: count }, (_, index) => lookupAt(index));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let renders = 0;
  function Column() {
    renders++;
    const results = useContacts(lookups);
    return <>{results.map((result, index) => (result.data ? <ContactCardView key={index} contact={result.data} /> : <ContactCardSkeleton key={index} />))}</>;
  }
  const node = (
    // One request per contact, as the bare fetches it is set beside (batching is the default behind a proxy).
    <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient} batch={false}>
      {kind === "cards" ? lookups.map((lookup, index) => <ContactCard key={index} {...cardProps(lookup)} />) : <Column />}
    </FlowIQProvider>
  );
  const ms = await timeUntilReady(node, queryClient, count);
  return { ms, renders };
}

/**
 * `count` cold ContactCards in the library's aligned grid (`.fiq-card-grid`) or in a plain block,
 * one request per card or in the default batches: the time until all show a contact, as `column` times one column.
 */
async function cardLayout(layout: "grid" | "block", count: number, fetching: "single" | "batch") {
  const lookups = Array.from({ length: count }, (_, index) => lookupAt(index));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const cards = lookups.map((lookup, index) => <ContactCard key={index} {...cardProps(lookup)} />);
  // "batch" is the provider's default behind a proxy (no apiKey, no batch prop); "single" is one request per card.
  const node = (
    <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient} {...(fetching === "single" ? { batch: false } : {})}>
      {layout === "grid" ? <div className="fiq-card-grid">{cards}</div> : <div>{cards}</div>}
    </FlowIQProvider>
  );
  return { ms: await timeUntilReady(node, queryClient, count) };
}

/**
 * A refresh tick of `count` mounted cards in a grid (batch on): every one refetched in one call, as
 * `refetchInterval`'s tick does. With `changed`, one contact's cached copy is made to differ first, so
 * the answer changes that card. Resolves with the time until the answers are in and a frame is drawn,
 * and the DOM mutations the refresh caused.
 */
async function refreshTick(count: number, changed: boolean) {
  const contacts = generateContacts(count);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  fill(queryClient, contacts);
  const mounted = mount(
    <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient} batch>
      <div className="fiq-card-grid">
        {contacts.map((contact, index) => (
          <ContactCard key={index} {...cardProps(lookupOf(contact))} />
        ))}
      </div>
    </FlowIQProvider>,
  );
  await settle();
  if (changed) {
    const first = contacts[0] as Contact;
    queryClient.setQueryData(contactKeys.detail(TENANT, lookupOf(first)), { ...first, full_name: `${first.full_name ?? ""} (old)` });
    await settle();
  }
  let mutations = 0;
  const observer = new MutationObserver((records) => (mutations += records.length));
  observer.observe(mounted.container, { subtree: true, childList: true, attributes: true, characterData: true });
  const start = performance.now();
  await invalidateContacts(queryClient, TENANT);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const ms = performance.now() - start;
  // Records are delivered in a microtask; take them all before counting.
  mutations += observer.takeRecords().length;
  observer.disconnect();
  unmount(mounted);
  return { ms, mutations };
}

/** The network's own floor: `count` bare fetches to the stand-in API, six at a time, no React. */
async function fetchOnly(count: number) {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const response = await fetch(`${API}/contact?tenantId=${TENANT}&phone_number=${contactDigitsAt(index)}`);
      await response.text();
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return performance.now() - start;
}

// ---------- a 500-row table at the network's pace, through the app's proxy route ----------

/** The baseline's row: the generated hook, then the same ContactChipView (plain text while loading). */
function GeneratedChip({ params }: { params: GetContactParams }) {
  const { data } = useGetContact(params);
  return data ? <ContactChipView contact={data.contact} /> : <span data-state="loading">{params.phone_number ?? params.whatsapp_id}</span>;
}

/**
 * `count` distinct contacts in a table, one chip per row, from a cold cache: with the generated hook
 * (one request per row), with `<ContactChip>` under a provider without `batch`, or with `batch`.
 * Resolves with the time until every row shows its contact. `API` is the proxy route here.
 */
async function table(kind: "generated" | "single" | "batch", count: number) {
  const lookups = Array.from({ length: count }, (_, index) => lookupAt(index));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rows = lookups.map((lookup, index) => (
    <tr key={index}>
      <td>{kind === "generated" ? <GeneratedChip params={rawParams(lookup)} /> : <ContactChip {...cardProps(lookup)} />}</td>
      <td>Row {index + 1}</td>
    </tr>
  ));
  const body = (
    <table>
      <tbody>{rows}</tbody>
    </table>
  );
  const node =
    kind === "generated" ? (
      <QueryClientProvider client={queryClient}>{body}</QueryClientProvider>
    ) : (
      // "batch" is the provider's default behind a proxy (no apiKey, no batch prop); "single" turns it off.
      <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient} {...(kind === "single" ? { batch: false } : {})}>
        {body}
      </FlowIQProvider>
    );
  return timeUntilReady(node, queryClient, count);
}

/** The floor, measured: `count` contacts fetched as bare batch requests of `size` (all sent at once), no React. */
async function batchFetchOnly(count: number, size = 50) {
  const start = performance.now();
  const batches = Array.from({ length: Math.ceil(count / size) }, (_, batch) => {
    const url = new URL(`${API}/contacts`, location.href);
    for (let index = batch * size; index < Math.min(count, (batch + 1) * size); index++) url.searchParams.append("phone_number", contactDigitsAt(index));
    return url;
  });
  await Promise.all(batches.map(async (url) => (await fetch(url)).json()));
  return performance.now() - start;
}

// ---------- update isolation (profiling build) ----------

async function isolation(rows: number, distinct: number, changedContact: number) {
  const plan = mixedDashboard(rows, distinct);
  const contacts = generateContacts(distinct);
  const queryClient = new QueryClient();
  fill(queryClient, contacts);
  const commits = new Map<string, number>();
  const onRender: ProfilerOnRenderCallback = (id) => commits.set(id, (commits.get(id) ?? 0) + 1);
  const mounted = mount(
    <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={queryClient}>
      {plan.map((row, index) => (
        <Profiler key={index} id={String(index)} onRender={onRender}>
          <ContactCard {...cardProps(row.lookup)} />
        </Profiler>
      ))}
    </FlowIQProvider>,
  );
  await settle();
  const profilerWorks = commits.size > 0;
  const rendersOnMount = [...commits.values()];
  commits.clear();

  const changed = contacts[changedContact] as Contact;
  queryClient.setQueryData(contactKeys.detail(TENANT, lookupOf(changed)), { ...changed, full_name: "Renamed Contact" });
  await settle();
  const expected = plan.flatMap((row, index) => (row.contactIndex === changedContact ? [String(index)] : []));
  const rerendered = [...commits.keys()];
  const renamed = mounted.container.textContent?.split("Renamed Contact").length ?? 1;
  unmount(mounted);
  return {
    profilerWorks,
    cards: rows,
    maxRendersPerCardOnMount: Math.max(...rendersOnMount),
    expected: expected.length,
    rerendered: rerendered.length,
    onlyThoseCards: rerendered.every((id) => expected.includes(id)) && expected.every((id) => rerendered.includes(id)),
    shownRenamed: renamed - 1,
  };
}

// ---------- memory ----------

let held: Mounted | null = null;
const memoryClient = new QueryClient();

function memorySetup(distinct: number) {
  fill(memoryClient, generateContacts(distinct));
}

function memoryMount(kind: "view" | "connected", count: number, distinct: number) {
  const contacts = generateContacts(distinct);
  if (kind === "connected") fill(memoryClient, contacts);
  const node =
    kind === "view" ? (
      <>{Array.from({ length: count }, (_, index) => <ContactCardView key={index} contact={contacts[index % distinct] as Contact} />)}</>
    ) : (
      <FlowIQProvider tenantId={TENANT} baseUrl={API} queryClient={memoryClient}>
        {Array.from({ length: count }, (_, index) => (
          <ContactCard key={index} phoneNumber={(contacts[index % distinct] as Contact).phone_number as string} />
        ))}
      </FlowIQProvider>
    );
  const mounted = mount(node);
  held = mounted;
  return { ready: readyCount(mounted.container), ms: mounted.total };
}

function memoryUnmount() {
  if (held) unmount(held);
  held = null;
}

const api = {
  renderSetup,
  renderOnce,
  sameDom,
  dashboard,
  column,
  cardLayout,
  refreshTick,
  fetchOnly,
  table,
  batchFetchOnly,
  isolation,
  memorySetup,
  memoryMount,
  memoryUnmount,
};
export type BenchApi = typeof api;
(window as unknown as { bench: BenchApi }).bench = api;
document.title = "ready";

