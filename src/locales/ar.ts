import type { ContactCardLabels } from "../components/ContactCard/labels.js";
import { known, plural } from "./helpers.js";

/**
 * Arabic labels for every contact component (lay the page out right to left, `dir="rtl"`).
 * @example
 * import { ar } from "@flowiq/react/locales";
 * <div dir="rtl"><ContactCard phoneNumber="+27 12 345 6789" labels={ar} locale="ar" /></div>
 */
export const ar: ContactCardLabels = {
  loading: "جارٍ تحميل جهة الاتصال…",
  notFound: () => "لا توجد جهة اتصال في FlowIQ بهذا الرقم بعد.",
  unknownContact: "جهة اتصال غير معروفة",
  status: "الحالة",
  botStatus: (status) =>
    known({ active: "الروبوت نشط", paused: "الروبوت متوقف مؤقتًا", inactive: "الروبوت معطّل" }, status, (value) => `الروبوت: ${value}`),
  blocked: "محظور",
  archived: "مؤرشف",
  broadcastOptOut: "لا يستقبل الرسائل الجماعية",
  online: "متصل الآن",
  unread: "رسائل غير مقروءة",
  phone: "الهاتف",
  whatsapp: "واتساب",
  whatsappLink: (number) => `${number} على واتساب`,
  whatsappChat: "فتح المحادثة",
  email: "البريد الإلكتروني",
  copy: (value) => `نسخ ${value}`,
  copied: "تم النسخ",
  copyFailed: "تعذّر النسخ",
  tags: "الوسوم",
  moreTags: /* @__PURE__ */ plural("ar", {
    one: (n) => `+${n} وسم آخر`,
    two: (n) => `+${n} وسمان آخران`,
    few: (n) => `+${n} وسوم أخرى`,
    many: (n) => `+${n} وسمًا آخر`,
    other: (n) => `+${n} وسم آخر`,
  }),
  fewerTags: "عرض أقل",
  source: "المصدر",
  sourceType: (type) => known({ api: "API", whatsapp: "واتساب", import: "استيراد" }, type, (value) => value),
  location: "الموقع",
  added: "تاريخ الإضافة",
  summary: "الملخص",
  summaryUpdated: (date) => `آخر تحديث ${date}`,
  retry: "إعادة المحاولة",
  retryingIn: (time) => `إعادة المحاولة خلال ${time}`,
  errorConfigTitle: "جهات الاتصال غير مُعدّة",
  errorConfig: "هذا التطبيق غير متصل بـ FlowIQ بعد. اطلب من المسؤول إكمال الإعداد.",
  errorInvalidLookupTitle: "ليس رقم هاتف",
  errorInvalidLookup: "لا يبدو هذا رقم هاتف، لذلك لا توجد جهة اتصال للبحث عنها.",
  errorUnauthorizedTitle: "جهات الاتصال غير متاحة",
  errorUnauthorized: "لم يقبل FlowIQ تسجيل دخول هذا التطبيق. اطلب من المسؤول التحقق من الاتصال.",
  errorForbiddenTitle: "لا يمكن الوصول إلى جهة الاتصال هذه",
  errorForbidden: "لا تملك مساحة عملك إذنًا لعرض جهة الاتصال هذه. اطلب الإذن من المسؤول.",
  errorRateLimitedTitle: "عمليات بحث كثيرة جدًا",
  errorRateLimited: "يتعامل FlowIQ مع طلبات كثيرة الآن.",
  errorServerTitle: "حدثت مشكلة في FlowIQ",
  errorServer: "حدث خطأ لدى FlowIQ. حاول مرة أخرى بعد قليل.",
  errorNetworkTitle: "تعذّر الوصول إلى FlowIQ",
  errorNetwork: "تحقق من اتصالك بالإنترنت، ثم حاول مرة أخرى.",
  errorTimeoutTitle: "FlowIQ بطيء في الرد",
  errorTimeout: "استغرق البحث وقتًا طويلًا. حاول مرة أخرى بعد قليل.",
  errorInvalidResponseTitle: "تعذّر تحميل جهة الاتصال",
  errorInvalidResponse: "تعذّرت قراءة رد FlowIQ. إذا تكرر ذلك، فأبلغ المسؤول.",
  unknownContactHint: "جهة اتصال غير معروفة",
  hoverCardLabel: (name) => name,
};
