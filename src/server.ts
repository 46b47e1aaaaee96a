// Server-safe: no "use client", no React components, no browser globals at import.
export { getContact } from "./core/getContact.js";
export type { GetContactOptions } from "./core/getContact.js";
export { prefetchContact } from "./server/prefetchContact.js";
export { prefetchContacts } from "./server/prefetchContacts.js";
export { createContactRouteHandler } from "./server/createContactRouteHandler.js";
export type { ContactRouteHandler, ContactRouteHandlerOptions } from "./server/createContactRouteHandler.js";
export type { ContactCacheOptions } from "./server/teamLookup.js";
export type { ContactStore } from "./server/contactStore.js";
export type { CallerLimitOptions } from "./server/callerLimit.js";
export { toNodeHandler } from "./server/toNodeHandler.js";
export type { FetchRouteHandler, NodeRequest, NodeResponse, NodeRouteHandler } from "./server/toNodeHandler.js";
export { FlowIQError, isFlowIQError } from "./core/FlowIQError.js";
export type { FlowIQErrorCode } from "./core/FlowIQError.js";
export { normalizeLookup } from "./core/normalizeLookup.js";
export type { ContactBatchResponse, ContactBatchResult } from "./core/contactBatchWire.js";
export { contactQueryKey } from "./core/contactQuery.js";
export type { Contact, ContactLookup, ContactSource, ContactLocation, BotStatus, FlowIQConfig } from "./core/types.js";
