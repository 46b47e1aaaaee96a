import type { ContactCardLabels } from "../components/ContactDisplay/labels.js";

/**
 * German labels for every contact component.
 * @example
 * import { de } from "@flowiq/react/locales";
 * <ContactCard phoneNumber="+27 12 345 6789" labels={de} locale="de-DE" />
 */
export const de: ContactCardLabels = {
  language: "de",
  separator: ", ",
  loading: "Kontakt wird geladen …",
  notFound: "In FlowIQ gibt es noch keinen Kontakt mit dieser Nummer.",
  unknownContact: "Unbekannter Kontakt",
  status: "Status",
  botStatuses: { active: "Bot aktiv", paused: "Bot pausiert", inactive: "Bot aus" },
  botStatusOther: "Bot: {status}",
  blocked: "Blockiert",
  archived: "Archiviert",
  broadcastOptOut: "Keine Rundsendungen",
  online: "Online",
  unread: "Ungelesene Nachrichten",
  phone: "Telefon",
  whatsapp: "WhatsApp",
  whatsappLink: "{number} auf WhatsApp",
  whatsappChat: "Chat öffnen",
  email: "E-Mail",
  copy: "{value} kopieren",
  copied: "Kopiert",
  copyFailed: "Kopieren nicht möglich",
  tags: "Schlagwörter",
  moreTags: { one: "+{count} weiteres", other: "+{count} weitere" },
  fewerTags: "Weniger anzeigen",
  source: "Quelle",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "Import" },
  sourceTypeOther: "{type}",
  location: "Ort",
  added: "Hinzugefügt",
  summary: "Zusammenfassung",
  summaryUpdated: "Aktualisiert am {date}",
  retry: "Erneut versuchen",
  retryingIn: "Neuer Versuch in {time}",
  errors: {
    config: { title: "Kontakte sind nicht eingerichtet", sentence: "Diese App ist noch nicht mit FlowIQ verbunden. Bitten Sie Ihre Administration, die Einrichtung abzuschließen." },
    invalid_lookup: { title: "Keine Telefonnummer", sentence: "Das sieht nicht nach einer Telefonnummer aus, daher lässt sich kein Kontakt nachschlagen." },
    session_refused: { title: "Ihre Sitzung ist abgelaufen", sentence: "Melden Sie sich erneut an, um diesen Kontakt zu sehen." },
    unauthorized: { title: "Der FlowIQ-Schlüssel dieser App wurde abgelehnt", sentence: "Bitten Sie die Betreiber dieser App, ihren FlowIQ-API-Schlüssel zu prüfen." },
    forbidden: { title: "Kein Zugriff auf diesen Kontakt", sentence: "Ihr Arbeitsbereich darf diesen Kontakt nicht sehen. Bitten Sie Ihre Administration um Zugriff." },
    rate_limited: { title: "Zu viele Abfragen", sentence: "FlowIQ bearbeitet gerade sehr viele Anfragen." },
    server: { title: "Problem bei FlowIQ", sentence: "Bei FlowIQ ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal." },
    network: { title: "FlowIQ nicht erreichbar", sentence: "Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut." },
    timeout: { title: "FlowIQ antwortet langsam", sentence: "Die Abfrage hat zu lange gedauert. Versuchen Sie es gleich noch einmal." },
    invalid_response: { title: "Kontakt konnte nicht geladen werden", sentence: "Die Antwort von FlowIQ war nicht lesbar. Wenn das öfter passiert, informieren Sie Ihre Administration." },
  },
  unknownContactHint: "Unbekannter Kontakt",
  hoverCardLabel: "{name}",
};
