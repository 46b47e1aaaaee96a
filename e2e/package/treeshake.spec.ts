// What an app's bundler keeps of the built package (dist/ from `npm run build`): importing the hook
// must not pull in the card, and the server entry no React layer. Checked with esbuild and Vite.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
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
  // The package's own dependencies (@floating-ui/dom), installed beside it as npm would.
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(dependencies)) {
    mkdirSync(dirname(join(app, "node_modules", name)), { recursive: true });
    symlinkSync(join(root, "node_modules", name), join(app, "node_modules", name), "dir");
  }
});

test.afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

type Bundle = { code: string; modules: string[] };

/** esbuild as an app's production build runs it (peers external, minified, as size-limit does). */
const ESBUILD_PRODUCTION = {
  bundle: true,
  write: false,
  metafile: true,
  minify: true,
  format: "esm",
  platform: "browser",
  external: PEERS,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "silent",
} as const;

/** A production bundle of one import, with esbuild (for a browser unless told: a server module is bundled for node). */
async function bundleWithEsbuild(source: string, platform: "browser" | "node" = "browser"): Promise<Bundle> {
  const result = await esbuild({ ...ESBUILD_PRODUCTION, platform, stdin: { contents: source, resolveDir: app, loader: "js" } });
  const output = Object.values(result.metafile.outputs)[0];
  return { code: result.outputFiles[0]?.text ?? "", modules: Object.keys(output?.inputs ?? {}) };
}

/** The chunks Vite (rolldown) makes of one import, as a Vite app's production build does. */
async function viteChunks(source: string): Promise<Rollup.OutputChunk[]> {
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
  return (Array.isArray(output) ? output : [output]).flatMap((out) => out.output).filter((item) => item.type === "chunk");
}

/** Chunks as one bundle: their code and the modules in them. */
const joinChunks = (chunks: Rollup.OutputChunk[]): Bundle => ({
  code: chunks.map((chunk) => chunk.code).join("\n"),
  modules: chunks.flatMap((chunk) => Object.keys(chunk.modules)),
});

/** A production bundle of one import, with Vite: all its chunks. */
async function bundleWithVite(source: string): Promise<Bundle> {
  return joinChunks(await viteChunks(source));
}

const bundlers = [
  ["esbuild", bundleWithEsbuild],
  ["vite", bundleWithVite],
] as const;

/** Library modules in a bundle, as paths inside the package's dist/. */
/** A bundle split as an app's bundler splits it: what the page loads first, and the chunks only an import() loads. */
type SplitBundle = { entry: Bundle; lazy: Bundle };

/** esbuild with code splitting (ESM output, as apps ship it). */
async function splitWithEsbuild(source: string): Promise<SplitBundle> {
  const entryFile = join(app, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entryFile, source);
  const result = await esbuild({ ...ESBUILD_PRODUCTION, entryPoints: [entryFile], splitting: true, outdir: join(app, "split-out") });
  const outputs = result.metafile.outputs;
  const eager = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined) as string);
  const pick = (paths: string[]): Bundle => ({
    // Metafile paths are relative to the working directory; output files' are absolute.
    code: result.outputFiles.filter((file) => paths.some((path) => resolve(path) === file.path)).map((file) => file.text).join("\n"),
    modules: paths.flatMap((path) => Object.keys(outputs[path]?.inputs ?? {})),
  });
  return { entry: pick([...eager]), lazy: pick(Object.keys(outputs).filter((path) => !eager.has(path))) };
}

