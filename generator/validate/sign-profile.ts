/**
 * Signing and unsigning profiles: the counterpart of `signed-profile.ts`. A signed profile is a
 * CMS SignedData envelope (DER) whose encapsulated content is the profile's bytes unchanged, with
 * the signed attributes Apple's tools write (content type, message digest, signing time) and the
 * signer's certificate and chain. Unsigning gives those bytes back exactly.
 */
import { createHash, createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Attribute, ContentInfo, EncapsulatedContentInfo, IssuerAndSerialNumber, SignedAndUnsignedAttributes, SignedData, SignerInfo, type Certificate } from 'pkijs';
import { berShapeProblem } from './ber-shape.js';
import { EnvelopeError, looksLikeEnvelope, openEnvelope, type SignerSummary } from './signed-profile.js';
import { readPemCertificates } from './trust.js';

export class SignError extends Error {
  override name = 'SignError';
}

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const ID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const EC_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** The private key of a PEM text (PKCS #8, PKCS #1 or SEC 1), unencrypted. */
function privateKey(pem: string, source: string): KeyObject {
  const encrypted = (): SignError => new SignError(`${source}: the key is encrypted; give an unencrypted key (openssl pkey -in KEY -out plain.pem)`);
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) throw encrypted();
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MISSING_PASSPHRASE') throw encrypted();
    throw new SignError(`${source}: no private key can be read from it (${(e as Error).message})`);
  }
}

function der(cert: Certificate): Buffer {
  return Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false));
}

/** The WebCrypto key and algorithm for signing with `key`. */
async function signingKey(key: KeyObject, source: string): Promise<webcrypto.CryptoKey> {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  if (key.asymmetricKeyType === 'rsa') {
    return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']) as Promise<webcrypto.CryptoKey>;
  }
  const curve = key.asymmetricKeyType === 'ec' ? EC_CURVES[String(key.asymmetricKeyDetails?.namedCurve)] : undefined;
  if (curve) return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: curve }, false, ['sign']) as Promise<webcrypto.CryptoKey>;
  throw new SignError(`${source}: a ${key.asymmetricKeyType ?? 'unknown'} key${key.asymmetricKeyDetails?.namedCurve ? ` on ${key.asymmetricKeyDetails.namedCurve}` : ''} cannot sign a profile; use an RSA or an EC (P-256, P-384, P-521) key`);
}

export interface SignInputs {
  /** The profile's bytes (XML or binary plist), as they will be installed. */
  content: Uint8Array;
  /** PEM certificates: the signer's (the one the key belongs to) and any chain to include. */
  certificatesPem: string;
  certificatesSource: string;
  keyPem: string;
  keySource: string;
  /** The signing time written into the envelope (default: now). */
  date?: Date;
}

/** The DER bytes of a signed profile around `content`. Throws SignError for unusable inputs. */
export async function signProfile(inputs: SignInputs): Promise<Uint8Array> {
  if (looksLikeEnvelope(inputs.content)) throw new SignError('the profile is signed already: unsign it first (dmspec unsign)');
  let anchors;
  try {
    anchors = readPemCertificates(inputs.certificatesPem, inputs.certificatesSource);
  } catch (e) {
    throw new SignError((e as Error).message);
  }
  const key = privateKey(inputs.keyPem, inputs.keySource);
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const index = anchors.certificates.findIndex((c) => der(c).equals(publicDer));
  if (index === -1) throw new SignError(`${inputs.keySource}: the key belongs to none of the certificates of ${inputs.certificatesSource}`);
  const signer = anchors.certificates[index]!;
  const cryptoKey = await signingKey(key, inputs.keySource);
  const content = new Uint8Array(inputs.content);
  const encap = new EncapsulatedContentInfo({ eContentType: ID_DATA });
  // A primitive OCTET STRING: the constructor would cut the content into a constructed (BER) one.
  encap.eContent = new asn1js.OctetString({ valueHex: content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) });
  const digest = createHash('sha256').update(content).digest();
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    signedAttrs: new SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new Attribute({ type: ID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: ID_DATA })] }),
        new Attribute({ type: ID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: inputs.date ?? new Date() })] }),
        new Attribute({ type: ID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength) })] }),
      ],
    }),
  });
  // The signer first, then the rest of the file's certificates (its chain), each once.
  const certificates = [signer, ...anchors.certificates.filter((_, i) => i !== index)];
  const signed = new SignedData({ version: 1, encapContentInfo: encap, signerInfos: [signerInfo], certificates });
  await signed.sign(cryptoKey, 0, 'SHA-256');
  const info = new ContentInfo({ contentType: ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** The profile bytes a signed profile carries, unchanged, and who signed them. Throws SignError. */
export async function unsignProfile(bytes: Uint8Array): Promise<{ content: Uint8Array; signer: SignerSummary }> {
  if (!looksLikeEnvelope(bytes)) throw new SignError('not a signed profile (no CMS envelope): there is nothing to unsign');
  const shape = berShapeProblem(bytes);
  if (shape) throw new SignError(shape);
  try {
    return await openEnvelope(bytes);
  } catch (e) {
    if (e instanceof EnvelopeError) throw new SignError(e.message);
    throw new SignError(`the signed envelope cannot be read (${(e as Error).message})`);
  }
}
