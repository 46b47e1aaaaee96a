// Next.js 16 "proxy" (formerly middleware): hands every visitor of a page a
// signed demo session cookie, which the contact route's `authorize` checks.
import { NextResponse, type NextRequest } from "next/server";
import { createSessionToken, isValidSessionToken, SESSION_COOKIE } from "./lib/session";

export async function proxy(request: NextRequest) {
  const response = NextResponse.next();
  if (await isValidSessionToken(request.cookies.get(SESSION_COOKIE)?.value)) return response;
  const token = await createSessionToken();
  if (token) {
    response.cookies.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
    });
  }
  return response;
}

export const config = {
  // Pages only: the API route must not mint sessions for whoever calls it.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
