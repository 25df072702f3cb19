import "./globals.css";
import type { Metadata, Viewport } from "next";
import { SessionProvider } from "@/components/auth/session-provider";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeScript } from "@/components/layout/theme-script";

export const metadata: Metadata = {
  title: { default: "카프카 코스 — 아파치 카프카 기초", template: "%s · 카프카 코스" },
  description: "직접 돌려 보는 시뮬레이터와 채점되는 퀴즈로 아파치 카프카의 기초를 한국어로 배웁니다.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ko" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          본문으로 건너뛰기
        </a>
        <SessionProvider>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
        </SessionProvider>
        <footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-slate-600 dark:text-slate-400">
          카프카 코스 · 아파치 카프카(Apache Kafka)의 동작 규칙을 그대로 옮긴 시뮬레이터로 배웁니다.
        </footer>
      </body>
    </html>
  );
}
