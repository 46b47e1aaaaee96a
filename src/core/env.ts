// Declared once here, so the declarations build needs no Node types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Whether development-only warnings run. Bundlers replace `process.env.NODE_ENV`,
 * so a production build drops the warnings and their text; a page with no
 * `process` at all (plain ESM in a browser) gets none either.
 */
export function isDevelopment(): boolean {
  return typeof process !== "undefined" && process.env.NODE_ENV !== "production";
}
