import { createServer, type Server } from "node:http";

/**
 * A counting stand-in of the FlowIQ API on a free 127.0.0.1 port: `GET /contact?tenantId&phone_number`
 * answers a contact named after its tenant and digits (so a tenant's answer in another tenant's
 * page would show), after `delayMs`; numbers ending in 9 are the documented 404. `limit(tenant, s)`
 * makes that tenant's next answer a 429 with `Retry-After: s`.
 */
export async function startCountingApi({ delayMs = 25 } = {}) {
  const calls = new Map<string, number>();
  const limited = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const tenant = url.searchParams.get("tenantId") ?? "";
    const digits = url.searchParams.get("phone_number") ?? url.searchParams.get("whatsapp_id") ?? "";
    const key = `${tenant}:${digits}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    setTimeout(() => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        response.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
      const retryAfter = limited.get(tenant);
      if (retryAfter !== undefined) {
        limited.delete(tenant);
        return send(429, { error: "Too many requests" }, { "Retry-After": retryAfter });
      }
      if (digits.endsWith("9")) return send(404, { error: "Contact not found", message: `No contact found with phone number ${digits}` });
      send(200, {
        success: true,
        contact: { id: `c-${tenant}-${digits}`, full_name: `${tenant} ${digits.slice(-4)}`, phone_number: `+${digits}`, tags: [] },
      });
    }, delayMs);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Calls for one tenant, in all. */
    total: (tenant?: string) =>
      [...calls.entries()].filter(([key]) => tenant === undefined || key.startsWith(`${tenant}:`)).reduce((sum, [, n]) => sum + n, 0),
    /** The most calls any one contact of the tenant cost. */
    most: (tenant: string) => Math.max(0, ...[...calls.entries()].filter(([key]) => key.startsWith(`${tenant}:`)).map(([, n]) => n)),
    limit: (tenant: string, retryAfter: string) => limited.set(tenant, retryAfter),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
