// Display formats of the portal: dates dd.mm.yyyy in Europe/Tallinn, euros with a comma.
const TZ = 'Europe/Tallinn';

const dateFmt = new Intl.DateTimeFormat('et-EE', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('et-EE', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });

export function formatDate(value: Date | string): string {
  return dateFmt.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  const d = new Date(value);
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/**
 * Integer cents → `1 234,56 €` (non-breaking spaces, as Estonian typography wants); with
 * `'en'`, as an English document writes it: `€1,234.56`.
 */
export function formatEuros(cents: number, language: 'et' | 'en' = 'et'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const grouped = (separator: string) =>
    Math.floor(abs / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const fraction = String(abs % 100).padStart(2, '0');
  if (language === 'en') return `${sign}€${grouped(',')}.${fraction}`;
  return `${sign}${grouped('\u00a0')},${fraction}\u00a0€`;
}
