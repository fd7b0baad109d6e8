import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainBody, GENESIS_HASH, rowHash, type ChainedFields } from './chain';

const row = (over: Partial<ChainedFields> = {}): ChainedFields => ({
  seq: 41,
  at: new Date('2026-11-28T10:15:30.123Z'),
  actorCode: '47805122004',
  actorRole: 'specialist',
  action: 'document.view',
  entityType: 'document',
  entityId: '0b9f6c1e-4f8a-4d7e-9a51-1d2c3b4a5f60',
  subjectCode: '39001010002',
  purpose: 'Taotluse menetlemine',
  outcome: 'success',
  requestId: 'req-1',
  details: { number: '2-1/26/15', files: ['ab', 'cd'], nested: { z: 1, a: [null, true, 2.5] } },
  ...over,
});

// The hash as the chain has always defined it: sha256(prev "\n" canonicalJson(row)).
const definition = (prev: string, r: ChainedFields) =>
  createHash('sha256')
    .update(prev)
    .update('\n')
    .update(canonicalJson({ ...r, at: r.at.toISOString() }))
    .digest('hex');

describe('the audit chain body', () => {
  it.each([
    ['a full row', row()],
    [
      'nulls everywhere',
      row({ actorCode: null, actorRole: null, entityType: null, entityId: null, subjectCode: null, purpose: null, requestId: null, details: null }),
    ],
    ['text the JSON must escape', row({ purpose: 'Jutumärgid " ja \\ ja \n reavahetus, õäöü ja 😀', details: { '"key"': '</script>', ü: '\u0000\u001f' } })],
    ['the first row', row({ seq: 1 })],
    ['a large seq', row({ seq: 9_007_199_254 })],
  ])('splits around seq so that before + seq + after is the canonical JSON: %s', (_name, r) => {
    const { seq, ...rest } = r;
    const { before, after } = chainBody(rest);
    expect(`${before}${seq}${after}`).toBe(canonicalJson({ ...r, at: r.at.toISOString() }));
    expect(JSON.parse(`${before}${seq}${after}`).seq).toBe(seq);
  });

  it('hashes exactly as before, so existing chains still verify', () => {
    for (const r of [row(), row({ seq: 1, details: null }), row({ purpose: 'õ"\\' })]) {
      expect(rowHash(GENESIS_HASH, r)).toBe(definition(GENESIS_HASH, r));
      expect(rowHash('f'.repeat(64), r)).toBe(definition('f'.repeat(64), r));
    }
  });
});
