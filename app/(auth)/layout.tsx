import type { ReactNode } from 'react';
import { getMessages } from '@/server/i18n';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const m = await getMessages();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-900 px-6 py-4 text-white">
        <p className="text-lg font-semibold">{m.app.name}</p>
        <p className="text-sm text-brand-100">{m.app.tagline}</p>
      </header>
      <main className="mx-auto flex w-full max-w-lg flex-1 flex-col justify-center px-6 py-10">{children}</main>
    </div>
  );
}
