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
import { readFormWithFiles } from '@/server/files/form-with-files';
import { cancelTask, commentTask, completeTask, createTasks, reviewTask, startTask } from './mutations';

const touched = (id?: string) => {
  revalidatePath('/', 'layout');
  if (id) revalidatePath(`/ulesanded/${id}`);
};

export async function createTasksAction(form: FormData) {
  const { input, files } = await readFormWithFiles(form);
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
