import { describe, expect, it } from 'vitest';
import { renderNotificationEmail, sampleNotificationEmail } from './notification';

describe('notification e-mail', () => {
  it('renders text and HTML with the link', () => {
    const mail = renderNotificationEmail(sampleNotificationEmail);
    expect(mail.text).toContain('ID-kaardi lugeja ei tunne kaarti ära.');
    expect(mail.text).toContain('Ava Töölaual: https://toolaud.sotsiaalkindlustusamet.ee/intsidendid/IT-2026-000123');
    expect(mail.html).toContain('<a href="https://toolaud.sotsiaalkindlustusamet.ee/intsidendid/IT-2026-000123"');
    expect(mail.html).toContain('Koht: Tallinna klienditeenindus, kabinet 214<br>Kirjeldus');
  });

  it('shows script typed by staff as text, and keeps headers on one line', () => {
    const mail = renderNotificationEmail({
      subject: 'Uus <b>x</b>\r\nBcc: evil@example.com',
      text: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).toBe('Uus <b>x</b> Bcc: evil@example.com');
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('links only to http(s) addresses', () => {
    expect(renderNotificationEmail({ subject: 's', text: 't', link: 'javascript:alert(1)' }).html).not.toContain('javascript:');
  });
});
