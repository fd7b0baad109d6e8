import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ForwardButton } from '@/components/assessments/forward-button';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { formatDate, formatDateTime } from '@/lib/format';
import { fill } from '@/lib/i18n';
import { markForwardedToAuthorityAction } from '@/server/assessments/actions';
import { getAssessmentApplication } from '@/server/assessments/queries';
import { getRequestId, requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { canSeeDocument } from '@/server/register/visibility';

export const metadata = { title: 'Ekspertiisitaotlus' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ registreeritud?: string }> };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-100 py-2 first:border-t-0 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export default async function AssessmentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user, 'assessments.intake')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const [m, locale] = await Promise.all([getMessages(), getLocale()]);
  const app = await getAssessmentApplication(user, id, { requestId: await getRequestId() });
  if (!app) notFound();
  const { registreeritud } = await searchParams;
  const a = m.assessments;
  const f = a.fields;
  const c = a.card;
  const d = app.application.data;
  const unit = locale === 'en' ? app.unitNameEn : app.unitName;
  const yes = (v: boolean) => (v ? c.yes : c.no);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/ekspertiisitaotlused" className="text-brand-700 underline">
            {a.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{fill(c.title, { number: app.number })}</h1>
      </div>
      {registreeritud && <Alert tone="success">{fill(c.registered, { number: app.number, unit })}</Alert>}
      {app.application.otherAuthorityDueDate &&
        (app.application.otherAuthorityForwardedAt ? (
          <Alert tone="success">{fill(c.forwarded, { at: formatDateTime(app.application.otherAuthorityForwardedAt), name: app.forwardedByName ?? '' })}</Alert>
        ) : (
          <div className="flex flex-col gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3">
            <p className="text-sm text-amber-900">{fill(c.joint, { date: formatDate(app.application.otherAuthorityDueDate) })}</p>
            {can(user, 'register.write') && <ForwardButton id={app.application.id} action={markForwardedToAuthorityAction} />}
          </div>
        ))}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{a.sections.applicant}</h2>
            <dl>
              <Row label={f.applicantCode}>
                <span className="font-mono">{app.application.applicantCode}</span>
              </Row>
              <Row label={`${f.givenName}, ${f.familyName.toLowerCase()}`}>
                {d.applicantGivenName} {d.applicantFamilyName}
              </Row>
              <Row label={f.group}>{a.groups[app.application.applicantGroup]}</Row>
              {d.applicantAddress && <Row label={f.address}>{d.applicantAddress}</Row>}
              {(d.applicantPhone || d.applicantEmail) && (
                <Row label={`${f.phone} / ${f.email}`}>{[d.applicantPhone, d.applicantEmail].filter(Boolean).join(', ')}</Row>
              )}
              <Row label={a.sections.representative}>
                {d.hasRepresentative && d.representativeBasis
                  ? `${d.representativeName} (${d.representativeCode}), ${a.bases[d.representativeBasis]}${d.representativeBasisNote ? `: ${d.representativeBasisNote}` : ''}`
                  : '—'}
              </Row>
              <Row label={c.identity}>
                {app.application.identifiedPerson && app.application.identityDocumentType && app.application.identityValidUntil
                  ? fill(c.identityValue, {
                      document: m.register.identityDocuments[app.application.identityDocumentType],
                      number: app.application.identityDocumentNumber ?? '',
                      date: formatDate(app.application.identityValidUntil),
                      person: a.identifiedPersons[app.application.identifiedPerson],
                    })
                  : c.notIdentified}
              </Row>
              <Row label={f.kind}>{a.kinds[app.application.kind]}</Row>
              <Row label={f.channel}>
                {a.channels[d.channel]}, {formatDate(d.receivedOn)}
              </Row>
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{a.sections.providers}</h2>
            <ul className="list-disc pl-5 text-sm">
              {d.providers.map((p, i) => (
                <li key={i}>{[p.provider, p.doctor, p.speciality].filter(Boolean).join(', ')}</li>
              ))}
            </ul>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{a.sections.limitations}</h2>
            <dl>
              {d.limitations.map((l) => (
                <Row key={l.area} label={a.areas[l.area]}>
                  <span className="font-medium">{a.levels[l.level]}</span>
                  {l.description && <span className="block text-slate-700">{l.description}</span>}
                </Row>
              ))}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{a.sections.work}</h2>
            <dl>
              <Row label={f.workStatus}>
                {a.workStatuses[d.workStatus]}
                {d.employer ? `: ${d.employer}` : ''}
              </Row>
              <Row label={f.isStudying}>
                {yes(d.isStudying)}
                {d.school ? `: ${d.school}` : ''}
              </Row>
              {d.workStudyNote && <Row label={f.workStudyNote}>{d.workStudyNote}</Row>}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{a.sections.consents}</h2>
            <dl>
              <Row label={f.consentHealthData}>{yes(d.consentHealthData)}</Row>
              {app.application.kind === 'disability_and_work_ability' && <Row label={f.consentJoint}>{yes(d.consentJoint)}</Row>}
              <Row label={f.consentTruthful}>{yes(d.consentTruthful)}</Row>
            </dl>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <dl>
              <Row label={m.register.fields.number}>
                <span className="font-mono">{app.number}</span>
              </Row>
              <Row label={c.unit}>{unit}</Row>
              <Row label={c.status}>{m.register.statuses[app.status]}</Row>
              <Row label={c.dueDate}>{app.dueDate ? formatDate(app.dueDate) : '—'}</Row>
              <Row label={c.takenBy}>
                {app.createdByName} {app.createdByFamily}, {formatDateTime(app.application.createdAt)}
              </Row>
            </dl>
            {canSeeDocument(user, app) && (
              <p className="mt-3 text-sm">
                <Link href={`/dokumendid/${app.documentId}`} className="text-brand-700 underline">
                  {c.openInRegister}
                </Link>
              </p>
            )}
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{c.files}</h2>
            {app.files.length === 0 ? (
              <p className="text-sm">{c.noFiles}</p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {app.files.map((file) => (
                  <li key={file.id}>
                    {file.fileName} <span className="text-slate-600">({Math.ceil(file.size / 1024)} KB)</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {can(user, 'assessments.export') && (
            <Card className="flex flex-col gap-3">
              <a
                href={`/ekspertiisitaotlused/${app.application.id}/json`}
                download
                className="inline-flex h-10 items-center justify-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
              >
                {c.export}
              </a>
              <p className="text-xs text-slate-600">{c.exportHint}</p>
              <h2 className="text-base font-semibold">{c.exports}</h2>
              {app.exports.length === 0 ? (
                <p className="text-sm">{c.noExports}</p>
              ) : (
                <ul className="text-sm">
                  {app.exports.map((e) => (
                    <li key={e.id}>
                      {formatDateTime(e.exportedAt)} · {e.name}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
