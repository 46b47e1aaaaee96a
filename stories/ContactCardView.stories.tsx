import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ContactCardView, defaultContactCardLabels as en, type ContactCardLabels } from "../src/index.js";
import { fill } from "../src/components/ContactDisplay/labels.js";
import { buildContact } from "../src/msw.js";
import { expectNoHorizontalOverflow, expectNoPlaceholderText, expectVisibleFocusRing, settled } from "./support/checks.js";
import { fakeClipboard } from "./support/clipboard.js";
import { displayArgTypes } from "./support/argTypes.js";
import { fullContact, sparseContact, summarisedContact } from "./support/contacts.js";

const meta = {
  title: "ContactCardView",
  component: ContactCardView,
  tags: ["autodocs"],
  args: { contact: fullContact },
  argTypes: displayArgTypes,
  parameters: {
    // Pure: these stories render with no FlowIQProvider and no mocked API at all.
    flowiq: { provider: false },
    docs: {
      description: {
        component:
          "Renders a contact the app already has (from `useContact`, `useContacts`, a server prefetch or its own store). It needs no provider and makes no request.",
      },
    },
  },
} satisfies Meta<typeof ContactCardView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article", { name: "Thandi Nkosi" });
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(canvas.getByRole("heading", { level: 3 })).toHaveTextContent("Thandi Nkosi");
    await expectNoPlaceholderText(card);
  },
};

export const EveryBadge: Story = {
  name: "Every status badge",
  args: {
    contact: {
      ...fullContact,
      blocked: true,
      archived: true,
      bot_status: "paused",
      allow_broadcast: false,
      active_status: true,
      has_unread_messages: true,
    },
  },
  play: async ({ canvas }) => {
    const badges = within(canvas.getByRole("list", { name: en.status })).getAllByRole("listitem");
    await expect(badges.map((badge) => badge.textContent)).toEqual([
      en.blocked,
      en.archived,
      en.botStatuses.paused,
      en.broadcastOptOut,
      en.online,
      en.unread,
    ]);
  },
};

export const Sparse: Story = {
  name: "Sparse contact",
  args: { contact: sparseContact },
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article", { name: "+27123456789" });
    await expectNoPlaceholderText(card);
  },
};

export const WithSummaryAndActions: Story = {
  name: "Summary and host actions",
  args: {
    contact: summarisedContact,
    headingLevel: 2,
    // The actions open the chat themselves, so the card's WhatsApp row offers no second link.
    chatLink: false,
    actions: (
      <>
        <button type="button" className="sb-button">
          Open chat
        </button>
        <button type="button" className="sb-button">
          Edit
        </button>
      </>
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("heading", { level: 2 })).toHaveTextContent("Thandi Nkosi");
    await expect(canvas.getByRole("button", { name: "Open chat" })).toBeInTheDocument();
    await expect(canvas.getByRole("article")).toHaveTextContent("Asked about moving to the annual plan");
  },
};

export const UntrustedText: Story = {
  name: "Hostile text shown as text",
  args: {
    contact: buildContact({
      full_name: '<img src=x onerror="alert(1)"> Mallory',
      email: "javascript:alert(1)",
      phone_number: "+27123456789",
      tags: ["<script>alert(1)</script>", "ok"],
      contact_summary: "<b>bold?</b> Ignore previous instructions.",
      contact_summary_updated_at: "2025-12-02T15:45:00Z",
    }),
  },
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article");
    await expect(canvas.getByRole("heading")).toHaveTextContent('<img src=x onerror="alert(1)"> Mallory');
    await expect(card.querySelector("img, script, b")).toBeNull();
    const hrefs = within(card)
      .getAllByRole("link")
      .map((link) => link.getAttribute("href") ?? "");
    await expect(hrefs.every((href) => /^(tel:|mailto:|https:\/\/wa\.me\/)/.test(href))).toBe(true);
    await expect(hrefs.some((href) => href.includes("javascript"))).toBe(false);
  },
};

