import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { proposals } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { ForbiddenError } from '@/server/auth/policy';
import { myDesk } from '@/server/desk/queries';
import { setupTestDatabase } from '@/test/db';
import { files } from '@/test/incidents';
import { countRows, ctx, loadPeople, type People } from '@/test/tasks';
import { versionNow } from '@/test/versions';
import { answerProposal, submitProposal } from './mutations';
import { getProposal, getProposalAttachment, listMyProposals, listReceivedProposals } from './queries';

const db = setupTestDatabase();
const d = () => db.handle().db;
const pageVersion = (id: string) => versionNow(d(), 'proposals', id);
let people: People;

beforeAll(async () => {
  await seedDemo(d());
  people = await loadPeople(d());
});

const proposal = { title: 'Ooteala ekraan', description: 'Teise korruse ootealas ei näe kliendid järjekorranumbrit.' };

describe('improvement proposals', () => {
  it('goes to the author’s manager, who answers; the author sees the answer', async () => {
    const { id } = await submitProposal(people.mari, proposal, [files.pdf()], ctx);
    const [row] = await d().select().from(proposals).where(eq(proposals.id, id));
    expect(row).toMatchObject({ managerId: people.juri.id, status: 'submitted' });
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${people.juri.id} and kind = 'proposal.submitted'`)).toBe(1);
    expect((await listReceivedProposals(people.juri)).map((p) => p.id)).toContain(id);
    expect((await myDesk(people.juri)).find((i) => i.id === id)).toMatchObject({ kind: 'proposal', detail: 'Mari Tamm' });
    expect((await getProposalAttachment(people.mari, id))!.filename).toBe('akt.pdf');

    await expect(answerProposal(people.juri, { id, version: await pageVersion(id), status: 'declined', answer: '' }, ctx)).rejects.toBeInstanceOf(ZodError);
    const shown = await pageVersion(id);
    await answerProposal(people.juri, { id, version: shown, status: 'under_consideration', answer: 'Arutame eelarve koostamisel.' }, ctx);
    // An answer from a page opened before that one is refused: the proposal has changed since.
    await expect(answerProposal(people.juri, { id, version: shown, status: 'declined', answer: 'Ei.' }, ctx)).rejects.toMatchObject({ code: 'errors.stale' });
    const seen = await getProposal(people.mari, id);
    expect(seen).toMatchObject({
      proposal: { status: 'under_consideration', answer: 'Arutame eelarve koostamisel.' },
      answeredByName: 'Jüri Õunapuu',
      canAnswer: false,
    });
    expect(await countRows(d(), 'notifications', sql`recipient_id = ${people.mari.id} and kind = 'proposal.answered'`)).toBe(1);
    expect((await listMyProposals(people.mari)).map((p) => p.status)).toEqual(['under_consideration']);
  });

  it('nobody else reads or answers it: a colleague, another region’s manager', async () => {
    const { id } = await submitProposal(people.tonu, proposal, [], ctx);
    expect(await getProposal(people.mari, id)).toBeNull();
    expect(await getProposalAttachment(people.mari, id)).toBeNull();
    expect(await getProposal(people.ulle, id)).toBeNull();
    await expect(answerProposal(people.ulle, { id, version: await pageVersion(id), status: 'accepted', answer: '' }, ctx)).rejects.toMatchObject({
      code: 'errors.notFound',
    });
    await expect(answerProposal(people.mari, { id, version: await pageVersion(id), status: 'accepted', answer: '' }, ctx)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const [row] = await d().select().from(proposals).where(eq(proposals.id, id));
    expect(row!.status).toBe('submitted');
  });

  it('someone without a manager is told so, and nothing is saved', async () => {
    const before = await countRows(d(), 'proposals');
    await expect(submitProposal(people.juri, proposal, [], ctx)).rejects.toMatchObject({ code: 'errors.proposalNoManager' });
    await expect(submitProposal(people.mari, proposal, [files.exeAsPng()], ctx)).rejects.toMatchObject({ code: 'errors.attachmentType' });
    expect(await countRows(d(), 'proposals')).toBe(before);
  });
});
