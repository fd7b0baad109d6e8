import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getTemplate } from '@/templates/registry';
import { pdfsig, pdfText } from '@/test/pdf';
import { inspectPdf, produceDocument } from './index';
import { renderDocument, setRenderPool } from './render';
import { RenderPool } from './render-pool';
import {
  createDevelopmentSeal,
  loadSeal,
  readPkcs12,
  readSealConfig,
  resetSealCache,
  sealPdf,
  trustedSealCertificates,
  verifySealedPdf,
  type Seal,
} from './seal';

// Worker start-up and font parsing take seconds on a busy machine; these are ceilings, not timings.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// The seal is checked twice: by poppler's pdfsig, an independent implementation, and by the
// portal's own verifySealedPdf. The development seal is self-signed, so pdfsig cannot trust
// its issuer ("Certificate issuer is unknown"): what must hold is "Signature is Valid" and
// "Total document signed", and that one changed byte breaks it.

const registration = { registrationNumber: '2-1/1534-1', registeredAt: '2026-11-20T09:30:00+02:00', verificationCode: 'K7QF3M9XTRF' };
let dir: string;
let seal: Seal;
let document: Uint8Array;
let sealed: Uint8Array;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolaud-seal-'));
  await setRenderPool(new RenderPool({ root: process.cwd(), maxRenders: 1000, renderTimeoutMs: 60_000, warmup: false }));
  seal = loadSeal(readSealConfig({ SEAL_DEVELOPMENT: '1', SEAL_DEVELOPMENT_DIR: path.join(dir, 'dev-seal') }))!;
  document = await renderDocument('benefit-certificate', getTemplate('benefit-certificate')!.sample, registration, { sealed: true });
  sealed = await sealPdf(document, seal, { signingTime: new Date('2026-11-20T07:31:00Z') });
});

