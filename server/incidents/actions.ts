'use server';

import { revalidatePath } from 'next/cache';
import {
  incidentCommentSchema,
  incidentIdSchema,
  incidentReportSchema,
  incidentStatusSchema,
  incidentTakeSchema,
  priorityMatrixSchema,
  routingRuleSchema,
  type IncidentCommentInput,
  type IncidentStatusInput,
  type IncidentTakeInput,
  type PriorityMatrix,
  type RoutingRuleInput,
} from '@/lib/incident-schema';
import { runAction } from '@/server/action';
import { readFormWithFiles } from '@/server/files/form-with-files';
import { changeIncidentStatus, commentIncident, reportIncident, takeIncident } from './mutations';
import { deleteRoutingRule, saveRoutingRule } from './routing-rules';
import { savePriorityMatrix } from './priority-matrix';

export async function reportIncidentAction(form: FormData) {
  const { input, files } = await readFormWithFiles(form);
  const result = await runAction('incident.report', incidentReportSchema, input, (user, data, ctx) => reportIncident(user, data, files, ctx));
  if (result.ok) revalidatePath('/intsidendid');
  return result;
}

export async function takeIncidentAction(input: IncidentTakeInput) {
  const result = await runAction('incident.take', incidentTakeSchema, input, (user, data, ctx) => takeIncident(user, data, ctx));
  if (result.ok) revalidatePath('/intsidendid', 'layout');
  return result;
}

export async function changeIncidentStatusAction(input: IncidentStatusInput) {
  const result = await runAction('incident.status', incidentStatusSchema, input, (user, data, ctx) => changeIncidentStatus(user, data, ctx));
  if (result.ok) revalidatePath('/intsidendid', 'layout');
  return result;
}

export async function commentIncidentAction(input: IncidentCommentInput) {
  const result = await runAction('incident.comment', incidentCommentSchema, input, (user, data, ctx) => commentIncident(user, data, ctx));
  if (result.ok) revalidatePath('/intsidendid', 'layout');
  return result;
}

export async function saveRoutingRuleAction(input: RoutingRuleInput) {
  const result = await runAction('incident_rule.save', routingRuleSchema, input, (user, data, ctx) => saveRoutingRule(user, data, ctx));
  if (result.ok) revalidatePath('/admin/suunamine');
  return result;
}

export async function deleteRoutingRuleAction(input: { id: string }) {
  const result = await runAction('incident_rule.delete', incidentIdSchema, input, (user, data, ctx) => deleteRoutingRule(user, data, ctx));
  if (result.ok) revalidatePath('/admin/suunamine');
  return result;
}

export async function savePriorityMatrixAction(input: PriorityMatrix) {
  const result = await runAction('incident_priority_matrix.save', priorityMatrixSchema, input, (user, data, ctx) => savePriorityMatrix(user, data, ctx));
  if (result.ok) revalidatePath('/admin/prioriteedid');
  return result;
}
