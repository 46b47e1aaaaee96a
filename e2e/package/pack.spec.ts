// The packed tarball installed into a fresh app the way a user installs it, and every entry point
// checked from there: contents, resolution, "use client" placement, the stylesheet, getContact
// against the stand-in API over real HTTP, the MSW helpers, and a server render. Needs dist/.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import type * as Query from "@tanstack/react-query";
import type * as MswNode from "msw/node";
import type * as React from "react";
import type * as ReactDomServer from "react-dom/server";
import type * as Lib from "../../src/index.js";
import type * as Msw from "../../src/msw.js";
import type * as Server from "../../src/server.js";
import { startStandInApi } from "../../standin/index.js";

const root = resolve(import.meta.dirname, "../..");
const KEY = "pack-secret-key-91c2";
let work: string;
let files: string[];
/** Resolves a module as an ES module of the app does: the installed package and its peers. */
let resolveInApp: (specifier: string) => string;
const load = async <T = Record<string, unknown>>(specifier: string): Promise<T> => import(resolveInApp(specifier)) as Promise<T>;
const read = (specifier: string) => readFileSync(fileURLToPath(resolveInApp(specifier)), "utf8");

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "flowiq-pack-"));
  const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", work], root)) as { filename: string; files: { path: string }[] }[];
  files = packed!.files.map((file) => file.path);
  const app = join(work, "app");
  mkdirSync(app);
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages as Record<string, { version: string }>;
  const version = (name: string) => lock[`node_modules/${name}`]!.version;
  const dependencies = Object.fromEntries(["react", "react-dom", "@tanstack/react-query", "msw"].map((name) => [name, version(name)]));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module", dependencies: { "@flowiq/react": `file:${join(work, packed!.filename)}`, ...dependencies } }));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
  writeFileSync(join(app, "resolve.mjs"), "export const resolve = (specifier) => import.meta.resolve(specifier);\n");
  ({ resolve: resolveInApp } = (await import(join(app, "resolve.mjs"))) as { resolve: (specifier: string) => string });
});

test.afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("ships dist only: no service worker, no sources, no tests", () => {
  // The batch client ships as a module of its own, imported on first use by a provider with batch on.
  expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/styles.css", "dist/core/contactBatcher.js"]));
  expect(files.filter((file) => /mockServiceWorker|^src\/|^test\/|stories/.test(file))).toEqual([]);
});

test("every entry point resolves, each listing its types first", () => {
  for (const entry of ["@flowiq/react", "@flowiq/react/server", "@flowiq/react/msw", "@flowiq/react/styles.css", "@flowiq/react/package.json"]) {
    expect(read(entry).length, entry).toBeGreaterThan(0);
  }
  const pkg = JSON.parse(read("@flowiq/react/package.json")) as { exports: Record<string, unknown> };
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (typeof value === "object" && value) expect(Object.keys(value)[0], key).toBe("types");
  }
});

test('the client entry starts with "use client"; the server entry does not', () => {
  expect(read("@flowiq/react").split("\n")[0]).toMatch(/^["']use client["'];?$/);
  expect(read("@flowiq/react/server")).not.toContain("use client");
});

test("the stylesheet is layered and prefixed", () => {
  expect(read("@flowiq/react/styles.css")).toMatch(/@layer flowiq/);
  expect(read("@flowiq/react/styles.css")).toMatch(/--fiq-/);
});

test('TypeScript resolves import "@flowiq/react/styles.css" under noUncheckedSideEffectImports and "types": []', () => {
  const app = join(work, "app");
  writeFileSync(join(app, "styles-import.ts"), 'import "@flowiq/react/styles.css";\nexport {};\n');
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2022", strict: true, noEmit: true, types: [], noUncheckedSideEffectImports: true },
      files: ["styles-import.ts"],
    }),
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  // Throws with tsc's output (TS2882) when the import does not resolve to a declaration.
  expect(() => execFileSync(process.execPath, [tsc, "-p", app], { cwd: app, encoding: "utf8", stdio: "pipe" })).not.toThrow();
});

