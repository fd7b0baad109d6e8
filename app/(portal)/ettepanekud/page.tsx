import { notFound } from 'next/navigation';
import { ProposalForm } from '@/components/proposals/proposal-form';
import { ProposalTable } from '@/components/proposals/proposal-table';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getMessages } from '@/server/i18n';
import { submitProposalAction } from '@/server/proposals/actions';
import { listMyProposals, listReceivedProposals } from '@/server/proposals/queries';

export const metadata = { title: 'Parendusettepanekud' };

export default async function ProposalsPage() {
  const user = await requireUser();
  if (!can(user, 'proposals.submit')) notFound();
  const m = await getMessages();
  const p = m.proposals;
  const answers = can(user, 'proposals.answer');
  const [mine, received] = await Promise.all([listMyProposals(user), answers ? listReceivedProposals(user) : Promise.resolve(null)]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{p.title}</h1>
        <p className="max-w-3xl text-slate-700">{p.lead}</p>
      </div>
      {received && (
        <section className="flex flex-col gap-3" aria-labelledby="received">
          <h2 id="received" className="text-lg font-semibold">
            {p.received}
          </h2>
          {received.length ? <ProposalTable m={m} rows={received} caption={p.received} showAuthor /> : <p>{p.noneReceived}</p>}
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>{user.managerId ? <ProposalForm action={submitProposalAction} /> : <p>{m.errors.proposalNoManager}</p>}</Card>
        <section className="flex flex-col gap-3" aria-labelledby="mine">
          <h2 id="mine" className="text-lg font-semibold">
            {p.mine}
          </h2>
          {mine.length ? <ProposalTable m={m} rows={mine} caption={p.mine} showAuthor={false} /> : <p>{p.noneMine}</p>}
        </section>
      </div>
    </div>
  );
}
