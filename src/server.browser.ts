// What a browser bundle gets for `@flowiq/react/server` (the package's "browser"
// export condition): the server entry holds the API key's code paths, so a client
// bundle must never carry it. `server-only` makes Next.js fail the build with its
// own message; other bundlers fail the build on any name imported from here (this
// module exports none of the server's), and a bare import fails as soon as it loads.
import "server-only";

/** The only export here, so that no bundler finds `getContact`, `createContactRouteHandler` or the rest. */
export const serverOnlyEntry = "@flowiq/react/server";

throw new Error(
  "[@flowiq/react] @flowiq/react/server is for server code only (Server Components, route handlers, loaders) " +
    "and was bundled for a browser. Import hooks and components from @flowiq/react, and keep the API key on the server.",
);
