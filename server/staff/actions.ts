'use server';

import { revalidatePath } from 'next/cache';
import { staffActiveSchema, staffInputSchema, staffUpdateSchema, type StaffInput, type StaffUpdateInput } from '@/lib/staff-schema';
import { runAction } from '@/server/action';
import { createStaff, setStaffActive, updateStaff } from './mutations';

export async function createStaffAction(input: StaffInput) {
  const result = await runAction('staff.create', staffInputSchema, input, (user, data, ctx) => createStaff(user, data, ctx));
  if (result.ok) revalidatePath('/admin/tootajad');
  return result;
}

export async function updateStaffAction(input: StaffUpdateInput) {
  const result = await runAction('staff.update', staffUpdateSchema, input, (user, data, ctx) => updateStaff(user, data, ctx));
  if (result.ok) revalidatePath('/admin/tootajad');
  return result;
}

export async function setStaffActiveAction(input: { id: string; active: boolean }) {
  const result = await runAction('staff.set_active', staffActiveSchema, input, (user, data, ctx) => setStaffActive(user, data, ctx));
  if (result.ok) revalidatePath('/admin/tootajad');
  return result;
}
