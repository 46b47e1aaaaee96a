// What an app's bundler keeps of the built package (dist/ from `npm run build`): importing the hook
// must not pull in the card, and the server entry no React layer. Checked with esbuild and Vite.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { build as esbuild } from "esbuild";
import { build as viteBuild, type Rollup } from "vite";

const root = resolve(import.meta.dirname, "../..");
const PEERS = ["react", "react-dom", "@tanstack/react-query", "msw"];
const isPeer = (id: string) => PEERS.some((peer) => id === peer || id.startsWith(`${peer}/`));

let app: string;

/**
 * The package as a user's app sees it: the built dist/ under node_modules/@flowiq/react
 * with the real package.json (whose "sideEffects" is what lets bundlers drop unused modules).
 */
test.beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), "flowiq-treeshake-"));
  const pkg = join(app, "node_modules", "@flowiq", "react");
  mkdirSync(pkg, { recursive: true });
  cpSync(join(root, "dist"), join(pkg, "dist"), { recursive: true });
  cpSync(join(root, "package.json"), join(pkg, "package.json"));
});

test.afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

type Bundle = { code: string; modules: string[] };

/** A production bundle of one import, with esbuild (peers external, minified, as size-limit does). */
async function bundleWithEsbuild(source: string): Promise<Bundle> {
  const result = await esbuild({
    stdin: { contents: source, resolveDir: app, loader: "js" },
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: "esm",
    platform: "browser",
    external: PEERS,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return { code: result.outputFiles[0]?.text ?? "", modules: Object.keys(output?.inputs ?? {}) };
}

/** The same with Vite (rolldown), as a Vite app's production build does it. */
async function bundleWithVite(source: string): Promise<Bundle> {
  const entry = join(app, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const output = (await viteBuild({
    configFile: false,
    root: app,
    logLevel: "silent",
    mode: "production",
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ["es"], fileName: "out" },
      rolldownOptions: { external: isPeer },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((out) => out.output).filter((item) => item.type === "chunk");
  return {
    code: chunks.map((chunk) => chunk.code).join("\n"),
    modules: chunks.flatMap((chunk) => Object.keys(chunk.modules)),
  };
}

const bundlers = [
  ["esbuild", bundleWithEsbuild],
  ["vite", bundleWithVite],
] as const;

/** Library modules in a bundle, as paths inside the package's dist/. */
function libraryModules(bundle: Bundle): string[] {
  return bundle.modules
    .map((id) => id.replace(/\\/g, "/"))
    .filter((id) => id.includes("@flowiq/react/dist/"))
    .map((id) => id.slice(id.indexOf("/dist/") + "/dist/".length));
}

for (const [name, bundle] of bundlers) {
  test(`an app that imports only the hook and the provider, bundled with ${name}, has no ContactCard code and no card class names`, async () => {
    const result = await bundle(`export { FlowIQProvider, useContact } from "@flowiq/react";`);

    const modules = libraryModules(result);
    expect(modules).toContain("react/useContact.js");
    expect(modules).toContain("react/FlowIQProvider.js");
    expect(modules.filter((id) => id.startsWith("components/"))).toEqual([]);
    expect(result.code).not.toMatch(/fiq-card|fiq-avatar|fiq-tag|ContactCard/);
  });

  test(`an app that imports the card, bundled with ${name}, contains the card (so the check above can fail)`, async () => {
    const result = await bundle(`export { FlowIQProvider, ContactCard } from "@flowiq/react";`);

    expect(libraryModules(result)).toContain("components/ContactCard/ContactCard.js");
    expect(result.code).toContain("fiq-card");
  });
}

test("a server module that imports @flowiq/react/server pulls in no React layer and no component code", async () => {
  const result = await bundleWithEsbuild(`export { getContact, prefetchContact, createContactRouteHandler } from "@flowiq/react/server";`);

  const modules = libraryModules(result);
  expect(modules).toContain("server/prefetchContact.js");
  expect(modules).toContain("server/createContactRouteHandler.js");
  expect(modules.filter((id) => id.startsWith("components/") || id.startsWith("react/"))).toEqual([]);
});

test("the package.json marks only stylesheets as having side effects, which the checks above rely on", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { sideEffects?: unknown };
  expect(pkg.sideEffects).toEqual(["*.css"]);
});
