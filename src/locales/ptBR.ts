import type { ContactCardLabels } from "../components/ContactDisplay/labels.js";

/**
 * Brazilian Portuguese labels for every contact component.
 * @example
 * import { ptBR } from "@flowiq/react/locales";
 * <ContactCard phoneNumber="+27 12 345 6789" labels={ptBR} locale="pt-BR" />
 */
export const ptBR: ContactCardLabels = {
  language: "pt-BR",
  separator: ", ",
  loading: "Carregando contato…",
  notFound: "Nenhum contato do FlowIQ tem este número ainda.",
  unknownContact: "Contato desconhecido",
  status: "Status",
  botStatuses: { active: "Bot ativo", paused: "Bot pausado", inactive: "Bot desligado" },
  botStatusOther: "Bot: {status}",
  blocked: "Bloqueado",
  archived: "Arquivado",
  broadcastOptOut: "Sem transmissões",
  online: "Online",
  unread: "Mensagens não lidas",
  phone: "Telefone",
  whatsapp: "WhatsApp",
  whatsappLink: "{number} no WhatsApp",
  whatsappChat: "Abrir conversa",
  email: "E-mail",
  copy: "Copiar {value}",
  copied: "Copiado",
  copyFailed: "Não foi possível copiar",
  tags: "Etiquetas",
  moreTags: { one: "+{count} outra", other: "+{count} outras" },
  fewerTags: "Mostrar menos",
  source: "Origem",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "Importação" },
  sourceTypeOther: "{type}",
  location: "Local",
  added: "Adicionado",
  summary: "Resumo",
  summaryUpdated: "Atualizado em {date}",
  retry: "Tentar novamente",
  retryingIn: "Nova tentativa em {time}",
  errors: {
    config: { title: "Contatos não configurados", sentence: "Este aplicativo ainda não está conectado ao FlowIQ. Peça ao seu administrador para concluir a configuração." },
    invalid_lookup: { title: "Não é um número de telefone", sentence: "Isto não parece um número de telefone, então não há contato para buscar." },
    session_refused: { title: "Sua sessão terminou", sentence: "Entre novamente para ver este contato." },
    unauthorized: { title: "A chave do FlowIQ deste aplicativo foi recusada", sentence: "Peça a quem administra este aplicativo para verificar a chave de API do FlowIQ." },
    forbidden: { title: "Sem acesso a este contato", sentence: "Seu espaço de trabalho não pode ver este contato. Peça acesso ao seu administrador." },
    rate_limited: { title: "Buscas demais", sentence: "O FlowIQ está atendendo muitas solicitações agora." },
    server: { title: "O FlowIQ teve um problema", sentence: "Algo deu errado no FlowIQ. Tente novamente em instantes." },
    network: { title: "Não foi possível acessar o FlowIQ", sentence: "Verifique sua conexão com a internet e tente novamente." },
    timeout: { title: "O FlowIQ está demorando", sentence: "A busca demorou demais. Tente novamente em instantes." },
    invalid_response: { title: "Não foi possível carregar o contato", sentence: "Não foi possível ler a resposta do FlowIQ. Se isso continuar, avise o seu administrador." },
  },
  unknownContactHint: "Contato desconhecido",
  hoverCardLabel: "{name}",
};
