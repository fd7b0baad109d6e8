import { createHash, sign as cryptoSign, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';

// The CMS SignedData inside a PAdES signature (ETSI EN 319 142-1, baseline B-B): detached
// SHA-256 digest of the signed byte ranges, signed attributes content-type, message-digest
// and ESS signing-certificate-v2 (which binds the signer's certificate into what is signed),
// and no signing-time attribute (PAdES puts the time in the signature dictionary's /M).
// Plain DER with Node's crypto: certificates and names are copied byte for byte (never
// decoded and re-encoded), and RSA and EC seals both work.

// --- a minimal DER reader and writer -------------------------------------------------

type Tlv = { tag: number; start: number; contentStart: number; end: number };

function readTlv(buf: Buffer, offset: number): Tlv {
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('multi-byte tags are not used here');
  let length = buf[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > buf.length) throw new Error('DER element runs past the end');
  return { tag, start: offset, contentStart, end };
}

function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end;) {
    const child = readTlv(buf, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

const raw = (buf: Buffer, t: Tlv) => buf.subarray(t.start, t.end);
const content = (buf: Buffer, t: Tlv) => buf.subarray(t.contentStart, t.end);

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

function oid(value: string): Buffer {
  const [first, second, ...rest] = value.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const group = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) group.unshift((v & 0x7f) | 0x80);
    bytes.push(...group);
  }
  return tlv(0x06, Buffer.from(bytes));
}

const SEQ = 0x30;
const SET = 0x31;
const seq = (...parts: Buffer[]) => tlv(SEQ, ...parts);
const set = (...parts: Buffer[]) => tlv(SET, ...parts);
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const int1 = tlv(0x02, Buffer.from([1]));
const NULL = Buffer.from([0x05, 0x00]);

/** DER SET OF: elements sorted by their encodings (X.690 11.6). */
const setOf = (items: Buffer[]) => set(...[...items].sort(Buffer.compare));

// --- PAdES CMS ---------------------------------------------------------------------------

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest();
const sha256Algorithm = seq(oid(OID.sha256), NULL);

/** The raw issuer Name and serialNumber of a certificate. */
function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const certificate = readTlv(certificateDer, 0);
  const tbs = children(certificateDer, certificate)[0]!;
  const fields = children(certificateDer, tbs);
  const offset = fields[0]!.tag === 0xa0 ? 1 : 0; // explicit [0] version
  return { serial: raw(certificateDer, fields[offset]!), issuer: raw(certificateDer, fields[offset + 2]!) };
}

export type CmsSigner = {
  certificateDer: Buffer;
  /** Intermediate certificates to embed, signer's issuer first. */
  chainDer: Buffer[];
  privateKey: KeyObject;
};

