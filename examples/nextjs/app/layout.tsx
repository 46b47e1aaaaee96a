import "@flowiq/react/styles.css";
import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { tenantId } from "../lib/flowiq";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "FlowIQ contacts · Next.js example",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers tenantId={tenantId}>{children}</Providers>
      </body>
    </html>
  );
}
