import { and, eq } from 'drizzle-orm';
import { incidentRoutingRules, type RoutingSnapshot } from '@/db/schema';
import { categoryGroup, type IncidentCategory, type IncidentPriority, type IncidentQueue } from '@/lib/incident-schema';
import type { Recipient } from '@/server/notifications/notify';
import { activePeople, headOfItSupport, regionalManager, type Person } from '@/server/org/people';
import type { Tx } from '@/server/tx';
import { itSupportMailbox } from './config';

// Where an incident goes. The organisation decides by default:
// - hardware, software and network → the IT support queue (its team mailbox);
// - administrative and premises problems → the regional customer-service manager;
// - the reporter's regional manager is always informed (duty 3.10: IT support and the
//   regional manager both know at once), and a critical one informs the head of IT support.
// A rule (category × region) overrides the queue and adds people to inform, only where an
// office works differently. The result is frozen on the ticket.

export type RoutingDecision = {
  queue: IncidentQueue;
  ruleId: string | null;
  snapshot: RoutingSnapshot;
  recipients: Recipient[];
};

export async function routeIncident(
  tx: Tx,
  input: { category: IncidentCategory; regionCode: string; priority: IncidentPriority; reporterId: string },
): Promise<RoutingDecision> {
  const [rule] = await tx
    .select()
    .from(incidentRoutingRules)
    .where(and(eq(incidentRoutingRules.category, input.category), eq(incidentRoutingRules.regionCode, input.regionCode)))
    .limit(1);
  const queue: IncidentQueue = rule?.queue ?? (categoryGroup(input.category) === 'premises' ? 'regional_manager' : 'it_support');
  const queueMailbox = queue === 'it_support' ? itSupportMailbox() : queue === 'mailbox' ? rule!.mailbox : null;

  const informed: RoutingSnapshot['informed'] = [];
  const add = (person: Person | null, why: RoutingSnapshot['informed'][number]['why']) => {
    if (person && person.id !== input.reporterId && !informed.some((p) => p.id === person.id)) informed.push({ ...person, why });
  };
  add(await regionalManager(tx, input.regionCode), queue === 'regional_manager' ? 'queue' : 'regional_manager');
  if (input.priority === 'critical') add(await headOfItSupport(tx), 'head_of_it');
  for (const person of rule ? await activePeople(tx, rule.informIds) : []) add(person, 'rule');

  return {
    queue,
    ruleId: rule?.id ?? null,
    snapshot: {
      by: rule ? 'rule' : 'default',
      rule: rule
        ? { id: rule.id, category: rule.category, regionCode: rule.regionCode, queue: rule.queue, mailbox: rule.mailbox, queueName: rule.queueName }
        : null,
      queueMailbox,
      informed,
      webhook: false,
    },
    recipients: [...(queueMailbox ? [{ email: queueMailbox }] : []), ...informed.map((p) => ({ staffId: p.id }))],
  };
}
