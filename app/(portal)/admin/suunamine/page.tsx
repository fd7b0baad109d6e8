import { notFound } from 'next/navigation';
import { RuleForm } from '@/components/incidents/rule-form';
import { Card } from '@/components/ui/card';
import type { IncidentCategory } from '@/lib/incident-schema';
import { requireUser } from '@/server/auth/current-user';
import { can } from '@/server/auth/policy';
import { getLocale, getMessages } from '@/server/i18n';
import { deleteRoutingRuleAction, saveRoutingRuleAction } from '@/server/incidents/actions';
import { listRoutingRules, routingRuleOptions } from '@/server/incidents/queries';

export const metadata = { title: 'Suunamisreeglid' };

export default async function RoutingRulesPage() {
  const user = await requireUser();
  if (!can(user, 'incidents.rules')) notFound();
  const m = await getMessages();
  const n = m.notifications;
  const [rules, options] = await Promise.all([listRoutingRules(user, await getLocale()), routingRuleOptions(user, await getLocale())]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{n.rulesTitle}</h1>
        <p className="max-w-4xl text-slate-700">{n.rulesLead}</p>
      </div>
      {rules.length === 0 && <p>{n.rulesNone}</p>}
      {rules.map((rule) => (
        <Card key={rule.id} aria-label={`${m.incidents.categories[rule.category as IncidentCategory]} × ${rule.regionName}`}>
          <h2 className="font-semibold">
            {m.incidents.categories[rule.category as IncidentCategory]} × {rule.regionName}
            {rule.queue === 'mailbox' ? ` → ${rule.queueName} (${rule.mailbox})` : ` → ${m.incidents.queues[rule.queue as 'it_support']}`}
            {rule.informNames.length ? ` + ${rule.informNames.join(', ')}` : ''}
          </h2>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm text-brand-700 underline">{n.ruleEdit}</summary>
            <div className="mt-3">
              <RuleForm
                idPrefix={`r${rule.id.slice(0, 8)}`}
                options={options}
                initial={{
                  id: rule.id,
                  category: rule.category,
                  regionCode: rule.regionCode,
                  queue: rule.queue as 'it_support',
                  mailbox: rule.mailbox ?? '',
                  queueName: rule.queueName ?? '',
                  informIds: rule.informIds,
                }}
                save={saveRoutingRuleAction}
                remove={deleteRoutingRuleAction}
              />
            </div>
          </details>
        </Card>
      ))}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{n.ruleNew}</h2>
        <RuleForm idPrefix="new" options={options} save={saveRoutingRuleAction} />
      </Card>
    </div>
  );
}
