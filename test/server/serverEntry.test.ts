// @vitest-environment node
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const entry = resolve(root, "src/server.ts");

/** Every module @flowiq/react/server loads at run time (type-only imports are erased, so skipped). */
function runtimeGraph(start: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(file, "utf8");
    const imports = source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["']/gm);
    for (const [, , typeOnly, specifier] of imports) {
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")));
      else packages.add(specifier);
    }
  };
  visit(start);
  return { modules: [...modules].map((file) => relative(root, file)), packages: [...packages] };
}

describe("the @flowiq/react/server entry", () => {
  it("has no \"use client\" directive in any module it loads", () => {
    for (const file of runtimeGraph(entry).modules) {
      expect(readFileSync(resolve(root, file), "utf8"), file).not.toMatch(/^\s*["']use client["']/m);
    }
  });

  it("loads nothing from the React layer, the components or MSW, and no package at all", () => {
    const { modules, packages } = runtimeGraph(entry);
    expect(modules).toContain("src/server/createContactRouteHandler.ts");
    expect(modules.filter((file) => /^src\/(react|components|msw)\//.test(file))).toEqual([]);
    expect(packages).toEqual([]);
  });

  it("imports where there is no window or document, and names the server API", async () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    const server = await import("../../src/server.js");
    expect(Object.keys(server).sort()).toEqual(
      [
        "FlowIQError",
        "RETRYABLE_CODES",
        "contactQueryKey",
        "createContactRouteHandler",
        "createFlowIQClient",
        "getContact",
        "isFlowIQError",
        "isRetryableCode",
        "normalizeLookup",
        "prefetchContact",
        "prefetchContacts",
      ].sort(),
    );
  });
});
