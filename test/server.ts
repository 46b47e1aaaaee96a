import { http, passthrough } from "msw";
import { setupServer } from "msw/node";

/** One MSW server for every unit test; each test adds its own handlers with server.use(). */
export const server = setupServer();

/** Lets requests to a local server (the stand-in API) through to the real network. */
export const toLocalServers = http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough());
