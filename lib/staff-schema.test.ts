import { describe, expect, it } from 'vitest';
import { staffInput } from '@/test/staff';
import { staffInputSchema, staffUpdateSchema } from './staff-schema';

const input = staffInput({ email: ' Onne.Smigun@sotsiaalkindlustusamet.ee ', phone: '', title: '', officeCode: '' });

// The actions hand their parsed data to createStaff and updateStaff, which parse again at their own boundary.
describe('staff schema', () => {
  it('the parsed person, with no office and no manager, parses to itself', () => {
    const data = staffInputSchema.parse(input);
    expect(data).toMatchObject({ officeCode: null, managerId: null, titleEn: '', email: 'onne.smigun@sotsiaalkindlustusamet.ee' });
    expect(staffInputSchema.parse(data)).toEqual(data);
  });

  it('the parsed change parses to itself', () => {
    const data = staffUpdateSchema.parse({ ...input, id: '0b7e4a52-52a4-4f6c-9d3c-5c2d1d1b8f11', version: '2026-01-05T10:00:00.000Z' });
    expect(staffUpdateSchema.parse(data)).toEqual(data);
  });
});
