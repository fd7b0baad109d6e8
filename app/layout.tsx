import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { MessagesProvider } from '@/components/i18n/messages-context';
import { ZodJitless } from '@/components/zod-jitless';
import { getLocale, getMessages } from '@/server/i18n';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const m = await getMessages();
  return { title: { default: m.app.name, template: `%s · ${m.app.name}` }, description: m.app.tagline, robots: { index: false } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ZodJitless />
        <MessagesProvider locale={locale}>{children}</MessagesProvider>
      </body>
    </html>
  );
}
