// ContactCard's failure and not-found states, from answers already in the cache (as after a proxy's
// own error or a prefetch) and from the API: which icon, direction, actions and console line each gets.
import { act, render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { ContactCard } from "../../src/components/ContactCard/ContactCard.js";
import { RetryCountdown } from "../../src/components/ContactCard/RetryCountdown.js";
import { defaultContactCardLabels as en } from "../../src/components/ContactDisplay/labels.js";
import { contactQueryKey } from "../../src/core/contactQuery.js";
import { FlowIQError } from "../../src/core/FlowIQError.js";
import { contactScenarios } from "../../src/msw/contactScenarios.js";
import { server } from "../server.js";
import { API, createTestQueryClient, renderWithProvider } from "../utils.js";

const PHONE = "+27123456789";

/** A client whose cache already holds `error` for PHONE, and does not ask again on mount. */
async function failedBefore(error: unknown) {
  const queryClient = createTestQueryClient();
  const queryFn = () => Promise.reject(error);
  await queryClient
    .prefetchQuery({ queryKey: contactQueryKey("acme", PHONE), queryFn, retry: false })
    .catch(() => {});
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retryOnMount: false } });
  return queryClient;
}

const icon = (alert: HTMLElement) => alert.querySelector(".fiq-card__icon")?.getAttribute("data-icon");

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("ContactCard given a failure that is not a FlowIQError", () => {
  it("shows it as a server problem that passes, with the alert icon and a Try again button", async () => {
    const queryClient = await failedBefore(new TypeError("fetch is not a function"));
    renderWithProvider(<ContactCard phoneNumber={PHONE} />, { queryClient });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "server");
    expect(alert).toHaveAttribute("data-tone", "warning");
    expect(within(alert).getByRole("heading")).toHaveTextContent(en.errors.server.title);
    expect(alert).toHaveTextContent(en.errors.server.sentence);
    expect(icon(alert)).toBe("alert");
    expect(within(alert).getByRole("button", { name: en.retry })).toBeInTheDocument();
    expect(within(alert).queryByRole("timer")).toBeNull();
  });
});

describe("ContactCard given a failure with a wait that is not a rate limit", () => {
  it("counts down only for a rate limit: a server error carrying retryAfterMs offers Try again", async () => {
    const queryClient = await failedBefore(new FlowIQError("server", "upstream busy", { status: 503, retryAfterMs: 5000 }));
    renderWithProvider(<ContactCard phoneNumber={PHONE} />, { queryClient });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "server");
    expect(within(alert).getByRole("button", { name: en.retry })).toBeInTheDocument();
    expect(within(alert).queryByRole("timer")).toBeNull();
    expect(icon(alert)).toBe("alert");
  });
});

describe("ContactCard's notice icon", () => {
  it("is the wait icon while a rate limit counts down", async () => {
    server.use(...contactScenarios.rateLimited);
    renderWithProvider(<ContactCard phoneNumber={PHONE} />);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("timer")).toBeInTheDocument();
    expect(icon(alert)).toBe("wait");
  });

  it("is the alert icon for a rate limit that said nothing about waiting", async () => {
    server.use(http.get(`${API}/contact`, () => HttpResponse.json({ error: "Too many requests" }, { status: 429 })));
    renderWithProvider(<ContactCard phoneNumber={PHONE} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "rate_limited");
    expect(icon(alert)).toBe("alert");
  });
});

describe("ContactCard's number under a failure's title", () => {
  it("reads left to right when it is a phone number, whatever the page's direction", async () => {
    server.use(...contactScenarios.serverError);
    renderWithProvider(<ContactCard phoneNumber="+27 12 345 6789" />);
    const alert = await screen.findByRole("alert");
    expect(alert.querySelector(".fiq-card__number")).toHaveAttribute("dir", "ltr");
  });

  it("takes the direction of its own text when it is not a number", async () => {
    renderWithProvider(<ContactCard phoneNumber="اتصل بي" />);
    const alert = await screen.findByRole("alert");
    expect(alert.querySelector(".fiq-card__number")).toHaveTextContent("اتصل بي");
    expect(alert.querySelector(".fiq-card__number")).toHaveAttribute("dir", "auto");
  });
});

describe("ContactCard's actions on a failure", () => {
  it("draws no empty actions row when there is neither a retry nor an app action", async () => {
    server.use(...contactScenarios.unauthorized);
    renderWithProvider(<ContactCard phoneNumber={PHONE} />);
    const alert = await screen.findByRole("alert");
    expect(alert.querySelector(".fiq-card__actions")).toBeNull();
    expect(within(alert).queryByRole("button")).toBeNull();
  });

  it("shows the app's actions beside Try again", async () => {
    server.use(...contactScenarios.serverError);
    renderWithProvider(<ContactCard phoneNumber={PHONE} actions={<button type="button">Open chat</button>} />);
    const alert = await screen.findByRole("alert");
    const row = alert.querySelector(".fiq-card__actions") as HTMLElement;
    expect(within(row).getAllByRole("button").map((button) => button.textContent)).toEqual([en.retry, "Open chat"]);
  });

  it("shows the app's actions alone when retrying cannot help", async () => {
    server.use(...contactScenarios.unauthorized);
    renderWithProvider(<ContactCard phoneNumber={PHONE} actions={<button type="button">Open chat</button>} />);
    const alert = await screen.findByRole("alert");
    const row = alert.querySelector(".fiq-card__actions") as HTMLElement;
    expect(within(row).getAllByRole("button").map((button) => button.textContent)).toEqual(["Open chat"]);
  });
});

describe("ContactCard given nothing to look up", () => {
  it("says in development that it could not show a contact, naming none", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    renderWithProvider(<ContactCard phoneNumber="" />);
    await screen.findByRole("alert");
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[@flowiq\/react\] <ContactCard> could not show a contact: /);
  });

  it("leaves the number out of the not-found sentence when a cached not-found has none to show", async () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(contactQueryKey("acme", { phoneNumber: "" }), null);
    renderWithProvider(<ContactCard phoneNumber="" labels={{ notFound: "No contact for [{number}]." }} />, { queryClient });
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("No contact for [].");
  });
});

describe("ContactCard's notice heading", () => {
  it("is styled as the card's name, so a notice lines up with a loaded card", async () => {
    server.use(...contactScenarios.notFound);
    renderWithProvider(<ContactCard phoneNumber={PHONE} />);
    const status = await screen.findByRole("status");
    expect(within(status).getByRole("heading")).toHaveClass("fiq-card__name");
  });
});

describe("RetryCountdown", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts down once a second, calls onDone at zero, and leaves no timer when it goes away early", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const onDone = vi.fn();
    const { unmount } = render(<RetryCountdown ms={2500} onDone={onDone} labels={en} />);
    expect(screen.getByRole("timer")).toHaveTextContent("Trying again in 0:03");
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole("timer")).toHaveTextContent("Trying again in 0:02");
    expect(vi.getTimerCount()).toBe(1);
    // The card shows something else now (the contact, another error): its count must stop with it.
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(10_000));
    expect(onDone).not.toHaveBeenCalled();
  });
});
