import type { ContactCardLabels } from "../components/ContactDisplay/labels.js";

/**
 * French labels for every contact component.
 * @example
 * import { fr } from "@flowiq/react/locales";
 * <ContactCard phoneNumber="+27 12 345 6789" labels={fr} locale="fr-FR" />
 */
export const fr: ContactCardLabels = {
  language: "fr",
  separator: ", ",
  loading: "Chargement du contact…",
  notFound: "Aucun contact FlowIQ n'a encore ce numéro.",
  unknownContact: "Contact inconnu",
  status: "Statut",
  botStatuses: { active: "Bot actif", paused: "Bot en pause", inactive: "Bot désactivé" },
  botStatusOther: "Bot : {status}",
  blocked: "Bloqué",
  archived: "Archivé",
  broadcastOptOut: "Pas de diffusions",
  online: "En ligne",
  unread: "Messages non lus",
  phone: "Téléphone",
  whatsapp: "WhatsApp",
  whatsappLink: "{number} sur WhatsApp",
  whatsappChat: "Ouvrir la discussion",
  email: "E-mail",
  copy: "Copier {value}",
  copied: "Copié",
  copyFailed: "Copie impossible",
  tags: "Étiquettes",
  moreTags: { one: "+{count} autre", other: "+{count} autres" },
  fewerTags: "Afficher moins",
  source: "Source",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "Importation" },
  sourceTypeOther: "{type}",
  location: "Lieu",
  added: "Ajouté",
  summary: "Résumé",
  summaryUpdated: "Mis à jour le {date}",
  retry: "Réessayer",
  retryingIn: "Nouvel essai dans {time}",
  errors: {
    config: { title: "Contacts non configurés", sentence: "Cette application n'est pas encore connectée à FlowIQ. Demandez à votre administrateur de terminer la configuration." },
    invalid_lookup: { title: "Numéro de téléphone non valide", sentence: "Ceci ne ressemble pas à un numéro de téléphone : il n'y a aucun contact à rechercher." },
    session_refused: { title: "Votre session a expiré", sentence: "Reconnectez-vous pour voir ce contact." },
    unauthorized: { title: "La clé FlowIQ de cette application a été refusée", sentence: "Demandez aux responsables de cette application de vérifier sa clé d'API FlowIQ." },
    forbidden: { title: "Pas d'accès à ce contact", sentence: "Votre espace de travail ne peut pas voir ce contact. Demandez l'accès à votre administrateur." },
    rate_limited: { title: "Trop de recherches", sentence: "FlowIQ traite de nombreuses demandes en ce moment." },
    server: { title: "FlowIQ a rencontré un problème", sentence: "Un incident est survenu chez FlowIQ. Réessayez dans un instant." },
    network: { title: "FlowIQ est injoignable", sentence: "Vérifiez votre connexion Internet, puis réessayez." },
    timeout: { title: "FlowIQ met du temps à répondre", sentence: "La recherche a pris trop de temps. Réessayez dans un instant." },
    invalid_response: { title: "Impossible de charger le contact", sentence: "La réponse de FlowIQ est illisible. Si cela se reproduit, prévenez votre administrateur." },
  },
  unknownContactHint: "Contact inconnu",
  hoverCardLabel: "{name}",
};
