// A stand-in for the app's real sign-in: proxy.ts gives each visitor a signed
// session cookie, and the contact route only serves requests that carry a
// valid one. In your app, check your own session (Auth.js, Clerk, iron-session…)
// the same way in `authorize`.
export const SESSION_COOKIE = "demo_session";

const encoder = new TextEncoder();

function secret(): string | undefined {
  const value = process.env.DEMO_SESSION_SECRET;
  return value && value.length >= 16 ? value : undefined;
}

function toBase64Url(bytes: ArrayBuffer): string {
  return Buffer.from(bytes).toString("base64url");
}

async function sign(id: string, key: string): Promise<string> {
  const hmac = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return toBase64Url(await crypto.subtle.sign("HMAC", hmac, encoder.encode(id)));
}

/** A new signed session token, or undefined when no secret is configured (then nobody gets in). */
export async function createSessionToken(): Promise<string | undefined> {
  const key = secret();
  if (!key) return undefined;
  const id = crypto.randomUUID();
  return `${id}.${await sign(id, key)}`;
}

/** True only for a token this server signed. */
export async function isValidSessionToken(token: string | undefined): Promise<boolean> {
  const key = secret();
  if (!key || !token) return false;
  const dot = token.indexOf(".");
  if (dot <= 0) return false;
  const id = token.slice(0, dot);
  const expected = await sign(id, key);
  const given = token.slice(dot + 1);
  // Constant-time comparison, so the signature cannot be guessed byte by byte.
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