afterAll(async () => {
  await setRenderPool(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy with one byte changed at `position` (a letter swapped for another, so the file still parses). */
function withChangedByte(bytes: Uint8Array, position: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[position] = copy[position] === 0x41 ? 0x42 : 0x41;
  return copy;
}

function byteRange(bytes: Uint8Array): [number, number, number, number] {
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(Buffer.from(bytes).toString('latin1'))!;
  return match.slice(1, 5).map(Number) as [number, number, number, number];
}

describe('development seal', () => {
  it('is created once, beside the data, readable only by the portal, and reused after that', () => {
    const sealDir = path.join(dir, 'dev-seal');
    expect(fs.statSync(path.join(sealDir, 'seal.p12')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(sealDir, 'seal.password')).mode & 0o777).toBe(0o600);
    const again = loadSeal(readSealConfig({ SEAL_DEVELOPMENT: '1', SEAL_DEVELOPMENT_DIR: sealDir }))!;
    expect(again.certificate.fingerprint256).toBe(seal.certificate.fingerprint256);
    expect(again.source).toBe('development');
    expect(seal.certificate.subject).toContain('organizationIdentifier=NTREE-70001975');
    expect(seal.certificate.subject).toContain('CN=Töölaud ARENDUSE TEMPEL');
  });

  it('is what demo mode uses; a configured PKCS#12 wins; without either nothing is sealed', () => {
    expect(readSealConfig({ TOOLAUD_DEMO_SEED: '1', PGLITE_DATA_DIR: '/srv/toolaud/data/pglite' })).toMatchObject({
      kind: 'development',
      dir: '/srv/toolaud/data/dev-seal',
    });
    expect(readSealConfig({ TOOLAUD_DEMO_SEED: '1', SEAL_P12_PATH: '/etc/seal.p12', SEAL_P12_PASSWORD: 'x' })).toMatchObject({
      kind: 'configured',
      p12Path: '/etc/seal.p12',
    });
    expect(readSealConfig({})).toEqual({ kind: 'none' });
  });

  it('refuses a configured seal it cannot open, instead of issuing unsealed', () => {
    const p12Path = path.join(dir, 'other.p12');
    fs.writeFileSync(p12Path, createDevelopmentSeal().p12);
    expect(() => loadSeal({ kind: 'configured', p12Path, password: 'wrong', trustedCertPaths: [] })).toThrow(/cannot be opened/);
    expect(() => loadSeal({ kind: 'configured', p12Path: path.join(dir, 'missing.p12'), password: '', trustedCertPaths: [] })).toThrow(/SEAL_P12_PATH/);
  });
});

describe('sealed PDF', () => {
  it('verifies with pdfsig: a valid ETSI.CAdES.detached signature over the whole document', () => {
    const report = pdfsig(sealed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('NTREE-70001975');
    // Self-signed development seal: the signature is valid, its issuer is not a trusted CA.
    expect(report).not.toContain('Certificate is Trusted');
  });

  it('verifies with the portal: our seal, the whole file, and the verification code read back', () => {
    const result = verifySealedPdf(sealed, [seal.certificate]);
    expect(result).toMatchObject({ status: 'valid', verificationCode: 'K7QF3M9XTRF', signedAt: new Date('2026-11-20T07:31:00Z') });
    expect(result.status === 'valid' && result.signer.fingerprint256).toBe(seal.certificate.fingerprint256);
    // The visible document is unchanged by sealing.
    expect(pdfText(sealed)).toBe(pdfText(document));
  });

  it('one changed byte before the signature: pdfsig and the portal both say invalid', () => {
    const [, signatureStart] = byteRange(sealed);
    const changed = withChangedByte(sealed, Math.floor(signatureStart / 2));
    const report = pdfsig(changed);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toContain('Digest Mismatch');
    expect(verifySealedPdf(changed, [seal.certificate])).toMatchObject({ status: 'invalid', reason: 'digest-mismatch' });
  });

  it('one changed byte after the signature: both say invalid', () => {
    const [, , afterSignature, length] = byteRange(sealed);
    const changed = withChangedByte(sealed, afterSignature + Math.floor(length / 2));
    expect(pdfsig(changed)).not.toContain('Signature is Valid');
    expect(verifySealedPdf(changed, [seal.certificate]).status).toBe('invalid');
  });

  it('a changed byte inside the signature itself, or in its padding: invalid', () => {
    const [, signatureStart, signatureEnd] = byteRange(sealed);
    const hex = Buffer.from(sealed.subarray(signatureStart + 1, signatureEnd - 1)).toString('latin1');
    const cmsEnd = signatureStart + 1 + hex.replace(/(00)+$/, '').length;
    for (const position of [cmsEnd - 10, signatureStart + 1 + Math.floor((cmsEnd - signatureStart) / 2), cmsEnd + 40]) {
      const changed = Uint8Array.from(sealed);
      changed[position] = changed[position] === 0x31 ? 0x32 : 0x31;
      expect(verifySealedPdf(changed, [seal.certificate]).status, `byte ${position - signatureStart} of the signature`).toBe('invalid');
    }
  });

  it('anything appended after sealing (an incremental update) is not covered: invalid', () => {
    const appended = Buffer.concat([Buffer.from(sealed), Buffer.from('\n% added later\n')]);
    expect(verifySealedPdf(appended, [seal.certificate])).toMatchObject({ status: 'invalid', reason: 'signature-does-not-cover-the-document' });
  });

  it('a valid signature by someone else’s seal is not ours', async () => {
    const other = { ...readPkcs12(...(Object.values(createDevelopmentSeal()) as [Buffer, string])), source: 'configured' as const };
    const foreign = await sealPdf(document, other);
    expect(pdfsig(foreign)).toContain('Signature is Valid');
    expect(verifySealedPdf(foreign, [seal.certificate])).toMatchObject({ status: 'invalid', reason: 'not-our-seal', verificationCode: 'K7QF3M9XTRF' });
    // After a seal renewal the earlier certificate stays trusted (SEAL_TRUSTED_CERTS).
    expect(verifySealedPdf(foreign, [seal.certificate, other.certificate]).status).toBe('valid');
  });

  it('an unsealed PDF is reported as unsigned, with its code', () => {
    expect(verifySealedPdf(document, [seal.certificate])).toEqual({ status: 'unsigned', verificationCode: 'K7QF3M9XTRF' });
    expect(verifySealedPdf(new TextEncoder().encode('%PDF-1.3\nnot much\n%%EOF'), [seal.certificate])).toEqual({ status: 'unsigned', verificationCode: null });
  });

  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!hasOpenssl)('seals with an EC key from an OpenSSL 3 PKCS#12 (AES, PBKDF2) as a real e-seal may be', async () => {
    const key = path.join(dir, 'ec.key');
    const crt = path.join(dir, 'ec.crt');
    const p12 = path.join(dir, 'ec.p12');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        crt,
        '-days',
        '2',
        '-subj',
        '/C=EE/O=Sotsiaalkindlustusamet/CN=EC test seal',
      ],
      { stdio: 'ignore' },
    );
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:Sala-sona 2026'], { stdio: 'ignore' });
    expect(() => loadSeal({ kind: 'configured', p12Path: p12, password: 'Salasõna', trustedCertPaths: [] })).toThrow(/printable ASCII/);
    const ec = loadSeal({ kind: 'configured', p12Path: p12, password: 'Sala-sona 2026', trustedCertPaths: [] })!;
    expect(ec.privateKey.asymmetricKeyType).toBe('ec');
    const ecSealed = await sealPdf(document, ec);
    expect(pdfsig(ecSealed)).toContain('Signature Validation: Signature is Valid.');
    expect(verifySealedPdf(ecSealed, [ec.certificate]).status).toBe('valid');
  });
});

describe('produceDocument', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    resetSealCache();
  });

  it('renders, seals with the configured seal, and returns what the register stores', async () => {
    process.env.SEAL_DEVELOPMENT = '1';
    process.env.SEAL_DEVELOPMENT_DIR = path.join(dir, 'dev-seal');
    resetSealCache();
    const produced = await produceDocument({ templateId: 'reply-letter', data: getTemplate('reply-letter')!.sample, registration });
    expect(produced).toMatchObject({ templateId: 'reply-letter', templateVersion: 1, documentType: 'reply', verificationCode: 'K7QF3M9XTRF', sealed: true });
    expect(produced.sealCertificate).toBe(seal.certificate.fingerprint256);
    expect(produced.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { createHash } = await import('node:crypto');
    expect(produced.sha256).toBe(createHash('sha256').update(produced.bytes).digest('hex'));
    expect(verifySealedPdf(produced.bytes, trustedSealCertificates())).toMatchObject({ status: 'valid', verificationCode: 'K7QF3M9XTRF' });
    // What the verification page's upload gets: the code to look up and the hash to compare.
    expect(inspectPdf(produced.bytes)).toMatchObject({ sha256: produced.sha256, verificationCode: 'K7QF3M9XTRF', seal: { status: 'valid' } });
    const changed = withChangedByte(produced.bytes, 5000);
    expect(inspectPdf(changed)).toMatchObject({ verificationCode: 'K7QF3M9XTRF', seal: { status: 'invalid' } });
    expect(inspectPdf(changed).sha256).not.toBe(produced.sha256);
    expect(pdfText(produced.bytes)).toContain('(kinnitatud elektroonilise templiga)');
    expect(produced.data).toMatchObject({ restriction: { basis: 'AvTS § 35 lg 1 p 12' } });
  });

  it('issues unsealed, with room for a signature, when no seal is configured', async () => {
    delete process.env.SEAL_DEVELOPMENT;
    delete process.env.SEAL_DEVELOPMENT_DIR;
    delete process.env.SEAL_P12_PATH;
    delete process.env.TOOLAUD_DEMO_SEED;
    resetSealCache();
    const produced = await produceDocument({ templateId: 'certified-copy', data: getTemplate('certified-copy')!.sample, registration });
    expect(produced).toMatchObject({ sealed: false, sealCertificate: null });
    expect(verifySealedPdf(produced.bytes, [seal.certificate]).status).toBe('unsigned');
    expect(inspectPdf(produced.bytes)).toMatchObject({ sha256: produced.sha256, verificationCode: 'K7QF3M9XTRF', seal: { status: 'unsigned' } });
    expect(pdfText(produced.bytes)).toContain('(allkiri)');
  });
});
