// Runs inside the temporary app made by test-pack.mjs, against the installed package.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
  } catch (error) {
    results.push([name, false]);
    console.error(`✗ ${name}\n${error?.stack ?? error}`);
  }
}

const files = JSON.parse(process.argv[2]);
const KEY = "pack-secret-key-91c2";

await check("ships dist only: no service worker, no sources, no tests", () => {
  assert.ok(files.includes("dist/index.js") && files.includes("dist/styles.css"));
  assert.ok(!files.some((f) => /mockServiceWorker|^src\/|^test\/|stories/.test(f)), files.join(", "));
});

await check("every entry point resolves with types", () => {
  for (const entry of ["@flowiq/react", "@flowiq/react/server", "@flowiq/react/msw", "@flowiq/react/styles.css", "@flowiq/react/package.json"]) {
    const path = fileURLToPath(import.meta.resolve(entry));
    assert.ok(readFileSync(path).length > 0, entry);
  }
  const pkg = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("@flowiq/react/package.json")), "utf8"));
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (typeof value === "object") assert.equal(Object.keys(value)[0], "types", `${key} lists types first`);
  }
});

await check('the client entry starts with "use client"; the server entry does not', () => {
  const client = readFileSync(fileURLToPath(import.meta.resolve("@flowiq/react")), "utf8");
  const server = readFileSync(fileURLToPath(import.meta.resolve("@flowiq/react/server")), "utf8");
  assert.match(client.split("\n")[0], /^["']use client["'];?$/);
  assert.doesNotMatch(server, /use client/);
});

await check("the stylesheet is layered and prefixed", () => {
  const css = readFileSync(fileURLToPath(import.meta.resolve("@flowiq/react/styles.css")), "utf8");
  assert.match(css, /@layer flowiq/);
  assert.match(css, /--fiq-/);
});

const lib = await import("@flowiq/react");
const server = await import("@flowiq/react/server");
const msw = await import("@flowiq/react/msw");

await check("the public surface is all there", () => {
  for (const name of ["FlowIQProvider", "useFlowIQConfig", "useContact", "useSuspenseContact", "useContacts", "contactQueryOptions", "contactKeys", "ContactCard", "ContactCardView", "ContactCardSkeleton", "FlowIQError", "isFlowIQError", "getContact", "normalizeLookup"]) {
    assert.ok(lib[name], `@flowiq/react exports ${name}`);
  }
  for (const name of ["getContact", "prefetchContact", "prefetchContacts", "createContactRouteHandler"]) assert.ok(server[name], `server exports ${name}`);
  // The batch client is a module of its own, imported on first use by a provider with batch on.
  assert.ok(files.includes("dist/core/contactBatcher.js"), "ships the batch client");
  for (const name of ["createContactHandlers", "buildContact", "contactScenarios"]) assert.ok(msw[name], `msw exports ${name}`);
});

// A real HTTP stand-in for the API on 127.0.0.1.
const contact = msw.buildContact({ full_name: "Packed Contact" });
const requests = [];
const api = createServer((req, res) => {
  requests.push(req);
  const url = new URL(req.url, "http://127.0.0.1");
  res.setHeader("Content-Type", "application/json");
  if (req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end(JSON.stringify({ error: "Unauthorized", message: "Invalid API key" }));
  if (url.searchParams.get("phone_number") === "27123456789") return res.end(JSON.stringify({ success: true, contact }));
  res.writeHead(404).end(JSON.stringify({ error: "Contact not found", message: "No contact found" }));
});
await new Promise((r) => api.listen(0, "127.0.0.1", r));
const baseUrl = `http://127.0.0.1:${api.address().port}`;

try {
  await check("getContact reads a contact, a not-found and a refused key over real HTTP", async () => {
    const config = { tenantId: "acme", apiKey: KEY, baseUrl };
    assert.equal((await server.getContact(config, { phoneNumber: "+27 12 345 6789" })).full_name, "Packed Contact");
    assert.equal(await lib.getContact(config, { phoneNumber: "27 000 000 000" }), null);
    const error = await server.getContact({ ...config, apiKey: "wrong-key-000" }, { phoneNumber: "27123456789" }).catch((e) => e);
    assert.ok(server.isFlowIQError(error));
    assert.equal(error.code, "unauthorized");
    assert.ok(!String(error.stack).includes("wrong-key-000"));
  });

  await check("prefetchContact + dehydrate render the card on the server", async () => {
    const { QueryClient, dehydrate, HydrationBoundary } = await import("@tanstack/react-query");
    const { createElement: h } = await import("react");
    const { renderToString } = await import("react-dom/server");
    const queryClient = new QueryClient();
    await server.prefetchContact(queryClient, { tenantId: "acme", apiKey: KEY, baseUrl }, { phoneNumber: "27123456789" });
    const html = renderToString(
      h(lib.FlowIQProvider, { tenantId: "acme", baseUrl: "/api/flowiq", queryClient: new QueryClient() },
        h(HydrationBoundary, { state: dehydrate(queryClient) }, h(lib.ContactCard, { phoneNumber: "+27 12 345 6789" }))),
    );
    assert.match(html, /Packed Contact/);
    assert.match(html, /data-state="ready"/);
    assert.ok(!html.includes(KEY));
  });

  await check("the MSW handlers answer like the API", async () => {
    const { setupServer } = await import("msw/node");
    const mock = setupServer(...msw.createContactHandlers({ contacts: [msw.buildContact({ full_name: "From MSW" })] }));
    mock.listen({ onUnhandledRequest: "error" });
    try {
      const config = { tenantId: "acme", apiKey: "k-123456" };
      assert.equal((await lib.getContact(config, { whatsappId: "27123456789" })).full_name, "From MSW");
      assert.equal(await lib.getContact(config, { phoneNumber: "27999999999" }), null);
    } finally {
      mock.close();
    }
  });
} finally {
  api.close();
}

const failed = results.filter(([, ok]) => !ok).length;
for (const [name, ok] of results) console.log(`${ok ? "✓" : "✗"} ${name}`);
console.log(`pack: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