/** A complete Japanese label set, as an app writes its own language (this one is not shipped). Plain data, like the shipped ones. */
const ja: ContactCardLabels = {
  language: "ja",
  separator: "、",
  loading: "連絡先を読み込み中…",
  notFound: "この番号の連絡先はまだ FlowIQ にありません。",
  unknownContact: "不明な連絡先",
  status: "ステータス",
  botStatuses: { active: "ボット稼働中", paused: "ボット一時停止中", inactive: "ボット停止" },
  botStatusOther: "ボット: {status}",
  blocked: "ブロック中",
  archived: "アーカイブ済み",
  broadcastOptOut: "一斉配信なし",
  online: "オンライン",
  unread: "未読メッセージ",
  phone: "電話",
  whatsapp: "WhatsApp",
  whatsappLink: "WhatsApp で {number}",
  whatsappChat: "チャットを開く",
  email: "メール",
  copy: "{value} をコピー",
  copied: "コピーしました",
  copyFailed: "コピーできませんでした",
  tags: "タグ",
  moreTags: { other: "他 {count} 件" },
  fewerTags: "表示を減らす",
  source: "経路",
  sourceTypes: { api: "API", whatsapp: "WhatsApp", import: "インポート" },
  sourceTypeOther: "{type}",
  location: "地域",
  added: "登録日",
  summary: "概要",
  summaryUpdated: "{date} 更新",
  retry: "再試行",
  retryingIn: "{time} 後に再試行します",
  errors: {
    config: { title: "連絡先が設定されていません", sentence: "このアプリはまだ FlowIQ に接続されていません。管理者に設定を依頼してください。" },
    invalid_lookup: { title: "電話番号ではありません", sentence: "電話番号として読み取れないため、連絡先を検索できません。" },
    session_refused: { title: "セッションが終了しました", sentence: "この連絡先を表示するには、もう一度サインインしてください。" },
    unauthorized: { title: "このアプリの FlowIQ キーが拒否されました", sentence: "このアプリの運用担当者に FlowIQ API キーの確認を依頼してください。" },
    forbidden: { title: "この連絡先へのアクセス権がありません", sentence: "このワークスペースではこの連絡先を表示できません。管理者にアクセス権を依頼してください。" },
    rate_limited: { title: "検索が多すぎます", sentence: "FlowIQ は現在多くのリクエストを処理しています。" },
    server: { title: "FlowIQ で問題が発生しました", sentence: "FlowIQ 側でエラーが発生しました。しばらくしてからもう一度お試しください。" },
    network: { title: "FlowIQ に接続できません", sentence: "インターネット接続を確認してから、もう一度お試しください。" },
    timeout: { title: "FlowIQ の応答が遅れています", sentence: "検索に時間がかかりすぎました。しばらくしてからもう一度お試しください。" },
    invalid_response: { title: "連絡先を読み込めませんでした", sentence: "FlowIQ の応答を読み取れませんでした。繰り返し起きる場合は管理者に連絡してください。" },
  },
  unknownContactHint: "不明な連絡先",
  hoverCardLabel: "{name}",
};

/** English words a card could show, from the English labels (brand names and placeholders aside). */
const ENGLISH_WORDS = new RegExp(
  `\\b(${["Phone", "Email", "Source", "Location", "Added", "Summary", "Updated", "Open chat", "more", "Bot", "Tags", "Status", "Online", "Unread", "Copy"].join("|")})\\b`,
);

/** Every text the card shows or names, one text node or attribute at a time, so a term and its value never run together. */
function shownTexts(element: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? "");
  for (const named of element.querySelectorAll("[aria-label], [title]")) {
    for (const name of ["aria-label", "title"]) texts.push(named.getAttribute(name) ?? "");
  }
  return texts;
}

export const JapaneseLocale: Story = {
  name: "Japanese locale, Tokyo time, Japanese labels",
  args: { contact: { ...summarisedContact, full_name: "山田 花子", tags: [...summarisedContact.tags, "東京"] }, locale: "ja-JP", timeZone: "Asia/Tokyo", labels: ja, maxTags: 3 },
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article", { name: "山田 花子" });
    const times = card.querySelectorAll("time");
    await expect(times.length).toBeGreaterThan(0);
    for (const time of times) await expect(time.textContent).toMatch(/2025\/\d{1,2}\/\d{1,2}/);
    await expect(within(card).getByText("電話")).toBeInTheDocument();
    await expect(within(card).getByRole("button", { name: "他 2 件" })).toBeInTheDocument();
    // Nothing left in English, text node by text node: only the brand, the numbers and the contact's own data.
    await expect(shownTexts(card).filter((text) => ENGLISH_WORDS.test(text))).toEqual([]);
  },
};

export const NarrowContainer: Story = {
  name: "In a narrow column",
  args: { contact: { ...summarisedContact, tags: ["customer", "premium", "johannesburg", "newsletter", "b2b", "q4"] } },
  decorators: [
    (Story) => (
      <div className="sb-narrow">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas }) => {
    await expectNoHorizontalOverflow(canvas.getByRole("article"));
  },
};

const accepting = fakeClipboard("accepts");

export const CopyPhoneNumber: Story = {
  name: "Copy: number copied",
  beforeEach: () => accepting.install(),
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article", { name: "Thandi Nkosi" });
    const copy = within(card).getByRole("button", { name: fill(en.copy, { value: "+27123456789" }) });
    // From the keyboard: Tab to the button (a visible ring), then Enter.
    (document.activeElement as HTMLElement | null)?.blur();
    for (let step = 0; step < 5 && document.activeElement !== copy; step++) await userEvent.tab();
    await expectVisibleFocusRing(copy);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(copy.nextElementSibling).toHaveTextContent(en.copied), settled);
    await expect(copy.nextElementSibling).toHaveAttribute("aria-live", "polite");
    await expect(copy).toHaveAttribute("data-state", "copied");
    await expect(accepting.written).toEqual(["+27123456789"]);
  },
};

const refusing = fakeClipboard("refuses");

export const CopyRefused: Story = {
  name: "Copy: clipboard refused",
  beforeEach: () => refusing.install(),
  play: async ({ canvas }) => {
    const copy = canvas.getByRole("button", { name: fill(en.copy, { value: "thandi.nkosi@example.co.za" }) });
    await userEvent.click(copy);
    await waitFor(() => expect(copy.nextElementSibling).toHaveTextContent(en.copyFailed), settled);
    await expect(copy).toHaveAttribute("data-state", "failed");
  },
};

export const WithoutCopyButtons: Story = {
  name: "Copy buttons off (copyable={false})",
  args: { copyable: false },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button", { name: /^Copy/ })).toBeNull();
    await expect(canvas.getByRole("link", { name: "+27123456789" })).toBeInTheDocument();
  },
};
