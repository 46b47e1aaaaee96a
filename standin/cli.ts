// The stand-in API as a process, for a Playwright webServer or by hand:
//   npm run standin -- --port 41234 [--delay 20] [--tenant acme] [--key secret] [--contacts file.json] [--count 100] [--live 3000]
// Without --contacts it knows the README's numbers and --count generated contacts; with it, the file's
// contacts only (a JSON array of contacts in the API's shape; `id` required). --live changes unread and
// online every so many milliseconds.
// Each flag may come from the environment instead: STANDIN_PORT, STANDIN_DELAY_MS, STANDIN_TENANT_ID,
// STANDIN_API_KEY, STANDIN_CONTACTS, STANDIN_COUNT. Stops on SIGINT / SIGTERM.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Contact } from "../src/core/types.js";
import { generateContacts, readmeContacts, startStandInApi } from "./index.js";
import { startLiveChanges } from "./live.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.STANDIN_PORT },
    delay: { type: "string", default: process.env.STANDIN_DELAY_MS },
    tenant: { type: "string", default: process.env.STANDIN_TENANT_ID },
    key: { type: "string", default: process.env.STANDIN_API_KEY },
    contacts: { type: "string", default: process.env.STANDIN_CONTACTS },
    count: { type: "string", default: process.env.STANDIN_COUNT },
    // Live mode: every N ms a few contacts' unread and online change (standin/live.ts).
    live: { type: "string", default: process.env.STANDIN_LIVE_MS },
  },
});

// The file's contacts, or the README's numbers and `count` generated ones.
const contacts: Contact[] = values.contacts
  ? (JSON.parse(readFileSync(values.contacts, "utf8")) as Contact[])
  : [...readmeContacts(), ...generateContacts(Number(values.count ?? 100))];
const api = await startStandInApi({
  contacts,
  port: Number(values.port ?? 0),
  delayMs: Number(values.delay ?? 0),
  ...(values.tenant ? { tenantId: values.tenant } : {}),
  ...(values.key ? { apiKey: values.key } : {}),
});
console.log(`stand-in API on ${api.url} (${contacts.length} contacts)`);
if (values.live) startLiveChanges(contacts, { everyMs: Number(values.live) || 3000 }).subscribe((changes) => console.log(`live: ${changes.length} contacts changed`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void api.close().then(() => process.exit(0)));
