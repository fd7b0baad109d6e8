'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n';
import { sameOriginPath } from '@/lib/same-origin-path';
import { recordAudit } from '@/server/audit/record';
import { readAuthConfig, sessionCookieName } from './config';
import { currentSessionToken, getCurrentUser, getRequestId } from './current-user';
import { deleteSession } from './sessions';

/** Ends the portal's own session: TARA has no single sign-out. */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  const token = await currentSessionToken();
  if (token) await deleteSession(token);
  const status = readAuthConfig();
  const jar = await cookies();
  if (status.ok) jar.delete(sessionCookieName(status.config.secureCookies));
  if (user) {
    await recordAudit({
      action: 'auth.signout',
      actorCode: user.personalCode,
      actorRole: user.roles.join(','),
      entityType: 'staff',
      entityId: user.id,
      requestId: await getRequestId(),
    });
  }
  redirect('/sisene?valjas=1');
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  }
  // Only a path on the portal: the value came from the form.
  const status = readAuthConfig();
  redirect(sameOriginPath(formData.get('back'), status.ok ? status.config.portalUrl : undefined));
}