/** Vite (rolldown) as an app's production build splits it. */
async function splitWithVite(source: string): Promise<SplitBundle> {
  const chunks = await viteChunks(source);
  const eager = new Set<Rollup.OutputChunk>();
  const visit = (chunk: Rollup.OutputChunk | undefined) => {
    if (!chunk || eager.has(chunk)) return;
    eager.add(chunk);
    for (const name of chunk.imports) visit(chunks.find((other) => other.fileName === name));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  return { entry: joinChunks([...eager]), lazy: joinChunks(chunks.filter((chunk) => !eager.has(chunk))) };
}

const splitters = [
  ["esbuild", splitWithEsbuild],
  ["vite", splitWithVite],
] as const;

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

for (const [name, split] of splitters) {
  test(`an app that imports only the hook and the provider, split into chunks by ${name}, loads the batch client only in a chunk of its own`, async () => {
    const { entry, lazy } = await split(`export { FlowIQProvider, useContact } from "@flowiq/react";`);

    expect(libraryModules(entry)).toContain("react/FlowIQProvider.js");
    expect(libraryModules(entry)).not.toContain("core/contactBatcher.js");
    // The batcher's own text (its fallback warning is dropped in production; its format check is not).
    expect(entry.code).not.toContain("batch format");
    expect(libraryModules(lazy)).toContain("core/contactBatcher.js");
    expect(lazy.code).toContain("batch format");
  });
}

for (const [name, bundle] of bundlers) {
  // Chip, hover card and Floating UI stay out of an app that does not import them, and are there when it does.
  test(`the 0.2 dashboard components, bundled with ${name}, stay out of an app that imports only the hook or only the card`, async () => {
    const isDashboardCode = (id: string) => /components\/(ContactChip|ContactHoverCard)\/|@floating-ui\//.test(id);
    const [hookOnly, cardOnly, hoverCard] = await Promise.all([
      bundle(`export { FlowIQProvider, useContact } from "@flowiq/react";`),
      bundle(`export { FlowIQProvider, ContactCard } from "@flowiq/react";`),
      bundle(`export { FlowIQProvider, ContactHoverCard } from "@flowiq/react";`),
    ]);
    for (const result of [hookOnly, cardOnly]) {
      expect(result.modules.filter(isDashboardCode)).toEqual([]);
      expect(result.code).not.toMatch(/fiq-chip|fiq-hovercard|ContactChip|ContactHoverCard/);
    }
    // The same checks find them when the app does import the hover card, so they can fail.
    expect(hoverCard.modules.filter(isDashboardCode).map((id) => id.replace(/^.*?(components\/|@floating-ui\/)/, "$1"))).toEqual(
      expect.arrayContaining([
        "components/ContactChip/ContactChip.js",
        "components/ContactHoverCard/ContactHoverCard.js",
        expect.stringMatching(/^@floating-ui\/dom\//),
        expect.stringMatching(/^@floating-ui\/core\//),
      ]),
    );
    expect(hoverCard.code).toMatch(/fiq-hovercard/);
  });
}

for (const [name, bundle] of bundlers) {
  // The chip draws the avatar and name parts and nothing else of the card: no states, details, copy buttons or Floating UI.
  test(`an app that imports only ContactChip, bundled with ${name}, has none of the card's other code`, async () => {
    const isCardOnly = (id: string) =>
      /components\/(ContactCard\/(ContactCard|ContactCardView|ContactCardNotice|ContactCardSkeleton|RetryCountdown)|ContactParts\/(ContactDetails|ContactBadges|ContactTags|ContactSummary|CopyButton))\.js$|@floating-ui\//.test(id);
    const [chipOnly, hoverCard] = await Promise.all([
      bundle(`export { ContactChip, ContactChipView } from "@flowiq/react";`),
      bundle(`export { ContactHoverCard } from "@flowiq/react";`),
    ]);
    expect(libraryModules(chipOnly)).toEqual(expect.arrayContaining(["components/ContactParts/ContactAvatar.js", "components/ContactParts/ContactName.js"]));
    expect(chipOnly.modules.filter(isCardOnly)).toEqual([]);
    expect(chipOnly.code).not.toMatch(/fiq-copy|fiq-details|fiq-card__message|fiq-hovercard/);
    // The hover card does hold the card, so the same checks can fail.
    expect(hoverCard.modules.filter(isCardOnly).length).toBeGreaterThan(0);
    expect(hoverCard.code).toMatch(/fiq-copy/);
  });
}

test("a server module that imports @flowiq/react/server pulls in no React layer and no component code", async () => {
  const result = await bundleWithEsbuild(`export { getContact, prefetchContact, createContactRouteHandler } from "@flowiq/react/server";`, "node");

  const modules = libraryModules(result);
  expect(modules).toContain("server/prefetchContact.js");
  expect(modules).toContain("server/createContactRouteHandler.js");
  expect(modules.filter((id) => id.startsWith("components/") || id.startsWith("react/"))).toEqual([]);
});

test("@flowiq/react/server bundled for a browser is refused: server-only for Next.js, and a clear error the moment it loads", async () => {
  const [browser, server] = await Promise.all([
    bundleWithEsbuild(`import { createContactRouteHandler } from "@flowiq/react/server"; export const route = createContactRouteHandler;`).catch(
      (error: unknown) => ({ code: "", modules: [], error }),
    ),
    bundleWithEsbuild(`export { createContactRouteHandler } from "@flowiq/react/server";`, "node"),
  ]);
  // esbuild has no export of that name in the browser entry: the build itself fails...
  expect("error" in browser ? String(browser.error) : "built").toMatch(/No matching export|createContactRouteHandler/);
  // ...and an import for its side effects alone carries none of the server code, only the refusal.
  const bare = await bundleWithEsbuild(`import "@flowiq/react/server";`);
  expect(libraryModules(bare)).toEqual(["server.browser.js"]);
  expect(bare.modules.some((id) => id.includes("node_modules/server-only/"))).toBe(true);
  expect(bare.code).toContain("is for server code only");
  expect(bare.code).not.toMatch(/Authorization|createContactRouteHandler/);
  // A server (node) bundle is the real entry, with no such refusal in it: the check above can fail.
  expect(libraryModules(server)).toContain("server/createContactRouteHandler.js");
  expect(server.code).not.toContain("is for server code only");
});

test("the package.json marks only stylesheets (and the server entry's browser refusal) as having side effects, which the checks above rely on", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { sideEffects?: unknown };
  // And the server entry's browser stand-in, whose whole point is its side effect: refusing to load.
  expect(pkg.sideEffects).toEqual(["*.css", "./dist/server.browser.js"]);
});
