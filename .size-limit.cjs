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
  // 4.01 kB measured (3.99 kB in 0.2): the shared retryable-code list and the session_refused code in the error module.
  check("FlowIQProvider + useContact", "dist/index.js", "{ FlowIQProvider, useContact }", "4.1 kB", withoutLazyChunks),
  // 5.19 kB measured: the above plus the lazily loaded batch chunk, which only apps with `batch` on download.
  check("FlowIQProvider + useContact with batch", "dist/index.js", "{ FlowIQProvider, useContact }", "5.3 kB"),
  // 9.41 kB measured (9.07 kB in 0.2): labels as plain data (placeholders, plural forms, grouped merge), session_refused's words, one split of display props.
  check("FlowIQProvider + useContact + ContactCard", "dist/index.js", "{ FlowIQProvider, useContact, ContactCard }", "9.7 kB", withoutLazyChunks),
  // 3.03 kB measured: the card's states, compact density and grid, the chip and the hover card, light and dark.
  check("styles.css", "dist/styles.css", null, "3.1 kB"),
  // 6.04 kB measured (5.83 kB in 0.2): the English labels as plain data with every error's words; none of the card's other code.
  check("ContactChip", "dist/index.js", "{ ContactChip }", "6.2 kB", withoutLazyChunks),
  // 18.52 kB measured (16.23 kB in 0.2): chip + card + Floating UI (6.4 kB) + @radix-ui/react-slot for asChild (merged
  // handlers and refs) + useHoverCardState and its delay group. None of it reaches the chip's or the card's bundle.
  check("ContactHoverCard (Floating UI and Radix Slot included)", "dist/index.js", "{ ContactHoverCard }", "19 kB", withoutLazyChunks),
  // Reported, not budgeted.
  check("the whole client entry", "dist/index.js", "*", null),
  check("@flowiq/react/server (prefetchContact + createContactRouteHandler)", "dist/server.js", "{ prefetchContact, createContactRouteHandler }", null),
];
