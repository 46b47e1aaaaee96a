export { buildContact } from "./msw/buildContact.js";
export { createContactHandlers, contactDigits } from "./msw/createContactHandlers.js";
export type { ContactHandlersOptions } from "./msw/createContactHandlers.js";
export { contactScenarios, createContactScenarios } from "./msw/contactScenarios.js";
export type { ContactScenarioName, ContactScenarios } from "./msw/contactScenarios.js";
export type { Contact } from "./core/types.js";
