import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatEuros } from './format';

describe('formats', () => {
  it('shows dates as dd.mm.yyyy in Tallinn time', () => {
    expect(formatDate(new Date('2026-02-24T12:00:00Z'))).toBe('24.02.2026');
    // 22:30 UTC on 31 Dec is already New Year in Tallinn (UTC+2).
    expect(formatDate(new Date('2026-12-31T22:30:00Z'))).toBe('01.01.2027');
    expect(formatDateTime(new Date('2026-06-23T21:05:00Z'))).toBe('24.06.2026 00:05');
  });

  it('shows euros with a comma decimal', () => {
    expect(formatEuros(123456)).toBe('1\u00a0234,56\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(-100)).toBe('-1,00\u00a0€');
  });

  it('shows euros as an English document writes them', () => {
    expect(formatEuros(123456, 'en')).toBe('€1,234.56');
    expect(formatEuros(123456789, 'en')).toBe('€1,234,567.89');
    expect(formatEuros(-5, 'en')).toBe('-€0.05');
  });
});
