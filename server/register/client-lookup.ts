// The registration form's look-up of a client by personal code.
import { authorize } from '@/server/auth/policy';
import { lookUpClient } from '@/server/clients/lookup';
import type { RegisterActor } from './visibility';

/** The client's name for the registration form; a hit is audited like any view of their data. */
export async function findClientByCode(actor: RegisterActor, personalCode: string, ctx: { requestId: string }) {
  const role = authorize(actor, 'clients.read');
  return lookUpClient(actor, role, personalCode, 'dokumendi registreerimine', ctx);
}
