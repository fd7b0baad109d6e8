import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { documents } from '@/db/schema';
import { seedDemo } from '@/db/seed/seed';
import { setupTestDatabase } from '@/test/db';
import { seedDemoDocuments } from './demo-documents';

const db = setupTestDatabase();

describe('demo register documents', () => {
  it('are registered through the domain once, and not again', async () => {
    await seedDemo(db.handle().db);
    expect(await seedDemoDocuments()).toBeGreaterThan(0);
    const [first] = await db.handle().db.select({ n: count() }).from(documents);
    expect(await seedDemoDocuments()).toBe(0);
    const [second] = await db.handle().db.select({ n: count() }).from(documents);
    expect(second!.n).toBe(first!.n);
  });
});
