// The e-mail every portal notification is sent as: plain text and HTML from the same
// props. Every value is escaped: descriptions typed by staff are shown as text, never
// as markup. Pure, so tests render it without a server.

export type NotificationEmailProps = {
  subject: string;
  /** Paragraphs separated by blank lines; single newlines become line breaks. */
  text: string;
  /** Absolute URL of the page the notification is about. */
  link?: string | null;
  linkLabel?: string;
  footer?: string;
  /** The language of the HTML part (`lang`). */
  lang?: string;
};

export const sampleNotificationEmail: NotificationEmailProps = {
  subject: 'Uus intsident IT-2026-000123: ID-kaardi lugeja (kõrge)',
  text: 'Mari Tamm teatas intsidendist.\n\nKoht: Tallinna klienditeenindus, kabinet 214\nKirjeldus: ID-kaardi lugeja ei tunne kaarti ära.',
  link: 'https://toolaud.sotsiaalkindlustusamet.ee/intsidendid/IT-2026-000123',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderNotificationEmail(props: NotificationEmailProps): { subject: string; text: string; html: string } {
  const linkLabel = props.linkLabel ?? 'Ava Töölaual';
  const footer = props.footer ?? 'Töölaud · Sotsiaalkindlustusameti klienditeenindus. See kiri on saadetud automaatselt.';
  const subject = props.subject.replace(/[\r\n]+/g, ' ').trim();
  const text = [props.text.trim(), props.link ? `${linkLabel}: ${props.link}` : null, '--', footer].filter(Boolean).join('\n\n');
  const paragraphs = props.text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const safeLink = props.link && /^https?:\/\//.test(props.link) ? escapeHtml(props.link) : null;
  const html = `<!doctype html>
<html lang="${props.lang === 'en' ? 'en' : 'et'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:15px;color:#0f172a;line-height:1.5">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(subject)}</h1>
${paragraphs}
${safeLink ? `<p style="margin:16px 0"><a href="${safeLink}" style="color:#174d89">${escapeHtml(linkLabel)}</a></p>` : ''}
<p style="margin-top:24px;font-size:12px;color:#475569">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
