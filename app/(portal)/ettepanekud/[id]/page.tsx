import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnswerForm } from '@/components/proposals/answer-form';
import { ProposalStatusBadge } from '@/components/proposals/proposal-table';
import { Card } from '@/components/ui/card';
import { versionOf } from '@/lib/record-version';
import { formatDateTime } from '@/lib/format';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { answerProposalAction } from '@/server/proposals/actions';
import { getProposal } from '@/server/proposals/queries';

export const metadata = { title: 'Parendusettepanek' };

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!can(user, 'proposals.submit')) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const m = await getMessages();
  const p = m.proposals;
  const card = await getProposal(user, id);
  if (!card) notFound();
  const { proposal } = card;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/ettepanekud" className="text-sm text-brand-700 underline">
          {p.back}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{proposal.title}</h1>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{p.card.author}</dt>
            <dd>{card.authorName}</dd>
            <dt className="text-slate-600">{p.card.date}</dt>
            <dd>{formatDateTime(proposal.createdAt)}</dd>
            <dt className="text-slate-600">{p.card.status}</dt>
            <dd>
              <ProposalStatusBadge m={m} status={proposal.status} />
            </dd>
            {card.file && (
              <>
                <dt className="text-slate-600">{p.card.file}</dt>
                <dd>
                  <a className="text-brand-700 underline" href={`/ettepanekud/${proposal.id}/manus`}>
                    {card.file.filename}
                  </a>
                </dd>
              </>
            )}
          </dl>
          <p className="mt-4 whitespace-pre-wrap text-sm">{proposal.description}</p>
          <h2 className="mt-6 text-lg font-semibold">{p.card.answer}</h2>
          {proposal.answeredAt ? (
            <div className="text-sm">
              <p className="whitespace-pre-wrap">{proposal.answer || p.statuses[proposal.status]}</p>
              <p className="mt-1 text-slate-600">
                {p.card.answeredBy}: {card.answeredByName}, {formatDateTime(proposal.answeredAt)}
              </p>
            </div>
          ) : (
            <p className="text-sm">{p.card.noAnswer}</p>
          )}
        </Card>
        {card.canAnswer && (
          <Card className="self-start">
            <AnswerForm
              id={proposal.id}
              version={versionOf(proposal)}
              current={{ status: proposal.status, answer: proposal.answer }}
              action={answerProposalAction}
            />
          </Card>
        )}
      </div>
    </div>
  );
}
