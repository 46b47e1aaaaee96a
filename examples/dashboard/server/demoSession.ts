import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const COOKIE = "flowiq_demo_session";

/**
 * A stand-in for the app's sign-in: every page load gets a session cookie
 * (HttpOnly, SameSite=Strict) holding a secret made when the server starts,
 * and the contact route's `authorize` lets through only requests that carry
 * it. In your app, check your own session there (Auth.js, Clerk, iron-session…).
 */
export function createDemoSession() {
  const secret = randomBytes(24).toString("base64url");
  const expected = Buffer.from(secret);
  return {
    /** Connect middleware: hands the cookie to whoever loads a page. */
    issue(request: IncomingMessage, response: ServerResponse, next: () => void) {
      if (request.method === "GET" && /text\/html/.test(request.headers.accept ?? "")) {
        response.setHeader("Set-Cookie", `${COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict`);
      }
      next();
    },
    /** For `createContactRouteHandler({ authorize })`: true only for a request carrying this server's session. */
    authorize(request: Request): boolean {
      const cookie = (request.headers.get("cookie") ?? "").split(/;\s*/).find((pair) => pair.startsWith(`${COOKIE}=`));
      const given = Buffer.from(cookie?.slice(COOKIE.length + 1) ?? "");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
