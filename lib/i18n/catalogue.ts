import { audit } from './messages/audit';
import { core } from './messages/core';
import { register } from './messages/register';
import { incidents } from './messages/incidents';
import { notifications } from './messages/notifications';
import { staff } from './messages/staff';
import { templates } from './messages/templates';
import { templateTexts } from './messages/template-texts';
import { issuing } from './messages/issuing';
import { bulk } from './messages/bulk';
import { tasks, desk } from './messages/tasks';
import { absences } from './messages/absences';
import { proposals } from './messages/proposals';
import { workload } from './messages/workload';
import { consultations } from './messages/consultations';
import { assessments } from './messages/assessments';
import { payments, overpayments } from './messages/payments';
import { viewer } from './messages/viewer';
import { frontDesk } from './messages/front-desk';
import { publicPages } from './messages/public';

// Each feature keeps its messages in messages/<feature>.ts; add it here with one line.
const sections = {
  staff,
  audit,
  register,
  incidents,
  notifications,
  templates,
  templateTexts,
  issuing,
  bulk,
  tasks,
  desk,
  absences,
  proposals,
  workload,
  consultations,
  assessments,
  payments,
  overpayments,
  viewer,
  frontDesk,
  publicPages,
};

type Sections = typeof sections;
export type Messages = typeof core.et & { [K in keyof Sections]: Sections[K]['et'] };

function build(locale: 'et' | 'en'): Messages {
  const entries = Object.entries(sections).map(([name, pair]) => [name, pair[locale]]);
  return { ...core[locale], ...Object.fromEntries(entries) } as Messages;
}

export const et: Messages = build('et');
export const en: Messages = build('en');
