import type { Db } from '@/db/client';
import { staff } from '@/db/schema';
import type { StaffInput } from '@/lib/staff-schema';

// The staff directory's test fixture: a new person as the staff form sends them (a customer
// service specialist in Tartu with no manager). Each test names only what its case is about.
export const staffInput = (overrides: Partial<StaffInput> = {}): StaffInput => ({
  personalCode: '49403136515',
  givenName: 'Õnne',
  familyName: 'Šmigun',
  email: 'onne.smigun@sotsiaalkindlustusamet.ee',
  phone: '+372 5555 1234',
  title: 'Klienditeeninduse spetsialist',
  unitCode: 'klienditeenindus',
  officeCode: 'tartu',
  regionCode: 'louna',
  managerId: '',
  roles: ['specialist'],
  ...overrides,
});

/**
 * Kaja Kask, a second administrator in the given one's unit and region: the other pair of
 * eyes that publishes what the first one wrote (template texts are never published by
 * their author).
 */
export async function addSecondAdmin(db: Db, like: { unitCode: string; regionCode: string }) {
  const [row] = await db
    .insert(staff)
    .values({
      personalCode: '48802020209',
      givenName: 'Kaja',
      familyName: 'Kask',
      email: 'kaja.kask@example.ee',
      unitCode: like.unitCode,
      regionCode: like.regionCode,
      roles: ['admin'],
    })
    .returning();
  return row!;
}
