import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n';
import { checkTexts, initialSources, parseBlock, plainText } from '../shared/texts';
import { textSpecOf } from '../texts';
import { NOTICE_TEXT_SETS, getNoticeTextSet } from './texts';

const spec = (id: string) => textSpecOf(id)!;
const block = (id: string, key: string) => spec(id).blocks.find((b) => b.key === key)!;
const names = (id: string) => Object.keys(spec(id).placeholders);

describe('notice texts', () => {
  it.each(NOTICE_TEXT_SETS.map((s) => s.id))('%s: version 1 is the messages in code and passes its own rules', (id) => {
    const set = getNoticeTextSet(id)!;
    const checked = checkTexts(spec(id), initialSources(spec(id)), 1);
    expect(checked.ok, JSON.stringify(!checked.ok && checked.problems)).toBe(true);
    if (!checked.ok) return;
    for (const b of set.spec.blocks) {
      // Read back as a message, version 1 is the message itself: nothing changes until an administrator publishes.
      for (const language of ['et', 'en'] as const) {
        const message = b.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messagesFor(language));
        expect(plainText(checked.texts.blocks[b.key]![language], (name) => `{${name}}`)).toBe(message);
      }
    }
  });

  it('every block is told apart by its label in both languages', () => {
    for (const set of NOTICE_TEXT_SETS) {
      for (const language of ['et', 'en'] as const) {
        const labels = set.spec.blocks.map((b) => b.label[language]);
        expect(new Set(labels).size, `${set.id} ${language}`).toBe(labels.length);
      }
    }
  });

  it('a block may use only the facts of its own event', () => {
    // {result} is a fact of a task marked done, not of a new task.
    const result = parseBlock('{manager} andis sulle ülesande. {result}', block('notice-task', 'tasks.notices.createdText'), names('notice-task'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ line: 1, reason: 'unknownPlaceholder', detail: 'result' }]);
    const misspelt = parseBlock('{manger} andis sulle ülesande.', block('notice-task', 'tasks.notices.createdText'), names('notice-task'));
    expect(!misspelt.ok && misspelt.problems[0]).toEqual({ line: 1, reason: 'unknownPlaceholder', detail: 'manger → manager' });
  });

  it('a subject keeps what the notice is about, on one line', () => {
    const subject = block('notice-incident', 'incidents.notices.resolvedSubject');
    const dropped = parseBlock('Intsident on lahendatud', subject, names('notice-incident'));
    expect(!dropped.ok && dropped.problems).toEqual([{ line: 0, reason: 'missingPlaceholder', detail: 'number' }]);
    const twoLines = parseBlock('Intsident {number}\n\non lahendatud', subject, names('notice-incident'));
    expect(!twoLines.ok && twoLines.problems.map((p) => p.reason)).toContain('headingOneLine');
  });

  it('keeps paragraphs, line breaks and lists, and refuses emphasis, links and HTML', () => {
    const text = block('notice-common', 'notifications.emailFooter');
    const ok = parseBlock('Töölaud\nKlienditeenindus: 612 1360\n\n- esmaspäev kuni reede\n- 9–17', text, []);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(plainText(ok.block, () => '')).toBe('Töölaud\nKlienditeenindus: 612 1360\n\n• esmaspäev kuni reede\n• 9–17');
    for (const [source, detail] of [
      ['See kiri on **automaatne**.', '**'],
      ['See kiri on *automaatne*.', '*'],
      ['Vaata [siit](https://example.org).', '[ ](…)'],
    ] as const) {
      const refused = parseBlock(source, text, []);
      expect(!refused.ok && refused.problems[0], source).toMatchObject({ line: 1, reason: 'notAllowed', detail });
    }
    const html = parseBlock('<b>Töölaud</b>', text, []);
    expect(html.ok).toBe(false);
  });
});
