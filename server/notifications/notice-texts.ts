import { messagesFor, type Locale, type Messages } from '@/lib/i18n';
import { noticeGroupOf } from '@/lib/notification-kinds';
import { textsInForceOf } from '@/server/templates/texts';
import type { Queryable } from '@/server/tx';
import { NOTICE_SET_IDS, type NoticeSetId } from '@/templates/notices/texts';
import { plainText, type DocumentTexts } from '@/templates/shared/texts';

// The words notices are rendered with: the messages in code, with the published versions of
// the notice texts in force laid over them (templates/notices/texts.ts: a block's key is the
// message's path). A parsed block goes back to a message with `{name}` where its placeholders
// were, so notices.ts fills it as it fills any message, and a value is never read as Markdown.
// The version in force comes from server/templates/texts.ts's cache (one query per
// TEXTS_CACHE_TTL_MS and process); the laid-over messages are kept per set of versions.

export type NoticeWords = {
  messages: (locale: Locale) => Messages;
  /** The version of each set of notice texts these words are (kept with each e-mail sent). */
  versions: Record<NoticeSetId, number>;
};

const byVersions = new Map<string, NoticeWords>();

function overlay(locale: Locale, texts: readonly DocumentTexts[]): Messages {
  const messages = structuredClone(messagesFor(locale)) as unknown as Record<string, unknown>;
  for (const set of texts) {
    if (set.version === 1) continue;
    for (const [path, block] of Object.entries(set.blocks)) {
      const parts = path.split('.');
      const parent = parts.slice(0, -1).reduce<Record<string, unknown> | undefined>((node, part) => node?.[part] as Record<string, unknown>, messages);
      if (parent && typeof parent[parts.at(-1)!] === 'string') parent[parts.at(-1)!] = plainText(block[locale], (name) => `{${name}}`);
    }
  }
  return messages as unknown as Messages;
}

/** The notice words in force at `at` (inside the caller's transaction when it has one). */
export async function noticeWords(db: Queryable, at: Date = new Date()): Promise<NoticeWords> {
  const texts = await textsInForceOf(db, NOTICE_SET_IDS, at);
  const key = texts.map((t) => t.version).join('.');
  let words = byVersions.get(key);
  if (!words) {
    const versions = Object.fromEntries(NOTICE_SET_IDS.map((id, i) => [id, texts[i]!.version])) as Record<NoticeSetId, number>;
    const edited = texts.some((t) => t.version !== 1);
    const laid = { et: edited ? overlay('et', texts) : messagesFor('et'), en: edited ? overlay('en', texts) : messagesFor('en') };
    words = { messages: (locale) => laid[locale], versions };
    // Versions only ever grow, so the map holds a handful of entries in a process's life.
    byVersions.set(key, words);
  }
  return words;
}

/** The sets whose words a notice of `kind` uses: its group's and the shared one. */
export function noticeSetsOf(kind: string): NoticeSetId[] {
  const group = noticeGroupOf(kind);
  return group ? ['notice-common', `notice-${group}`] : ['notice-common'];
}
