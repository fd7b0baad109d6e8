import Link from 'next/link';
import { notFound } from 'next/navigation';
import { VerifyChain } from '@/components/audit/verify-chain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { formatDateTime } from '@/lib/format';
import { searchAudit } from '@/server/audit/queries';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Auditilogi' };

type Props = { searchParams: Promise<{ isikukood?: string; enne?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'audit.read')) notFound();
  const m = await getMessages();
  const { isikukood, enne } = await searchParams;
  const code = isikukood?.replace(/\D/g, '').slice(0, 11);
  const rows = await searchAudit(user, { personalCode: code, before: Number(enne) || undefined, limit: 100 }, { requestId: await getRequestId() });
  const outcomeTone = { success: 'success', denied: 'danger', error: 'danger' } as const;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold">{m.audit.title}</h1>
        <p className="text-slate-700">{m.audit.lead}</p>
      </div>
      <Card className="flex flex-wrap items-end justify-between gap-4">
        <form role="search" className="flex items-end gap-2" action="/admin/audit">
          <div className="flex flex-col gap-1">
            <label htmlFor="isikukood" className="text-sm font-medium">
              {m.audit.filter}
            </label>
            <Input id="isikukood" name="isikukood" inputMode="numeric" maxLength={11} defaultValue={code ?? ''} className="w-56" />
          </div>
          <Button type="submit" variant="secondary">
            {m.audit.search}
          </Button>
        </form>
        <VerifyChain />
      </Card>
      {rows.length === 0 ? (
        <p>{m.audit.none}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                {[m.audit.when, m.audit.who, m.audit.action, m.audit.entity, m.audit.subject, m.audit.purpose, m.audit.outcome].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.seq} className="border-t border-slate-200 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.at)}</td>
                  <td className="px-3 py-2">
                    <span className="font-mono">{r.actorCode ?? '—'}</span>
                    {r.actorRole && <div className="text-xs text-slate-600">{r.actorRole}</div>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2 text-xs">{r.entityType ? `${r.entityType} ${r.entityId ?? ''}` : '—'}</td>
                  <td className="px-3 py-2 font-mono">{r.subjectCode ?? '—'}</td>
                  <td className="px-3 py-2">{r.purpose ?? '—'}</td>
                  <td className="px-3 py-2">
                    <Badge tone={outcomeTone[r.outcome as keyof typeof outcomeTone] ?? 'neutral'}>
                      {m.audit.outcomes[r.outcome as keyof typeof m.audit.outcomes] ?? r.outcome}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === 100 && (
        <Link
          className="text-brand-700 underline"
          href={`/admin/audit?${new URLSearchParams({ ...(code ? { isikukood: code } : {}), enne: String(rows.at(-1)!.seq) })}`}
        >
          {m.audit.older}
        </Link>
      )}
    </div>
  );
}
