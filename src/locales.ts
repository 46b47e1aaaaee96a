// @flowiq/react/locales: complete label sets for the contact components, one per language.
// Import only the ones you use; each is a full ContactCardLabels (pass it as `labels`, or to
// <ContactDisplayProvider labels={…}>). No "use client": plain data, usable on the server too.
export { de } from "./locales/de.js";
export { es } from "./locales/es.js";
export { fr } from "./locales/fr.js";
export { ptBR } from "./locales/ptBR.js";
export { ar } from "./locales/ar.js";
export type { ContactCardLabels } from "./components/ContactDisplay/labels.js";
