// Bundle budgets (issue 6), measured on the built dist/ as an app's production
// build sees it: esbuild, minified, gzip, peers (react, react-dom,
// @tanstack/react-query, msw) left out, process.env.NODE_ENV = "production".
const production = (config) => ({
  ...config,
  define: { ...config.define, "process.env.NODE_ENV": '"production"' },
  logLevel: "error",
});

const check = (name, path, importNames, limit, modify = production) => ({
  name,
  path,
  ...(importNames ? { import: importNames } : {}),
  gzip: true,
  ...(limit ? { limit } : {}),
  modifyEsbuildConfig: modify,
});

// The batch client is loaded with import() the first time a provider with `batch` asks for a contact,
// so an app's bundler (Vite, webpack, Next.js) puts it in a chunk of its own that apps without `batch`
// never download. size-limit bundles without code splitting and would inline that chunk, so these
// checks load every dynamically imported module as an empty one: the import() and its loading code
// still count, the lazy chunk's contents do not. Static imports count as before.
const withoutLazyChunks = (config) => ({
  ...production(config),
  plugins: [
    ...(config.plugins ?? []),
    {
      name: "empty-lazy-chunks",
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: args.path, namespace: "lazy-chunk" } : undefined));
        build.onLoad({ filter: /.*/, namespace: "lazy-chunk" }, () => ({ contents: "export {};", loader: "js" }));
      },
    },
  ],
});

// Each budget is the size measured on 0.2 plus at most ~3% (see bench/CHANGES.md, "Bundle budgets", for 0.1's history).
module.exports = [
  // 6.62 kB measured in 0.3 (3.99 kB in 0.1 and 0.2): the client object (in-flight sharing, the batch default, the
  // one retry rule) +0.56 kB; the key redaction that catches escaped and encoded runs of a key, and the fetch that
  // holds its timeout whatever a custom fetch does, +1.3 kB (the browser's core is the proxy's core); the provider's
  // shared refresh tick and the tabs' BroadcastChannel, +0.7 kB. The fetch code lives here now, not in each component.
  check("FlowIQProvider + useContact", "dist/index.js", "{ FlowIQProvider, useContact }", "6.8 kB", withoutLazyChunks),
  // 7.96 kB measured: the above plus the lazily loaded batch chunk, which apps whose client batches download.
  check("FlowIQProvider + useContact with batch", "dist/index.js", "{ FlowIQProvider, useContact }", "8.2 kB"),
  // 12.70 kB measured (6.6 kB in 0.1, 9.07 in 0.2): 0.2's parts, display defaults, copy buttons, error titles and sentences, countdown and compact density; 0.3's client object, typed labels as data with session_refused's words, and the key redaction above;
  // then (+0.5 kB) the grid's off-screen mark (one shared IntersectionObserver) and the burst reveal that draws answers arriving together in one render.
  check("FlowIQProvider + useContact + ContactCard", "dist/index.js", "{ FlowIQProvider, useContact, ContactCard }", "12.9 kB", withoutLazyChunks),
  // 3.15 kB measured (3.03 kB in 0.2): the person glyph drawn in CSS, tags that keep "+N more" on their line, the grid's
  // off-screen rule for loading cards and cards marked data-offscreen, the hover card group.
  check("styles.css", "dist/styles.css", null, "3.2 kB"),
  // 3.97 kB measured (5.83 kB in 0.2): the English labels as plain data; the fetch code now comes with the provider's client.
  check("ContactChip", "dist/index.js", "{ ContactChip }", "4.1 kB", withoutLazyChunks),
  // 16.73 kB measured (16.23 kB in 0.2): chip + card + Floating UI (6.4 kB) + @radix-ui/react-slot for asChild (merged
  // handlers and refs) + useHoverCardState and its delay group. None of it reaches the chip's or the card's bundle.
  check("ContactHoverCard (Floating UI and Radix Slot included)", "dist/index.js", "{ ContactHoverCard }", "17.3 kB", withoutLazyChunks),
  // Reported, not budgeted.
  check("the whole client entry", "dist/index.js", "*", null),
  check("@flowiq/react/server (prefetchContact + createContactRouteHandler)", "dist/server.js", "{ prefetchContact, createContactRouteHandler }", null),
];
