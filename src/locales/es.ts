import type { ContactCardLabels } from "../components/ContactDisplay/labels.js";

/**
 * Spanish labels for every contact component.
 * @example
 * import { es } from "@flowiq/react/locales";
 * <ContactCard phoneNumber="+27 12 345 6789" labels={es} locale="es-ES" />
 */
export const es: ContactCardLabels = {
  language: "es",
  separator: ", ",
  loading: "Cargando contacto…",
  notFound: "Ningún contacto de FlowIQ tiene este número todavía.",
  unknownContact: "Contacto desconocido",
  status: "Estado",
  botStatuses: { active: "Bot activo", paused: "Bot en pausa", inactive: "Bot apagado" },
  botStatusOther: "Bot: {status}",
  blocked: "Bloqueado",
  archived: "Archivado",
  broadcastOptOut: "Sin difusiones",
  online: "En línea",
  unread: "Mensajes sin leer",
  phone: "Teléfono",
  whatsapp: "WhatsApp",
  whatsappLink: "{number} en WhatsApp",
  whatsappChat: "Abrir chat",
  email: "Correo electrónico",
  copy: "Copiar {value}",
  copied: "Copiado",
  copyFailed: "No se pudo copiar",
  tags: "Etiquetas",
  moreTags: { other: "+{count} más" },
  fewerTags: "Mostrar menos",
  source: "Origen",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "Importación" },
  sourceTypeOther: "{type}",
  location: "Ubicación",
  added: "Añadido",
  summary: "Resumen",
  summaryUpdated: "Actualizado el {date}",
  retry: "Reintentar",
  retryingIn: "Nuevo intento en {time}",
  errors: {
    config: { title: "Contactos sin configurar", sentence: "Esta aplicación aún no está conectada a FlowIQ. Pide a tu administrador que termine la configuración." },
    invalid_lookup: { title: "No es un número de teléfono", sentence: "Esto no parece un número de teléfono, así que no hay ningún contacto que buscar." },
    session_refused: { title: "Tu sesión ha terminado", sentence: "Vuelve a iniciar sesión para ver este contacto." },
    unauthorized: { title: "Se rechazó la clave de FlowIQ de esta aplicación", sentence: "Pide a quien gestiona esta aplicación que revise su clave de la API de FlowIQ." },
    forbidden: { title: "Sin acceso a este contacto", sentence: "Tu espacio de trabajo no puede ver este contacto. Pide acceso a tu administrador." },
    rate_limited: { title: "Demasiadas búsquedas", sentence: "FlowIQ está atendiendo muchas solicitudes en este momento." },
    server: { title: "FlowIQ tuvo un problema", sentence: "Algo salió mal en FlowIQ. Vuelve a intentarlo en un momento." },
    network: { title: "No se puede conectar con FlowIQ", sentence: "Comprueba tu conexión a internet y vuelve a intentarlo." },
    timeout: { title: "FlowIQ tarda en responder", sentence: "La búsqueda tardó demasiado. Vuelve a intentarlo en un momento." },
    invalid_response: { title: "No se pudo cargar el contacto", sentence: "No se pudo leer la respuesta de FlowIQ. Si vuelve a pasar, avisa a tu administrador." },
  },
  unknownContactHint: "Contacto desconocido",
  hoverCardLabel: "{name}",
};
