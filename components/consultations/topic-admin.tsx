'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMessages } from '@/components/i18n/messages-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import { topicSchema, type TopicInput } from '@/lib/consultation-schema';
import { messageByKey, type Messages } from '@/lib/i18n';

type Topic = { code: string; nameEt: string; nameEn: string; isActive: boolean; uses: number };
type Actions = {
  save: (input: TopicInput) => Promise<ActionResult<{ code: string }>>;
  remove: (input: { code: string }) => Promise<ActionResult<undefined | void>>;
};

function TopicForm({
  m,
  topic,
  actions,
  onDone,
  showLabels,
}: {
  m: Messages;
  topic: Topic | null;
  actions: Actions;
  onDone: (message: string) => void;
  showLabels: boolean;
}) {
  const t = m.consultations.topics;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const prefix = topic ? `topic-${topic.code}` : 'topic-new';
  const { register, handleSubmit, formState, reset } = useForm<TopicInput>({
    resolver: zodResolver(topicSchema) as never,
    defaultValues: topic
      ? { code: topic.code, nameEt: topic.nameEt, nameEn: topic.nameEn, isActive: topic.isActive }
      : { code: '', nameEt: '', nameEn: '', isActive: true },
  });
  const fieldError = formState.errors.nameEt?.message ?? formState.errors.nameEn?.message;
  const label = topic ? topic.nameEt : t.newTitle;
  async function submit(values: TopicInput) {
    setError(null);
    const result = await actions.save(values);
    if (!result.ok) return setError(messageByKey(m, Object.values(result.fieldErrors ?? {})[0] ?? result.formError ?? 'errors.generic'));
    if (!topic) reset();
    onDone(t.saved);
    router.refresh();
  }
  async function remove() {
    if (!topic) return;
    setError(null);
    const result = await actions.remove({ code: topic.code });
    if (!result.ok) return setError(messageByKey(m, result.formError ?? 'errors.generic'));
    onDone(t.deleted);
    router.refresh();
  }
  return (
    <form
      onSubmit={(e) => void handleSubmit(submit)(e)}
      noValidate
      aria-label={label}
      className={`flex flex-col gap-2 py-3 ${showLabels ? '' : 'border-t border-slate-200'}`}
    >
      <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_7rem_7.5rem_8rem]">
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${prefix}-et`}>
          <span className={showLabels ? undefined : 'sr-only'}>{t.nameEt}</span>
          <Input id={`${prefix}-et`} aria-invalid={formState.errors.nameEt ? true : undefined} {...register('nameEt')} />
        </label>
        <label className="flex flex-col gap-1 text-sm" htmlFor={`${prefix}-en`}>
          <span className={showLabels ? undefined : 'sr-only'}>{t.nameEn}</span>
          <Input id={`${prefix}-en`} aria-invalid={formState.errors.nameEn ? true : undefined} {...register('nameEn')} />
        </label>
        <label className="flex h-10 items-center gap-2 text-sm">
          <input type="checkbox" className="h-4 w-4" {...register('isActive')} />
          {t.active}
        </label>
        <Button type="submit" variant={topic ? 'secondary' : 'primary'} disabled={formState.isSubmitting}>
          {topic ? t.save : t.add}
        </Button>
        {topic && topic.uses === 0 ? (
          <Button type="button" variant="ghost" onClick={() => void remove()}>
            {t.delete}
          </Button>
        ) : (
          <span className="flex h-10 items-center text-sm text-slate-600">{topic ? `${t.uses}: ${topic.uses}` : ''}</span>
        )}
      </div>
      {(error || fieldError) && (
        <p role="alert" className="text-sm text-red-700">
          {error ?? messageByKey(m, fieldError!)}
        </p>
      )}
    </form>
  );
}

export function TopicAdmin({ topics, actions }: { topics: Topic[]; actions: Actions }) {
  const m = useMessages();
  const t = m.consultations.topics;
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-6">
      {done && <Alert tone="success">{done}</Alert>}
      <section aria-labelledby="topic-list" className="rounded-lg border border-slate-200 bg-white px-4">
        <h2 id="topic-list" className="sr-only">
          {t.title}
        </h2>
        {topics.map((topic, i) => (
          <TopicForm
            key={`${topic.code}-${topic.nameEt}-${topic.nameEn}-${topic.isActive}`}
            m={m}
            topic={topic}
            actions={actions}
            onDone={setDone}
            showLabels={i === 0}
          />
        ))}
      </section>
      <section aria-labelledby="topic-new" className="rounded-lg border border-slate-200 bg-white px-4 pt-3">
        <h2 id="topic-new" className="text-lg font-semibold">
          {t.newTitle}
        </h2>
        <TopicForm m={m} topic={null} actions={actions} onDone={setDone} showLabels />
      </section>
    </div>
  );
}
