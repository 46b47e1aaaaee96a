// @vitest-environment node
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getContact } from "../../src/core/getContact.js";
import { normalizeDigits } from "../../src/core/normalizeLookup.js";
import { generateContacts, readmeContacts, startStandInApi, type StandIn } from "../../standin/index.js";
import { server, toLocalServers } from "../server.js";

const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
/** The text of one `## ` section of the README. */
const section = (title: string) => readme.slice(readme.indexOf(`## ${title}\n`), readme.indexOf("\n## ", readme.indexOf(`## ${title}\n`) + 1));
/** Every lookup written in a section's code: `phoneNumber="…"`, `{ phoneNumber: "…" }`, `whatsappId`. */
const numbersIn = (text: string) =>
  [...text.matchAll(/(?:phoneNumber|whatsappId)(?:=|: )"([^"]+)"/g)].map((match) => normalizeDigits(match[1]!));

describe("the stand-in API, started as `npm run standin` starts it", () => {
  let api: StandIn;
  beforeEach(async () => {
    // Real HTTP to 127.0.0.1 goes past the unit suite's MSW server.
    server.use(toLocalServers);
    // What the CLI serves without --contacts.
    api = await startStandInApi({ contacts: [...readmeContacts(), ...generateContacts(100)], tenantId: "acme", apiKey: "fiq_your_api_key" });
  });
  afterEach(async () => {
    await api.close();
  });

  it("answers every number the README's Quick start and Next.js sections look up", async () => {
    const numbers = [...new Set([...numbersIn(section("Quick start")), ...numbersIn(section("Next.js"))])];
    // The sections do look numbers up (so an empty list cannot pass).
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    const config = { tenantId: "acme", apiKey: "fiq_your_api_key", baseUrl: api.url };
    const found = await Promise.all(numbers.map((digits) => getContact(config, { phoneNumber: digits })));
    expect(found.map((contact, index) => [numbers[index], contact?.full_name ?? null])).toEqual(
      numbers.map((digits) => [digits, expect.any(String)]),
    );
  });
});
