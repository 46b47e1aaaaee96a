// A FlowIQ API stand-in for scripts/test-nextjs.mjs: node:http on 127.0.0.1
// (random port), answering GET /contact in the reference's shapes, requiring
// the Bearer key, and recording every request so the test can count them.
import { createServer } from "node:http";

const digitsOf = (value) => (value ?? "").replace(/\D/g, "").replace(/^00/, "");

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/**
 * @param {{ apiKey: string, tenantId: string, contacts: Array<Record<string, unknown>> }} options
 * @returns {Promise<{ origin: string, requests: Array<{ method: string, path: string, tenantId: string | null, param: string | null, digits: string, authorized: boolean, status: number }>, close: () => Promise<void> }>}
 */
export async function startFlowIQStandIn({ apiKey, tenantId, contacts }) {
  const requests = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const params = url.searchParams;
    const phone = params.get("phone_number");
    const whatsapp = params.get("whatsapp_id");
    const record = {
      method: request.method ?? "",
      path: url.pathname,
      tenantId: params.get("tenantId"),
      param: phone !== null ? "phone_number" : whatsapp !== null ? "whatsapp_id" : null,
      digits: digitsOf(phone ?? whatsapp),
      authorized: request.headers.authorization === `Bearer ${apiKey}`,
      status: 0,
    };
    requests.push(record);
    const reply = (status, body, headers) => {
      record.status = status;
      send(response, status, body, headers);
    };
    if (request.method !== "GET" || url.pathname !== "/contact") {
      return reply(404, { error: "Not found", message: `No route ${request.method} ${url.pathname}` });
    }
    if (!record.authorized) return reply(401, { error: "Unauthorized", message: "Invalid or missing API key" });
    if (record.tenantId !== tenantId) return reply(403, { error: "Forbidden", message: "This key cannot read that tenant" });
    if ((phone === null) === (whatsapp === null) || !record.digits) {
      return reply(400, { error: "Bad request", message: "Provide either phone_number or whatsapp_id" });
    }
    const contact = contacts.find(
      (candidate) => digitsOf(candidate.phone_number) === record.digits || digitsOf(candidate.whatsapp_id) === record.digits,
    );
    if (!contact) {
      return reply(404, { error: "Contact not found", message: `No contact found with phone number ${record.digits}` });
    }
    return reply(200, { success: true, contact });
  });
  // Keep-alive sockets from Next's fetch would otherwise hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
