import { notFound } from 'next/navigation';
import { TopicAdmin } from '@/components/consultations/topic-admin';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { deleteTopicAction, saveTopicAction } from '@/server/consultations/actions';
import { allTopics } from '@/server/consultations/queries';
import { getMessages } from '@/server/i18n';

export const metadata = { title: 'Nõustamise teemad' };

export default async function TopicsPage() {
  const user = await requireUser();
  if (!can(user, 'consultations.configure')) notFound();
  const m = await getMessages();
  const topics = await allTopics(user);
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{m.consultations.topics.title}</h1>
        <p className="text-slate-700">{m.consultations.topics.lead}</p>
      </div>
      <TopicAdmin topics={topics} actions={{ save: saveTopicAction, remove: deleteTopicAction }} />
    </div>
  );
}
