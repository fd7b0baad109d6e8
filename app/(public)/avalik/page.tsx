import Link from 'next/link';
import { EntryList } from '@/components/public/entry-list';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { toEntryLine } from '@/lib/public-register';
import { getLocale, getMessages } from '@/server/i18n';
import { BUSY_MARKER, LIMITED_MARKER, limitPublicSearch } from '@/server/public-register/limit';
import { filtersToQuery, parsePublicFilters, publicFilterOptions, searchPublicRegister } from '@/server/public-register/queries';

export async function generateMetadata() {
  const p = (await getMessages()).publicPages;
  return {
    title: p.registerTitle,
    alternates: { types: { 'application/atom+xml': '/avalik/voog.xml' } },
  };
}

type Search = Record<string, string | string[] | undefined>;

// The public document register: the newest entries, and a search by number, dates, type,
// series, department, direction and words in public titles. Cached by nginx (deploy/nginx).
export default async function PublicRegisterPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const filters = parsePublicFilters(params);
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const p = m.publicPages;
  const limited = await limitPublicSearch(filters);
  const [options, page] = await Promise.all([
    publicFilterOptions(locale),
    limited.ok ? searchPublicRegister({ ...filters, limit: 50 }, locale) : Promise.resolve(null),
  ]);
  const query = filtersToQuery(filters);
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{p.registerTitle}</h1>
        <p className="mt-1 text-sm text-slate-700">{p.registerLead}</p>
      </div>
      <form
        method="get"
        action="/avalik"
        className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <Field id="tekst" label={p.words}>
          <Input id="tekst" name="tekst" type="search" defaultValue={filters.words ?? ''} />
        </Field>
        <Field id="nr" label={p.number}>
          <Input id="nr" name="nr" defaultValue={filters.number ?? ''} className="font-mono" />
        </Field>
        <Field id="alates" label={p.from}>
          <Input id="alates" name="alates" type="date" defaultValue={filters.from ?? ''} />
        </Field>
        <Field id="kuni" label={p.to}>
          <Input id="kuni" name="kuni" type="date" defaultValue={filters.to ?? ''} />
        </Field>
        <Field id="liik" label={p.type}>
          <Select id="liik" name="liik" defaultValue={filters.type ?? ''}>
            <option value="">{p.any}</option>
            {options.types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sari" label={p.series}>
          <Select id="sari" name="sari" defaultValue={filters.series ?? ''}>
            <option value="">{p.any}</option>
            {options.series.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="osakond" label={p.department}>
          <Select id="osakond" name="osakond" defaultValue={filters.unit ?? ''}>
            <option value="">{p.any}</option>
            {options.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="suund" label={p.direction}>
          <Select id="suund" name="suund" defaultValue={filters.direction === 'incoming' ? 'sissetulev' : filters.direction === 'outgoing' ? 'valjaminev' : ''}>
            <option value="">{p.any}</option>
            <option value="sissetulev">{p.incoming}</option>
            <option value="valjaminev">{p.outgoing}</option>
          </Select>
        </Field>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          <Button type="submit">{p.search}</Button>
          <Link prefetch={false} href="/avalik" className="text-sm text-brand-800 underline underline-offset-2">
            {p.clear}
          </Link>
        </div>
      </form>
      {!limited.ok && (
        <div {...{ [LIMITED_MARKER]: '' }}>
          <Alert tone="warning">{p.limited}</Alert>
        </div>
      )}
      {page?.tooBroad && (
        <div {...{ [BUSY_MARKER]: '' }}>
          <Alert tone="warning">{p.tooBroad}</Alert>
        </div>
      )}
      {page && !page.tooBroad && (
        <EntryList
          labels={{ none: p.none, restrictedTitle: p.restrictedTitle, incoming: p.incoming, outgoing: p.outgoing }}
          entries={page.entries.map(toEntryLine)}
        />
      )}
      {page && (filters.cursor || page.nextCursor) && (
        <nav aria-label={p.next} className="flex gap-4 text-sm">
          {filters.cursor && (
            <Link prefetch={false} href={`/avalik${query}`} className="text-brand-800 underline underline-offset-2">
              {p.first}
            </Link>
          )}
          {page.nextCursor && (
            <Link
              prefetch={false}
              href={`/avalik${filtersToQuery(filters, { parast: page.nextCursor })}`}
              rel="next"
              className="text-brand-800 underline underline-offset-2"
            >
              {p.next}
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="open-data" className="text-sm text-slate-700">
        <h2 id="open-data" className="font-semibold">
          {p.openData}
        </h2>
        <p>{p.dataHelp}</p>
        <p className="mt-1 flex flex-wrap gap-4">
          <a href={`/avalik/andmed.csv${query}`} className="text-brand-800 underline underline-offset-2">
            {p.csv}
          </a>
          <a href={`/avalik/andmed.json${query}`} className="text-brand-800 underline underline-offset-2">
            {p.json}
          </a>
          <a href="/avalik/voog.xml" className="text-brand-800 underline underline-offset-2">
            {p.feed}
          </a>
        </p>
      </section>
    </div>
  );
}
