'use server';

import { revalidatePath } from 'next/cache';
import {
  createTaskSchema,
  taskCancelSchema,
  taskCommentSchema,
  taskDoneSchema,
  taskIdSchema,
  taskReviewSchema,
  type TaskCancelInput,
  type TaskCommentInput,
  type TaskDoneInput,
  type TaskReviewInput,
} from '@/lib/task-schema';
import { runAction } from '@/server/action';
import type { UploadedFile } from '@/server/incidents/files';
import { cancelTask, commentTask, completeTask, createTasks, reviewTask, startTask } from './mutations';

const touched = (id?: string) => {
  revalidatePath('/', 'layout');
  if (id) revalidatePath(`/ulesanded/${id}`);
};

// The create form comes as FormData: the fields as JSON in `data`, the files as `files`.
export async function createTasksAction(form: FormData) {
  let input: unknown = null;
  try {
    input = JSON.parse(String(form.get('data') ?? 'null'));
  } catch {
    // parsed as null: the schema reports the fields missing
  }
  const files: UploadedFile[] = await Promise.all(
    form
      .getAll('files')
      .filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && (f as File).size > 0)
      .map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const result = await runAction('task.create', createTaskSchema, input, (user, data, ctx) => createTasks(user, data, files, ctx));
  if (result.ok) touched();
  return result;
}

export async function startTaskAction(input: { id: string }) {
  const result = await runAction('task.start', taskIdSchema, input, (user, data, ctx) => startTask(user, data, ctx));
  if (result.ok) touched(input.id);
  return result;
}

export async function commentTaskAction(input: TaskCommentInput) {
  const result = await runAction('task.comment', taskCommentSchema, input, (user, data, ctx) => commentTask(user, data, ctx));
  if (result.ok) touched(input.id);
  return result;
}

export async function completeTaskAction(input: TaskDoneInput) {
  const result = await runAction('task.done', taskDoneSchema, input, (user, data, ctx) => completeTask(user, data, ctx));
  if (result.ok) touched(input.id);
  return result;
}

export async function reviewTaskAction(input: TaskReviewInput) {
  const result = await runAction('task.review', taskReviewSchema, input, (user, data, ctx) => reviewTask(user, data, ctx));
  if (result.ok) touched(input.id);
  return result;
}

export async function cancelTaskAction(input: TaskCancelInput) {
  const result = await runAction('task.cancel', taskCancelSchema, input, (user, data, ctx) => cancelTask(user, data, ctx));
  if (result.ok) touched(input.id);
  return result;
}
