import Link from 'next/link';
import { getMessages } from '@/server/i18n';

export default async function NotFound() {
  const m = await getMessages();
  return (
    <main id="main" className="mx-auto flex max-w-lg flex-col gap-3 px-6 py-16">
      <h1 className="text-2xl font-semibold">{m.notFound.title}</h1>
      <p>{m.notFound.text}</p>
      <Link href="/" className="text-brand-700 underline">
        {m.notFound.back}
      </Link>
    </main>
  );
}