export function buildPadesSignature(signedContent: Buffer, signer: CmsSigner): Buffer {
  const { issuer, serial } = issuerAndSerial(signer.certificateDer);
  const isEc = signer.privateKey.asymmetricKeyType === 'ec';
  // ESSCertIDv2 { certHash, issuerSerial { GeneralNames { [4] directoryName }, serial } };
  // hashAlgorithm is omitted because its DEFAULT is SHA-256.
  const essCertIdV2 = seq(octets(sha256(signer.certificateDer)), seq(seq(tlv(0xa4, issuer)), serial));
  const attributes = [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.messageDigest), set(octets(sha256(signedContent)))),
    seq(oid(OID.signingCertificateV2), set(seq(seq(essCertIdV2)))),
  ];
  const attributeSet = setOf(attributes);
  // Signed as a SET OF; stored in SignerInfo as [0] IMPLICIT with the same content.
  const signature = cryptoSign('sha256', attributeSet, signer.privateKey);
  const signedAttrs = Buffer.concat([Buffer.from([0xa0]), attributeSet.subarray(1)]);
  const signerInfo = seq(
    int1,
    seq(issuer, serial),
    sha256Algorithm,
    signedAttrs,
    isEc ? seq(oid(OID.ecdsaWithSha256)) : seq(oid(OID.sha256WithRSA), NULL),
    octets(signature),
  );
  const certificates = tlv(0xa0, signer.certificateDer, ...signer.chainDer);
  const signedData = seq(int1, set(sha256Algorithm), seq(oid(OID.data)), certificates, set(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

export type CmsCheck =
  | { ok: true; certificate: X509Certificate; hasSigningCertificateV2: boolean }
  | { ok: false; reason: 'unreadable' | 'digest-mismatch' | 'bad-signature' | 'no-signer-certificate' | 'signer-certificate-mismatch' };

/**
 * Checks a detached CMS signature over `signedContent`: the message digest matches, the
 * signer's certificate is in the CMS (and is the one signing-certificate-v2 names), and its
 * key made the signature over the signed attributes. Whether that certificate is trusted is
 * the caller's decision. Trailing zero padding after the CMS is ignored.
 */
export function checkPadesSignature(cms: Buffer, signedContent: Buffer): CmsCheck {
  try {
    const contentInfo = readTlv(cms, 0);
    // After the CMS only the placeholder's zero padding may follow.
    if (cms.subarray(contentInfo.end).some((byte) => byte !== 0)) return { ok: false, reason: 'unreadable' };
    const [type, explicit] = children(cms, contentInfo);
    if (!type || !explicit || !raw(cms, type).equals(oid(OID.signedData))) return { ok: false, reason: 'unreadable' };
    const signedData = children(cms, children(cms, explicit)[0]!);
    // A detached signature over PDF bytes: encapsulated content type id-data, no content.
    const encapsulated = signedData.find((t) => t.tag === SEQ && raw(cms, children(cms, t)[0]!).equals(oid(OID.data)));
    if (!encapsulated || children(cms, encapsulated).length !== 1) return { ok: false, reason: 'unreadable' };
    const certificates = signedData.filter((t) => t.tag === 0xa0).flatMap((t) => children(cms, t).map((c) => Buffer.from(raw(cms, c))));
    const signerInfos = children(cms, signedData.at(-1)!);
    if (signerInfos.length !== 1) return { ok: false, reason: 'unreadable' };
    const info = children(cms, signerInfos[0]!);
    const sid = raw(cms, info[1]!);
    const signedAttrs = info.find((t) => t.tag === 0xa0);
    if (!signedAttrs) return { ok: false, reason: 'unreadable' };
    const attrs = new Map<string, Tlv[]>();
    for (const attr of children(cms, signedAttrs)) {
      const [attrType, values] = children(cms, attr);
      attrs.set(raw(cms, attrType!).toString('hex'), children(cms, values!));
    }
    const digest = attrs.get(oid(OID.messageDigest).toString('hex'))?.[0];
    if (!digest || !content(cms, digest).equals(sha256(signedContent))) return { ok: false, reason: 'digest-mismatch' };
    const certificateDer = certificates.find((c) => {
      const { issuer, serial } = issuerAndSerial(c);
      return seq(issuer, serial).equals(sid);
    });
    if (!certificateDer) return { ok: false, reason: 'no-signer-certificate' };
    const ess = attrs.get(oid(OID.signingCertificateV2).toString('hex'))?.[0];
    if (ess) {
      const certs = children(cms, children(cms, ess)[0]!);
      const certHash = children(cms, certs[0]!).find((t) => t.tag === 0x04);
      if (!certHash || !content(cms, certHash).equals(sha256(certificateDer))) return { ok: false, reason: 'signer-certificate-mismatch' };
    }
    const certificate = new X509Certificate(certificateDer);
    const toVerify = Buffer.concat([Buffer.from([SET]), raw(cms, signedAttrs).subarray(1)]);
    const signature = content(cms, info.at(-1)!);
    if (!cryptoVerify('sha256', toVerify, certificate.publicKey, signature)) return { ok: false, reason: 'bad-signature' };
    return { ok: true, certificate, hasSigningCertificateV2: !!ess };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
