import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { AGENCY } from '@/lib/agency';
import { buildPadesSignature, checkPadesSignature } from './cms';

// The Board's electronic seal on issued PDFs (PAdES baseline B-B, one signature covering
// the whole file). Configuration:
//   SEAL_P12_PATH, SEAL_P12_PASSWORD  the e-seal certificate and key (PKCS#12)
//   SEAL_TRUSTED_CERTS                 optional: extra PEM files (comma-separated) of earlier
//                                      seals, so documents sealed before a renewal still verify
//   demo mode (TOOLAUD_DEMO_SEED=1)    without a configured seal, a self-signed development
//                                      seal is created on first start beside the data directory
// Without either, documents are issued unsealed (and say so by leaving room for ink).

export type Seal = {
  certificate: X509Certificate;
  certificateDer: Buffer;
  chainDer: Buffer[];
  privateKey: KeyObject;
  /** Where it came from, for the log and the health page; never the password. */
  source: 'configured' | 'development';
};

export type SealConfig =
  | { kind: 'configured'; p12Path: string; password: string; trustedCertPaths: string[] }
  | { kind: 'development'; dir: string; trustedCertPaths: string[] }
  | { kind: 'none' };

export function readSealConfig(env: Record<string, string | undefined> = process.env): SealConfig {
  const trustedCertPaths = (env.SEAL_TRUSTED_CERTS ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (env.SEAL_P12_PATH) return { kind: 'configured', p12Path: env.SEAL_P12_PATH, password: env.SEAL_P12_PASSWORD ?? '', trustedCertPaths };
  if (env.TOOLAUD_DEMO_SEED === '1' || env.SEAL_DEVELOPMENT === '1') {
    const dataDir = env.PGLITE_DATA_DIR ?? path.join(process.cwd(), 'data', 'pglite');
    return { kind: 'development', dir: env.SEAL_DEVELOPMENT_DIR ?? path.join(path.dirname(dataDir), 'dev-seal'), trustedCertPaths };
  }
  return { kind: 'none' };
}

/** Reads a PKCS#12 file: the private key and the certificate that matches it, plus any chain. */
export function readPkcs12(p12: Buffer, password: string): Omit<Seal, 'source'> {
  // forge feeds the password to PKCS#12's MAC as UTF-16 but to PBES2 (AES) as single bytes,
  // so a non-ASCII password can never open an OpenSSL 3 file: say so instead of "wrong password".
  if (/[^\x20-\x7e]/.test(password)) throw new Error('SEAL_P12_PASSWORD must be printable ASCII; re-export the PKCS#12 with such a password');
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
  } catch (error) {
    throw new Error(`The e-seal PKCS#12 cannot be opened (wrong password or not a PKCS#12 file): ${(error as Error).message}`);
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)];
  const keyBag = keyBags[0];
  if (!keyBag) throw new Error('The e-seal PKCS#12 holds no private key');
  const keyDer = keyBag.key
    ? Buffer.from(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key))).getBytes(), 'binary')
    : Buffer.from(forge.asn1.toDer(keyBag.asn1 as forge.asn1.Asn1).getBytes(), 'binary');
  const privateKey = createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' });
  const certBags = bags(forge.pki.oids.certBag!);
  const certificates = certBags.map((bag) => {
    const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 as forge.asn1.Asn1);
    const der = Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
    return { der, x509: new X509Certificate(der) };
  });
  const own = certificates.find((c) => c.x509.checkPrivateKey(privateKey));
  if (!own) throw new Error('The e-seal PKCS#12 has no certificate for its private key');
  return {
    certificate: own.x509,
    certificateDer: own.der,
    chainDer: certificates.filter((c) => c !== own).map((c) => c.der),
    privateKey,
  };
}

/**
 * A self-signed development seal, named so that nobody can mistake it for the Board's real
 * one. Node generates the key (forge's pure-JS RSA key generation takes seconds); forge
 * writes the certificate and the PKCS#12 (AES-256), as an operator's real one would be.
 */
