import { notFound } from 'next/navigation';
import { IncidentTable } from '@/components/incidents/incident-table';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { fill } from '@/lib/i18n';
import { CATEGORIES, PRIORITIES, STATUSES, type IncidentCategory, type IncidentPriority, type IncidentStatus } from '@/lib/incident-schema';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { incidentWorkingDays } from '@/server/incidents/config';
import { listQueue, queueFilterOptions, type QueueFilters } from '@/server/incidents/queries';

export const metadata = { title: 'IT klienditugi' };

type Search = { olek?: string; prioriteet?: string; esindus?: string; kategooria?: string; lahendaja?: string };

// Filter values come from the address bar: only allowlisted values reach the query.
function filtersFrom(search: Search): QueueFilters {
  const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
  return {
    status: oneOf<'open' | 'all' | IncidentStatus>(search.olek, ['open', 'all', ...STATUSES]) ?? 'open',
    priority: oneOf<IncidentPriority>(search.prioriteet, PRIORITIES),
    category: oneOf<IncidentCategory>(search.kategooria, CATEGORIES),
    officeCode: search.esindus && /^[a-z0-9-]{1,40}$/.test(search.esindus) ? search.esindus : undefined,
    assignee: search.lahendaja && /^(me|none|[0-9a-f-]{36})$/i.test(search.lahendaja) ? search.lahendaja : undefined,
  };
}

export default async function ItQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!can(user, 'incidents.read_all')) notFound();
  const m = await getMessages();
  const locale = await getLocale();
  const t = m.incidents;
  const filters = filtersFrom(await searchParams);
  const [rows, options] = await Promise.all([listQueue(user, filters, locale), queueFilterOptions(user, locale)]);
  const select = (id: string, name: string, label: string, value: string | undefined, choices: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value ?? ''} className="w-48">
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </div>
  );
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{t.queueTitle}</h1>
        <p className="text-slate-700">{t.queueLead}</p>
      </div>
      <form role="search" aria-label={t.filters} action="/it-tugi" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {select('f-status', 'olek', t.status, filters.status, [
          { value: 'open', label: t.open },
          { value: 'all', label: t.all },
          ...STATUSES.map((s) => ({ value: s, label: t.statuses[s] })),
        ])}
        {select('f-priority', 'prioriteet', t.priority, filters.priority, [
          { value: '', label: t.all },
          ...PRIORITIES.map((p) => ({ value: p, label: t.priorities[p] })),
        ])}
        {select('f-office', 'esindus', t.office, filters.officeCode, [{ value: '', label: t.all }, ...options.offices])}
        {select('f-category', 'kategooria', t.category, filters.category, [
          { value: '', label: t.all },
          ...CATEGORIES.map((c) => ({ value: c, label: t.categories[c] })),
        ])}
        {select('f-assignee', 'lahendaja', t.assignee, filters.assignee, [
          { value: '', label: t.all },
          { value: 'me', label: t.mineAssigned },
          { value: 'none', label: t.unassigned },
          ...options.assignees,
        ])}
        <Button type="submit" variant="secondary">
          {t.filter}
        </Button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {fill(t.count, { n: rows.length })}
      </p>
      {rows.length ? (
        <IncidentTable m={m} rows={rows} now={new Date()} workingDays={incidentWorkingDays()} showTargets caption={t.queueTitle} />
      ) : (
        <p>{t.none}</p>
      )}
    </div>
  );
}
