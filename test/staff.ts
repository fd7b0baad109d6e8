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