test("the public surface is all there", async () => {
  const [lib, server, msw] = await Promise.all([load("@flowiq/react"), load("@flowiq/react/server"), load("@flowiq/react/msw")]);
  const names = (module: Record<string, unknown>, wanted: string[]) => wanted.filter((name) => module[name] === undefined);
  expect(names(lib, ["FlowIQProvider", "useFlowIQClient", "createFlowIQClient", "useContact", "useSuspenseContact", "useContacts", "contactQueryOptions", "contactKeys", "ContactCard", "ContactCardView", "ContactCardSkeleton", "FlowIQError", "isFlowIQError", "getContact", "normalizeLookup"])).toEqual([]);
  expect(names(server, ["createFlowIQClient", "getContact", "prefetchContact", "prefetchContacts", "createContactRouteHandler"])).toEqual([]);
  expect(names(msw, ["createContactHandlers", "buildContact", "contactScenarios"])).toEqual([]);
});

test.describe("against the stand-in API over real HTTP", () => {
  test("getContact reads a contact, a not-found and a refused key", async () => {
    const [lib, server, msw] = await Promise.all([load<typeof Lib>("@flowiq/react"), load<typeof Server>("@flowiq/react/server"), load<typeof Msw>("@flowiq/react/msw")]);
    const api = await startStandInApi({ contacts: [msw.buildContact({ full_name: "Packed Contact" })], apiKey: KEY });
    try {
      const config = { tenantId: "acme", apiKey: KEY, baseUrl: api.url };
      expect((await server.getContact(config, { phoneNumber: "+27 12 345 6789" }))?.full_name).toBe("Packed Contact");
      expect(await lib.getContact(config, { phoneNumber: "27 000 000 000" })).toBeNull();
      const error = await server.getContact({ ...config, apiKey: "wrong-key-000" }, { phoneNumber: "27123456789" }).catch((caught: unknown) => caught);
      expect(server.isFlowIQError(error) && error.code).toBe("unauthorized");
      expect(String((error as Error).stack)).not.toContain("wrong-key-000");
    } finally {
      await api.close();
    }
  });

  test("prefetchContact + dehydrate render the card on the server", async () => {
    const [lib, server, msw] = await Promise.all([load<typeof Lib>("@flowiq/react"), load<typeof Server>("@flowiq/react/server"), load<typeof Msw>("@flowiq/react/msw")]);
    const { QueryClient, dehydrate, HydrationBoundary } = await load<typeof Query>("@tanstack/react-query");
    const { createElement: h } = await load<typeof React>("react");
    const { renderToString } = await load<typeof ReactDomServer>("react-dom/server");
    const api = await startStandInApi({ contacts: [msw.buildContact({ full_name: "Packed Contact" })], apiKey: KEY });
    try {
      const queryClient = new QueryClient();
      await server.prefetchContact(queryClient, server.createFlowIQClient({ tenantId: "acme", apiKey: KEY, baseUrl: api.url }), { phoneNumber: "27123456789" });
      const html = renderToString(
        h(lib.FlowIQProvider, { tenantId: "acme", baseUrl: "/api/flowiq", queryClient: new QueryClient() }, h(HydrationBoundary, { state: dehydrate(queryClient) }, h(lib.ContactCard, { phoneNumber: "+27 12 345 6789" }))),
      );
      expect(html).toMatch(/Packed Contact/);
      expect(html).toMatch(/data-state="ready"/);
      expect(html).not.toContain(KEY);
    } finally {
      await api.close();
    }
  });
});

test("the MSW handlers answer like the API", async () => {
  const [lib, msw] = await Promise.all([load<typeof Lib>("@flowiq/react"), load<typeof Msw>("@flowiq/react/msw")]);
  const { setupServer } = await load<typeof MswNode>("msw/node");
  const mock = setupServer(...msw.createContactHandlers({ contacts: [msw.buildContact({ full_name: "From MSW" })] }));
  mock.listen({ onUnhandledRequest: "error" });
  try {
    const config = { tenantId: "acme", apiKey: "k-123456" };
    expect((await lib.getContact(config, { whatsappId: "27123456789" }))?.full_name).toBe("From MSW");
    expect(await lib.getContact(config, { phoneNumber: "27999999999" })).toBeNull();
  } finally {
    mock.close();
  }
});
