// The README's Next.js section as a new user follows it: its files, copied as written into an app of
// their own, build with `next build`, and the app started against the stand-in API serves the
// prefetched contact in its HTML. Runs after example.spec.ts (which installs the example's packages).
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { NEXTJS, PORTS } from "../../playwright.config.js";
import { buildReadmeApp, readmeApp } from "../../scripts/readme-nextjs.mjs";

test.setTimeout(300_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test.afterAll(() => {
  rmSync(readmeApp, { recursive: true, force: true });
});

test("the README's Next.js files build as written, and serve the prefetched contact from the stand-in", async () => {
  const { files } = buildReadmeApp();
  expect(files.sort()).toEqual([".env.local", "app/api/flowiq/[...path]/route.ts", "app/layout.tsx", "app/page.tsx", "app/providers.tsx", "lib/flowiq.ts"]);
  expect(existsSync(join(readmeApp, ".next/BUILD_ID"))).toBe(true);

  const port = await freePort();
  // The environment wins over .env.local: point the app at this run's stand-in.
  const app = spawn(process.execPath, [join(readmeApp, "../node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: readmeApp,
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      FLOWIQ_TENANT_ID: NEXTJS.tenant,
      FLOWIQ_API_KEY: NEXTJS.apiKey,
      FLOWIQ_BASE_URL: `http://127.0.0.1:${PORTS.nextjsApi}`,
    },
  });
  try {
    let html = "";
    await expect(async () => {
      html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    }).toPass({ timeout: 60_000 });
    expect(html).toContain("Ada Lovelace");
    expect(html).not.toContain(NEXTJS.apiKey);
  } finally {
    if (app.pid) process.kill(-app.pid);
  }
});
