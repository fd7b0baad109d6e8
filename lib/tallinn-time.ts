// Europe/Tallinn wall-clock time ⇄ instants, for form fields such as "received at".
const TZ = 'Europe/Tallinn';
const partsFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function offsetMinutes(instant: Date): number {
  const p = Object.fromEntries(partsFmt.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** `2026-11-28T10:15` read as Tallinn time → the instant. Null when the text is not such a time. */
export function tallinnLocalToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(guess)) return null;
  // Two passes settle the offset around daylight-saving changes.
  let instant = new Date(guess - offsetMinutes(new Date(guess)) * 60000);
  instant = new Date(guess - offsetMinutes(instant) * 60000);
  return instant;
}

/** The instant as a `yyyy-mm-ddThh:mm` Tallinn wall-clock value (for datetime-local inputs). */
export function instantToTallinnLocal(instant: Date): string {
  const p = Object.fromEntries(partsFmt.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
