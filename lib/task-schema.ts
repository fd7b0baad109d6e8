import { z } from 'zod';
import { isValidPersonalCode } from './personal-code';
import { ISO_DATE } from './tallinn-time';

// One-off tasks from a manager (duty 3.15). The same schemas run in the browser
// (react-hook-form) and again in the server action and the domain function.

export const TASK_STATUSES = ['new', 'in_progress', 'done', 'accepted', 'returned', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Waiting for the assignee. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['new', 'in_progress', 'returned'];
/** Not finished: waiting for the assignee or for the manager's acceptance. */
export const UNFINISHED_TASK_STATUSES: readonly TaskStatus[] = ['new', 'in_progress', 'returned', 'done'];

export const TASK_PRIORITIES = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/**
 * Who may move a task where: the assignee starts it and reports it done (with a result);
 * the manager accepts it or returns it (with a comment) and may cancel it while unfinished.
 */
export const TASK_TRANSITIONS = {
  start: { from: ['new', 'returned'], to: 'in_progress', by: 'assignee' },
  done: { from: ['new', 'in_progress', 'returned'], to: 'done', by: 'assignee' },
  accept: { from: ['done'], to: 'accepted', by: 'manager' },
  return: { from: ['done'], to: 'returned', by: 'manager' },
  cancel: { from: ['new', 'in_progress', 'returned', 'done'], to: 'cancelled', by: 'manager' },
} as const satisfies Record<string, { from: readonly TaskStatus[]; to: TaskStatus; by: 'assignee' | 'manager' }>;
export type TaskTransition = keyof typeof TASK_TRANSITIONS;

export function canTransition(transition: TaskTransition, status: TaskStatus): boolean {
  return (TASK_TRANSITIONS[transition].from as readonly TaskStatus[]).includes(status);
}

// Free text is data: shown as text, never HTML; control characters no keyboard types are refused.
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'errors.badChars');
const required = (max: number) => text(max).min(1, 'errors.required');
export const isoDate = z.string().regex(ISO_DATE, 'errors.date');

export const MAX_TASK_ASSIGNEES = 100;

export const createTaskSchema = z.object({
  title: required(200),
  description: required(4000),
  dueDate: isoDate,
  dueTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors.taskTime')]),
  priority: z.enum(TASK_PRIORITIES, 'errors.required'),
  assigneeIds: z.array(z.uuid()).min(1, 'errors.taskAssignees').max(MAX_TASK_ASSIGNEES, 'errors.taskTooManyAssignees'),
  // An optional link: a registration number from the register, or a client's personal code.
  documentNumber: z
    .string()
    .trim()
    .max(40, 'errors.tooLong')
    .regex(/^[0-9A-Za-z/-]*$/, 'errors.badChars'),
  clientCode: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidPersonalCode(v), 'errors.personalCode'),
  // The form's one-time key: a double-submitted form creates the tasks once.
  submissionId: z.uuid(),
});
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const taskIdSchema = z.object({ id: z.uuid() });

export const taskCommentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['comment', 'question']),
  body: required(4000),
});
export type TaskCommentInput = z.input<typeof taskCommentSchema>;

export const taskDoneSchema = z.object({ id: z.uuid(), result: text(4000).min(1, 'errors.taskResult') });
export type TaskDoneInput = z.input<typeof taskDoneSchema>;

export const taskReviewSchema = z
  .object({ id: z.uuid(), decision: z.enum(['accept', 'return']), comment: text(4000) })
  .refine((v) => v.decision !== 'return' || v.comment.length > 0, { message: 'errors.taskReturnComment', path: ['comment'] });
export type TaskReviewInput = z.input<typeof taskReviewSchema>;

export const taskCancelSchema = z.object({ id: z.uuid(), reason: text(1000) });
export type TaskCancelInput = z.input<typeof taskCancelSchema>;
