import type { Meta, StoryObj } from "@storybook/react-vite";
import { parsePhoneNumber } from "libphonenumber-js";
import { expect, within } from "storybook/test";
import { ContactCardView, ContactDisplayProvider } from "../src/index.js";
import { de } from "../src/locales.js";
import { buildContact } from "../src/msw.js";
import { fullContact } from "./support/contacts.js";

/** The README's recipe: libphonenumber-js (the app's dependency, never the library's). */
const international = (digits: string) => parsePhoneNumber(`+${digits}`).formatInternational();

const amelia = buildContact({
  id: "display-uk",
  full_name: "Amelia Clarke",
  phone_number: "+442079460958",
  whatsapp_id: "447700900123",
  email: "amelia.clarke@example.co.uk",
  tags: ["partner", "london", "events"],
  source: { type: "import", location: "London", created_at: "2024-11-02T23:30:00Z" },
});
const nameless = buildContact({ id: "display-br", full_name: null, phone_number: "+5511912345678", whatsapp_id: null, email: null, tags: [] });

const meta = {
  title: "ContactDisplayProvider",
  component: ContactDisplayProvider,
  tags: ["autodocs"],
  args: { formatPhone: international, locale: "en-GB", timeZone: "Europe/London", maxTags: 2 },
  parameters: {
    flowiq: { provider: false, frame: "wide" },
    docs: {
      description: {
        component:
          "Sets locale, time zone, labels, phone formatting and `maxTags` once for every contact component below it; a component's own prop still wins. Needs no `FlowIQProvider`. Here `formatPhone` is libphonenumber-js's `formatInternational()`.",
      },
    },
  },
  render: (args) => (
    <ContactDisplayProvider {...args}>
      <div className="fiq-card-grid">
        <ContactCardView contact={fullContact} />
        <ContactCardView contact={amelia} />
        <ContactCardView contact={nameless} />
      </div>
    </ContactDisplayProvider>
  ),
} satisfies Meta<typeof ContactDisplayProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PhoneNumbersWithLibphonenumber: Story = {
  name: "Phone numbers formatted with libphonenumber-js",
  play: async ({ canvas }) => {
    const thandi = within(canvas.getByRole("article", { name: "Thandi Nkosi" }));
    await expect(thandi.getByRole("link", { name: "+27 12 345 6789" })).toHaveAttribute("href", "tel:+27123456789");
    const uk = within(canvas.getByRole("article", { name: "Amelia Clarke" }));
    await expect(uk.getByRole("link", { name: "+44 7700 900123 on WhatsApp" })).toHaveAttribute("href", "https://wa.me/447700900123");
    // 23:30 UTC on 2 Nov is still 2 Nov in London (GMT); en-GB puts the day first.
    await expect(uk.getByText("2 Nov 2024")).toBeInTheDocument();
    await expect(uk.getByRole("button", { name: "+1 more" })).toBeInTheDocument();
    await expect(canvas.getByRole("heading", { name: "+55 11 91234 5678" })).toBeInTheDocument();
  },
};

export const ComponentPropsWin: Story = {
  name: "A card's own props win over the provider's",
  render: (args) => (
    <ContactDisplayProvider {...args} labels={{ phone: "Telephone", email: "E-mail" }}>
      <div className="fiq-card-grid">
        <ContactCardView contact={amelia} />
        <ContactCardView contact={amelia} labels={{ phone: "Office line" }} maxTags={Infinity} formatPhone={(digits) => `+${digits}`} />
      </div>
    </ContactDisplayProvider>
  ),
  play: async ({ canvas }) => {
    const [byProvider, byProps] = canvas.getAllByRole("article");
    await expect(within(byProvider!).getByText("Telephone")).toBeInTheDocument();
    await expect(within(byProvider!).getByRole("link", { name: "+44 20 7946 0958" })).toBeInTheDocument();
    await expect(within(byProps!).getByText("Office line")).toBeInTheDocument();
    await expect(within(byProps!).getByText("E-mail")).toBeInTheDocument();
    await expect(within(byProps!).getByRole("link", { name: "+442079460958" })).toBeInTheDocument();
    await expect(within(within(byProps!).getByRole("list", { name: "Tags" })).getAllByRole("listitem")).toHaveLength(3);
  },
};

/**
 * What a Next.js server layout hands a client provider must survive serialisation: the German
 * pack goes through JSON here, as React's server-to-client props do, and works unchanged.
 */
const germanAsSent = JSON.parse(JSON.stringify(de)) as typeof de;

export const LocalePassedAsData: Story = {
  name: "A locale pack passed as data (from a server component)",
  render: (args) => (
    <ContactDisplayProvider {...args} locale="de-DE" timeZone="Europe/Berlin" labels={germanAsSent}>
      <div className="fiq-card-grid">
        <ContactCardView contact={{ ...amelia, bot_status: "human_handover", source: { type: "csv_import", location: { city: "London", country: "GB" }, created_at: "2024-11-02T23:30:00Z" } }} />
      </div>
    </ContactDisplayProvider>
  ),
  play: async ({ canvas }) => {
    const card = canvas.getByRole("article");
    await expect(within(card).getByText("Telefon")).toBeInTheDocument();
    await expect(within(card).getByRole("button", { name: "+1 weiteres" })).toBeInTheDocument();
    await expect(within(card).getByText("Bot: human handover")).toBeInTheDocument();
    await expect(within(card).getByText("csv import")).toBeInTheDocument();
    await expect(within(card).getByText("London, GB")).toBeInTheDocument();
  },
};
