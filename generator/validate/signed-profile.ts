/**
 * Signed profiles: a CMS (PKCS #7) SignedData envelope around the plist. The envelope is read with
 * asn1js and PKI.js; this module only picks out the content, names the signer and asks PKI.js to
 * check the signature against the signer's own certificate.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData, type RelativeDistinguishedNames, type SignerInfo } from 'pkijs';
import { verifyChain, type ChainVerdict, type TrustAnchors } from './trust.js';

/** What a signed profile's envelope says about who signed it. */
export interface SignerSummary {
  /** The signer certificate's subject, as `CN=…, O=…`; empty when the envelope has no certificate for the signer. */
  subject: string;
  issuer: string;
  /** The signature matches the content and the signer's certificate. */
  signatureValid: boolean;
  /** The signer's chain verified to the anchors given; absent when none were given (the chain was not checked). */
  chain?: ChainVerdict;
  /** Certificates carried in the envelope. */
  certificates: number;
}

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

/** Short names for the attribute types a subject usually holds. */
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber', '0.9.2342.19200300.100.1.1': 'UID', '1.2.840.113549.1.9.1': 'emailAddress',
};

function distinguishedName(rdn: RelativeDistinguishedNames): string {
  return rdn.typesAndValues
    .map((tv) => `${ATTRIBUTE_NAMES[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value?: unknown }).value ?? '')}`)
    .join(', ');
}

/** True when the bytes start like a DER SEQUENCE, the outer shape of a CMS envelope. */
export function looksLikeEnvelope(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x30;
}

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

function bytesOf(v: ArrayBuffer | Uint8Array): Buffer {
  return Buffer.from(v instanceof Uint8Array ? v : new Uint8Array(v));
}

/** The key identifier of a certificate: its subjectKeyIdentifier extension, or the SHA-1 of its public key (RFC 5280's first method). */
function keyIdentifiers(cert: Certificate): Buffer[] {
  const ids: Buffer[] = [];
  for (const e of cert.extensions ?? []) {
    if (e.extnID === SUBJECT_KEY_IDENTIFIER && e.parsedValue instanceof asn1js.OctetString) ids.push(bytesOf(e.parsedValue.valueBlock.valueHexView));
  }
  ids.push(createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest());
  return ids;
}

/**
 * The certificate a signer names: by issuer and serial number, or (RFC 5652 allows either) by
 * subject key identifier, `[0]` in the SignerInfo, matched to the certificates' own identifiers.
 */
function signerCertificate(info: SignerInfo, certificates: readonly Certificate[]): Certificate | undefined {
  const sid = info.sid as unknown;
  if (sid instanceof IssuerAndSerialNumber) return certificates.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer));
  const block = sid as { idBlock?: { tagClass: number; tagNumber: number; isConstructed: boolean }; valueBlock?: { valueHexView?: Uint8Array; value?: Array<{ valueBlock: { valueHexView: Uint8Array } }> } };
  if (block.idBlock?.tagClass !== 3 || block.idBlock.tagNumber !== 0) return undefined;
  const raw = block.idBlock.isConstructed ? block.valueBlock?.value?.[0]?.valueBlock.valueHexView : block.valueBlock?.valueHexView;
  if (!raw) return undefined;
  const id = bytesOf(raw);
  return certificates.find((c) => keyIdentifiers(c).some((k) => k.equals(id)));
}

/** Anchors to verify the signer's chain to, and the date to verify it at. */
export interface TrustOptions {
  anchors: TrustAnchors;
  date: Date;
}

/** The signed content and a summary of the signer. Throws EnvelopeError for anything malformed. */
export async function openEnvelope(bytes: Uint8Array, trust?: TrustOptions): Promise<{ content: Uint8Array; signer: SignerSummary }> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const asn1 = asn1js.fromBER(buffer);
  if (asn1.offset === -1 || asn1.result.error) {
    throw new EnvelopeError(`the signed envelope is truncated or malformed (${asn1.result.error || 'unreadable DER'})`);
  }
  let signed: SignedData;
  try {
    const info = new ContentInfo({ schema: asn1.result });
    if (info.contentType !== ContentInfo.SIGNED_DATA) throw new EnvelopeError(`the envelope holds CMS content of type ${info.contentType}, not SignedData`);
    signed = new SignedData({ schema: info.content });
  } catch (e) {
    if (e instanceof EnvelopeError) throw e;
    throw new EnvelopeError(`the signed envelope is not CMS SignedData (${(e as Error).message})`);
  }
  const econtent = signed.encapContentInfo.eContent;
  if (!econtent) throw new EnvelopeError('the signed envelope carries no content (a detached signature)');
  const content = new Uint8Array(econtent.getValue());
  const certificates = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  const signerInfo = signed.signerInfos[0];
  const cert = signerInfo ? signerCertificate(signerInfo, certificates) : undefined;
  let signatureValid = false;
  if (signerInfo) {
    // PKI.js finds a key-identified signer only by the SHA-1 of its key; named by the certificate
    // found here, the signature is checked against that certificate. The identifier is not signed.
    if (cert && !(signerInfo.sid instanceof IssuerAndSerialNumber)) signerInfo.sid = new IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber });
    try {
      signatureValid = await signed.verify({ signer: 0, checkChain: false });
    } catch {
      signatureValid = false;
    }
  }
  const signer: SignerSummary = {
    subject: cert ? distinguishedName(cert.subject) : '',
    issuer: cert ? distinguishedName(cert.issuer) : '',
    signatureValid,
    certificates: certificates.length,
  };
  if (trust) {
    signer.chain = cert
      ? await verifyChain(cert, certificates, trust.anchors, trust.date)
      : { trusted: false, reason: "the envelope carries no certificate for the signer" };
  }
  return { content, signer };
}