export function createDevelopmentSeal(now = new Date()): { p12: Buffer; password: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  const subject = [
    { name: 'countryName', value: 'EE' },
    // forge defaults to PrintableString; as UTF8String it encodes the value itself.
    { name: 'organizationName', value: AGENCY.name.et, valueTagClass: forge.asn1.Type.UTF8 as never },
    // eIDAS legal-person identifier, as on the Board's real e-seal certificate.
    { type: '2.5.4.97', value: `NTREE-${AGENCY.registryCode}`, valueTagClass: forge.asn1.Type.UTF8 as never },
    { name: 'commonName', value: 'Töölaud ARENDUSE TEMPEL (development seal, not valid)', valueTagClass: forge.asn1.Type.UTF8 as never },
  ];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(subject as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const password = randomBytes(18).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: 'aes256', friendlyName: 'toolaud-development-seal' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), password };
}

// File paths come from configuration: `turbopackIgnore` keeps Next from tracing the whole
// project into the server output because of them.
function ensureDevelopmentSeal(dir: string): { p12: Buffer; password: string } {
  const p12Path = path.join(dir, 'seal.p12');
  const passwordPath = path.join(dir, 'seal.password');
  if (!fs.existsSync(/* turbopackIgnore: true */ p12Path)) {
    fs.mkdirSync(/* turbopackIgnore: true */ dir, { recursive: true, mode: 0o700 });
    const created = createDevelopmentSeal();
    // The password first: a crash in between leaves no key without its password.
    fs.writeFileSync(/* turbopackIgnore: true */ passwordPath, created.password, { mode: 0o600 });
    fs.writeFileSync(/* turbopackIgnore: true */ p12Path, created.p12, { mode: 0o600 });
    console.log(JSON.stringify({ level: 'info', source: 'seal', message: `development e-seal created in ${dir}` }));
  }
  return { p12: fs.readFileSync(/* turbopackIgnore: true */ p12Path), password: fs.readFileSync(passwordPath, 'utf8').trim() };
}

/** The seal configured for this process, or null when documents go out unsealed. Throws on a broken configuration. */
export function loadSeal(config: SealConfig = readSealConfig()): Seal | null {
  if (config.kind === 'none') return null;
  if (config.kind === 'configured') {
    let p12: Buffer;
    try {
      p12 = fs.readFileSync(/* turbopackIgnore: true */ config.p12Path);
    } catch (error) {
      throw new Error(`SEAL_P12_PATH cannot be read: ${(error as Error).message}`);
    }
    return { ...readPkcs12(p12, config.password), source: 'configured' };
  }
  const { p12, password } = ensureDevelopmentSeal(config.dir);
  return { ...readPkcs12(p12, password), source: 'development' };
}

const sealKey = Symbol.for('toolaud.pdf.seal');
type GlobalWithSeal = typeof globalThis & { [sealKey]?: { seal: Seal | null; trusted: X509Certificate[] } };

function loaded(): { seal: Seal | null; trusted: X509Certificate[] } {
  const g = globalThis as GlobalWithSeal;
  if (!g[sealKey]) {
    const config = readSealConfig();
    const seal = loadSeal(config);
    const trusted = config.kind === 'none' ? [] : config.trustedCertPaths.map((p) => new X509Certificate(fs.readFileSync(/* turbopackIgnore: true */ p)));
    g[sealKey] = { seal, trusted: seal ? [seal.certificate, ...trusted] : trusted };
  }
  return g[sealKey];
}

/** The process's seal (loaded once; the development seal is created here on first use). */
export function getSeal(): Seal | null {
  return loaded().seal;
}

/** Certificates whose seals this portal accepts as its own: the current seal and earlier ones. */
export function trustedSealCertificates(): X509Certificate[] {
  return loaded().trusted;
}

/** For tests: forget the loaded seal so the next call reads the configuration again. */
export function resetSealCache(): void {
  delete (globalThis as GlobalWithSeal)[sealKey];
}

class PadesSigner extends Signer {
  constructor(private readonly seal: Seal) {
    super();
  }
  async sign(content: Buffer): Promise<Buffer> {
    return buildPadesSignature(content, this.seal);
  }
}

