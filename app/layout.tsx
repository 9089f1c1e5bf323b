import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kernel Lab", template: "%s · Kernel Lab" },
  description: "Write AWS Trainium NKI kernels in the browser and run them on a simulated NeuronCore.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span> Kernel Lab
          </Link>
          <span className="brand-tagline">NKI kernels on a simulated Trainium NeuronCore</span>
        </header>
        <main className="site-main">{children}</main>
      </body>
    </html>
  );
}
