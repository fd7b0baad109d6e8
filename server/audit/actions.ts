'use server';

import { z } from 'zod';
import { runAction } from '@/server/action';
import { verifyAuditTrail } from './queries';

export async function verifyAuditTrailAction() {
  return runAction('audit.verify', z.object({}), {}, (user) => verifyAuditTrail(user));
}
