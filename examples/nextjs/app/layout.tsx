import "@flowiq/react/styles.css";
import "./globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { LOCALES, tenantId, type LocaleName } from "../lib/flowiq";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "FlowIQ contacts · Next.js example",
};

/** The first language of the visitor's Accept-Language that the contact components speak, else English. */
async function visitorLocale(): Promise<LocaleName> {
  const accepted = ((await headers()).get("accept-language") ?? "").split(",").map((part) => part.split(";")[0]!.trim().toLowerCase());
  for (const tag of accepted) {
    const found = LOCALES.find((name) => name.toLowerCase() === tag) ?? LOCALES.find((name) => name === tag.split("-")[0]);
    if (found) return found;
  }
  return "en";
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await visitorLocale();
  return (
    <html lang={locale} dir={locale === "ar" ? "rtl" : "ltr"}>
      <body>
        <Providers tenantId={tenantId} locale={locale}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
