import type { ContactCardLabels } from "../components/ContactDisplay/labels.js";

/**
 * Arabic labels for every contact component (lay the page out right to left, `dir="rtl"`).
 * @example
 * import { ar } from "@flowiq/react/locales";
 * <div dir="rtl"><ContactCard phoneNumber="+27 12 345 6789" labels={ar} locale="ar" /></div>
 */
export const ar: ContactCardLabels = {
  language: "ar",
  separator: "، ",
  loading: "جارٍ تحميل جهة الاتصال…",
  notFound: "لا توجد جهة اتصال في FlowIQ بهذا الرقم بعد.",
  unknownContact: "جهة اتصال غير معروفة",
  status: "الحالة",
  botStatuses: { active: "الروبوت نشط", paused: "الروبوت متوقف مؤقتًا", inactive: "الروبوت معطّل" },
  botStatusOther: "الروبوت: {status}",
  blocked: "محظور",
  archived: "مؤرشف",
  broadcastOptOut: "لا يستقبل الرسائل الجماعية",
  online: "متصل الآن",
  unread: "رسائل غير مقروءة",
  phone: "الهاتف",
  whatsapp: "واتساب",
  whatsappLink: "{number} على واتساب",
  whatsappChat: "فتح المحادثة",
  email: "البريد الإلكتروني",
  copy: "نسخ {value}",
  copied: "تم النسخ",
  copyFailed: "تعذّر النسخ",
  tags: "الوسوم",
  moreTags: { one: "+{count} وسم آخر", two: "+{count} وسمان آخران", few: "+{count} وسوم أخرى", many: "+{count} وسمًا آخر", other: "+{count} وسم آخر" },
  fewerTags: "عرض أقل",
  source: "المصدر",
  sourceTypes: { api: "API", whatsapp: "واتساب", import: "استيراد" },
  sourceTypeOther: "{type}",
  location: "الموقع",
  added: "تاريخ الإضافة",
  summary: "الملخص",
  summaryUpdated: "آخر تحديث {date}",
  retry: "إعادة المحاولة",
  retryingIn: "إعادة المحاولة خلال {time}",
  errors: {
    config: { title: "جهات الاتصال غير مُعدّة", sentence: "هذا التطبيق غير متصل بـ FlowIQ بعد. اطلب من المسؤول إكمال الإعداد." },
    invalid_lookup: { title: "ليس رقم هاتف", sentence: "لا يبدو هذا رقم هاتف، لذلك لا توجد جهة اتصال للبحث عنها." },
    session_refused: { title: "انتهت جلستك", sentence: "سجّل الدخول مرة أخرى لعرض جهة الاتصال هذه." },
    unauthorized: { title: "رُفض مفتاح FlowIQ الخاص بهذا التطبيق", sentence: "اطلب من القائمين على هذا التطبيق التحقق من مفتاح واجهة FlowIQ البرمجية." },
    forbidden: { title: "لا يمكن الوصول إلى جهة الاتصال هذه", sentence: "لا تملك مساحة عملك إذنًا لعرض جهة الاتصال هذه. اطلب الإذن من المسؤول." },
    rate_limited: { title: "عمليات بحث كثيرة جدًا", sentence: "يتعامل FlowIQ مع طلبات كثيرة الآن." },
    server: { title: "حدثت مشكلة في FlowIQ", sentence: "حدث خطأ لدى FlowIQ. حاول مرة أخرى بعد قليل." },
    network: { title: "تعذّر الوصول إلى FlowIQ", sentence: "تحقق من اتصالك بالإنترنت، ثم حاول مرة أخرى." },
    timeout: { title: "FlowIQ بطيء في الرد", sentence: "استغرق البحث وقتًا طويلًا. حاول مرة أخرى بعد قليل." },
    invalid_response: { title: "تعذّر تحميل جهة الاتصال", sentence: "تعذّرت قراءة رد FlowIQ. إذا تكرر ذلك، فأبلغ المسؤول." },
  },
  unknownContactHint: "جهة اتصال غير معروفة",
  hoverCardLabel: "{name}",
};
