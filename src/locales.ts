// @flowiq/react/locales: complete label sets for the contact components, one per language.
// Import only the ones you use; each is a full ContactCardLabels (pass it as `labels`, or to
// <ContactDisplayProvider labels={…}>). No "use client" and no functions: plain data, so a server
// component can hand one to a client component as a prop.
export { de } from "./locales/de.js";
export { es } from "./locales/es.js";
export { fr } from "./locales/fr.js";
export { ptBR } from "./locales/ptBR.js";
export { ar } from "./locales/ar.js";
export type { ContactCardLabels, ContactErrorLabel, ContactPluralLabel } from "./components/ContactDisplay/labels.js";
