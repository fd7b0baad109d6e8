'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { messageByKey } from '@/lib/i18n';
import { CATEGORY_GROUPS, QUEUES, routingRuleSchema, type CategoryGroup, type RoutingRuleInput } from '@/lib/incident-schema';

type Option = { value: string; label: string };
type Props = {
  options: { regions: Option[]; people: Option[] };
  initial?: RoutingRuleInput;
  save: (input: RoutingRuleInput) => Promise<ActionResult<{ id: string }>>;
  remove?: (input: { id: string }) => Promise<ActionResult<void>>;
  idPrefix: string;
};

export function RuleForm({ options, initial, save, remove, idPrefix }: Props) {
  const m = useMessages();
  const n = m.notifications;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const empty: RoutingRuleInput = { id: '', category: '' as never, regionCode: '', queue: 'it_support', mailbox: '', queueName: '', informIds: [] };
  const { register, handleSubmit, setError, formState, control, reset } = useForm<RoutingRuleInput>({
    resolver: zodResolver(routingRuleSchema) as never,
    defaultValues: initial ?? empty,
  });
  const { errors, isSubmitting } = formState;
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = (name: keyof RoutingRuleInput) => (errors[name]?.message ? messageByKey(m, String(errors[name]!.message)) : undefined);
  const aria = (name: keyof RoutingRuleInput) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id(name)}-error` : undefined,
  });
  const queue = useWatch({ control, name: 'queue' });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await save(values);
    if (result.ok) {
      setMessage({ tone: 'success', text: n.ruleSaved });
      if (!initial) reset(empty);
      router.refresh();
      return;
    }
    for (const [field, code] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof RoutingRuleInput, { message: code });
    setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id('category')} label={n.ruleCategory} error={err('category')}>
          <Select id={id('category')} {...aria('category')} {...register('category')}>
            <option value="">{m.incidents.chooseCategory}</option>
            {(Object.keys(CATEGORY_GROUPS) as CategoryGroup[]).map((g) => (
              <optgroup key={g} label={m.incidents.groups[g]}>
                {CATEGORY_GROUPS[g].map((c) => (
                  <option key={c} value={c}>
                    {m.incidents.categories[c]}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field id={id('regionCode')} label={n.ruleRegion} error={err('regionCode')}>
          <Select id={id('regionCode')} {...aria('regionCode')} {...register('regionCode')}>
            <option value="">{m.incidents.chooseCategory}</option>
            {options.regions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id('queue')} label={n.ruleQueue} error={err('queue')}>
          <Select id={id('queue')} {...aria('queue')} {...register('queue')}>
            {QUEUES.map((q) => (
              <option key={q} value={q}>
                {m.incidents.queues[q]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {queue === 'mailbox' && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id('mailbox')} label={n.ruleMailbox} error={err('mailbox')}>
            <Input id={id('mailbox')} type="email" {...aria('mailbox')} {...register('mailbox')} />
          </Field>
          <Field id={id('queueName')} label={n.ruleQueueName} error={err('queueName')}>
            <Input id={id('queueName')} {...aria('queueName')} {...register('queueName')} />
          </Field>
        </div>
      )}
      <Field id={id('informIds')} label={n.ruleInform} hint={n.ruleInformHint} error={err('informIds')}>
        <Select id={id('informIds')} multiple className="h-32" aria-describedby={`${id('informIds')}-hint`} {...register('informIds')}>
          {options.people.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {n.ruleSave}
        </Button>
        {remove && initial?.id && (
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const result = await remove({ id: initial.id as string });
                if (result.ok) router.refresh();
                else setMessage({ tone: 'error', text: messageByKey(m, result.formError ?? 'errors.generic') });
              })
            }
          >
            {n.ruleDelete}
          </Button>
        )}
      </div>
    </form>
  );
}
