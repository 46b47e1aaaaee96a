// @vitest-environment node
// A full batch in a Node server (Next.js, Express, Vite): the contacts waiting behind the upstream
// cap must not pile their abort listeners onto one signal, or Node logs a MaxListenersExceededWarning
// ("Possible EventTarget memory leak detected") for every batch of more than ten contacts.
import { describe, expect, it, vi } from "vitest";
import { generateContacts } from "../../standin/contacts.js";
import { createContactHandlers } from "../../src/msw/createContactHandlers.js";
import { createContactRouteHandler } from "../../src/server/createContactRouteHandler.js";
import { server } from "../server.js";

const contacts = generateContacts(50);

describe("createContactRouteHandler given a full batch of 50 contacts behind its cap of 6", () => {
  it("answers them all without a MaxListenersExceededWarning in the server's log", async () => {
    server.use(...createContactHandlers({ contacts, delayMs: 5 }));
    const warnings = vi.spyOn(process, "emitWarning");
    const query = contacts.map((contact) => `whatsapp_id=${contact.whatsapp_id}`).join("&");
    const handler = createContactRouteHandler({ tenantId: "acme", apiKey: "fiq_live_key", authorize: () => true });

    const response = await handler(new Request(`http://127.0.0.1:3000/api/flowiq/contacts?${query}`));
    const { results } = (await response.json()) as { results: { status: number }[] };
    expect(results.map((result) => result.status)).toEqual(contacts.map(() => 200));
    // Node emits the warning on the next tick after the listener that crossed the limit.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.mock.calls.map(([warning]) => String(warning))).not.toContainEqual(expect.stringMatching(/MaxListenersExceeded|memory leak/));
  });
});