// Room for the CMS: certificate chain of a real e-seal (two or three certificates) and an
// RSA-4096 signature fit in well under 12 KB; the placeholder is zero-padded.
const SIGNATURE_LENGTH = 12_288;

/**
 * Seals a PDF: adds a signature field (invisible) and the PAdES signature over every byte
 * except the signature itself. `signingTime` goes into /M (PAdES keeps it out of the CMS).
 */
export async function sealPdf(pdf: Uint8Array, seal: Seal, { signingTime = new Date() }: { signingTime?: Date } = {}): Promise<Uint8Array> {
  // ASCII only: placeholder-plain writes these strings as UTF-8 bytes into PDF literal
  // strings, which viewers would show garbled.
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: 'Issued and sealed by Sotsiaalkindlustusamet',
    contactInfo: AGENCY.email,
    name: AGENCY.name.et,
    location: `${AGENCY.city}, Estonia`,
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Toolaud',
  });
  const sealed = await new SignPdf().sign(withPlaceholder, new PadesSigner(seal));
  return new Uint8Array(sealed);
}

export type SealVerification =
  | {
      status: 'valid';
      /** The verification code printed in the document (from its signed metadata). */
      verificationCode: string | null;
      signer: { subject: string; fingerprint256: string };
      signedAt: Date | null;
    }
  | { status: 'invalid'; reason: string; verificationCode: string | null }
  | { status: 'unsigned'; verificationCode: string | null };

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The code the template put into the document's keywords (`toolaud-kontrollkood:…`). */
export function readVerificationCode(pdf: Uint8Array, end = pdf.length): string | null {
  const text = latin1(pdf.subarray(0, end));
  const match = /toolaud-kontrollkood:([0-9A-HJKMNP-TV-Z]{11})/.exec(text);
  return match ? match[1]! : null;
}

function parsePdfDate(value: string | undefined): Date | null {
  const m = value && /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Is this the PDF the portal sealed, unchanged? Valid only when there is exactly one
 * signature, its byte range covers the whole file (nothing added after sealing), the CMS
 * digest and signature check out, and the signer's certificate is one of `trusted` (our own
 * seals, not merely any certificate). The verification code is read from the signed part.
 */
export function verifySealedPdf(pdf: Uint8Array, trusted: X509Certificate[] = trustedSealCertificates()): SealVerification {
  const bytes = Buffer.from(pdf);
  const text = latin1(bytes);
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) return { status: 'unsigned', verificationCode: readVerificationCode(bytes) };
  // An invalid file still names the code it was issued with (read, not trusted): the check
  // then says "changed after issuing" instead of "not issued by the portal".
  if (ranges.length > 1) return { status: 'invalid', reason: 'more-than-one-signature', verificationCode: readVerificationCode(bytes) };
  const [a, b, c, d] = ranges[0]!.slice(1, 5).map(Number) as [number, number, number, number];
  // The gap must be exactly the hex string of /Contents, and the ranges must reach the end of the file.
  if (a !== 0 || b <= 0 || c <= b || c + d !== bytes.length || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) {
    return { status: 'invalid', reason: 'signature-does-not-cover-the-document', verificationCode: readVerificationCode(bytes) };
  }
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { status: 'invalid', reason: 'signature-unreadable', verificationCode: readVerificationCode(bytes) };
  const signed = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
  const verificationCode = readVerificationCode(bytes.subarray(0, b));
  const check = checkPadesSignature(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'), signed);
  if (!check.ok) return { status: 'invalid', reason: check.reason, verificationCode };
  const fingerprint = check.certificate.fingerprint256;
  if (!trusted.some((t) => t.fingerprint256 === fingerprint)) return { status: 'invalid', reason: 'not-our-seal', verificationCode };
  const signatureDictionary = text.slice(c, c + 2000);
  const signedAt = parsePdfDate(/\/M\s*\(([^)]*)\)/.exec(signatureDictionary)?.[1]);
  return { status: 'valid', verificationCode, signer: { subject: check.certificate.subject, fingerprint256: fingerprint }, signedAt };
}
