import { z } from 'zod';

// The kinds of notice a person chooses e-mail for (Teavituste seaded): a notice's kind is
// `<group>.<event>` (`document.forwarded`, `task.returned`) and the choice is per group.
// In-app notifications are always written; only the e-mail follows the choice.

export const NOTICE_GROUPS = ['document', 'task', 'payment', 'incident', 'absence', 'proposal'] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export function noticeGroupOf(kind: string): NoticeGroup | null {
  const group = kind.split('.')[0];
  return (NOTICE_GROUPS as readonly string[]).includes(group ?? '') ? (group as NoticeGroup) : null;
}

export const noticeSettingsSchema = z.object({
  language: z.enum(['et', 'en'], 'errors.required'),
  email: z.object(
    Object.fromEntries(NOTICE_GROUPS.map((g) => [g, z.enum(EMAIL_MODES, 'errors.required')])) as Record<NoticeGroup, z.ZodEnum<{ [K in EmailMode]: K }>>,
  ),
});
export type NoticeSettings = z.output<typeof noticeSettingsSchema>;
