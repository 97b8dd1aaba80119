/**
 * Profiles built in tests: XML written by hand so every tag is exactly what the test says, and
 * binary or signed versions made from it with libplist and node-forge.
 */
import forge from 'node-forge';
import { xmlToBinary } from 'libplist';

/** A dictionary from raw `<key>…</key><value/>` pairs given as `[key, valueXml]`. */
export function dict(entries: ReadonlyArray<readonly [string, string]>): string {
  return `<dict>${entries.map(([k, v]) => `<key>${k}</key>${v}`).join('')}</dict>`;
}

export const str = (s: string): string => `<string>${s}</string>`;
export const int = (n: number): string => `<integer>${n}</integer>`;

/** A payload dictionary with its common keys, plus `extra` entries. */
export function payload(type: string, id: string, extra: ReadonlyArray<readonly [string, string]> = []): string {
  return dict([
    ['PayloadType', str(type)], ['PayloadIdentifier', str(`com.example.${id}`)],
    ['PayloadUUID', str(`00000000-0000-0000-0000-${id.padStart(12, '0').slice(-12)}`)], ['PayloadVersion', int(1)], ...extra,
  ]);
}

/** A whole profile around payload dictionaries; `top` entries replace or add top-level keys. */
export function profileXml(payloads: readonly string[], top: ReadonlyArray<readonly [string, string]> = []): string {
  const base = new Map<string, string>([
    ['PayloadContent', `<array>${payloads.join('')}</array>`], ['PayloadIdentifier', str('com.example.profile')],
    ['PayloadType', str('Configuration')], ['PayloadUUID', str('AAAAAAAA-0000-0000-0000-000000000000')], ['PayloadVersion', int(1)],
  ]);
  for (const [k, v] of top) base.set(k, v);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">${dict([...base])}</plist>
`;
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The same plist in binary form (`bplist00`). */
export async function binaryOf(xml: string): Promise<Uint8Array> {
  return new Uint8Array(await xmlToBinary(xml));
}

/** A self-signed certificate and key per common name, made once per run. */
const identities = new Map<string, { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }>();
let keys: forge.pki.rsa.KeyPair | undefined;

/** A self-signed certificate valid 2026–2036 for the run's key, with `attrs` as subject and issuer. */
function selfSigned(serial: string, attrs: Array<{ name: string; value: string }>, extensions?: object[]): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  keys ??= forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  if (extensions) cert.setExtensions(extensions);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

function signer(commonName: string): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const known = identities.get(commonName);
  if (known) return known;
  const identity = selfSigned('01', [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Example Org' }]);
  identities.set(commonName, identity);
  return identity;
}

/** A CMS SignedData envelope around `content`, as profile signing tools make it. */
export function signed(content: Uint8Array, commonName = 'dmspec test signer'): Uint8Array {
  const { cert, key } = signer(commonName);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(forge.util.binary.raw.encode(content));
  p7.addCertificate(cert);
  p7.addSigner({
    key, certificate: cert, digestAlgorithm: forge.pki.oids['sha256']!,
    authenticatedAttributes: [
      { type: forge.pki.oids['contentType']!, value: forge.pki.oids['data']! },
      { type: forge.pki.oids['messageDigest']! },
      { type: forge.pki.oids['signingTime']!, value: new Date('2026-06-01T00:00:00Z') as unknown as string },
    ],
  });
  p7.sign();
  const der = forge.asn1.toDer(p7.toAsn1()).getBytes();
  return new Uint8Array(Buffer.from(der, 'binary'));
}

/**
 * A signed profile whose signer is named by subject key identifier (RFC 5652's other choice,
 * `openssl cms -sign -keyid`) instead of issuer and serial number: the certificate's
 * subjectKeyIdentifier extension holds the SHA-1 of its key, or `keyId` (hex) when given, as a CA
 * may choose any identifier.
 */
export function signedByKeyId(content: Uint8Array, keyId?: string): { envelope: Uint8Array; pem: string } {
  keys ??= forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const id = keyId ?? forge.pki.getPublicKeyFingerprint(keys.publicKey, { type: 'RSAPublicKey', encoding: 'hex' }) as string;
  const ski = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OCTETSTRING, false, forge.util.hexToBytes(id));
  const { cert } = selfSigned('03', [{ name: 'commonName', value: 'key-identified signer' }], [{ name: 'subjectKeyIdentifier', value: ski }]);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(forge.util.binary.raw.encode(content));
  p7.addCertificate(cert);
  p7.addSigner({
    key: keys.privateKey, certificate: cert, digestAlgorithm: forge.pki.oids['sha256']!,
    authenticatedAttributes: [{ type: forge.pki.oids['contentType']!, value: forge.pki.oids['data']! }, { type: forge.pki.oids['messageDigest']! }],
  });
  p7.sign();
  // node-forge names signers by issuer and serial only: the SignerInfo's sid (which is not signed) becomes
  // [0] IMPLICIT SubjectKeyIdentifier, and its version 3, as RFC 5652 has it for that choice.
  const asn1 = p7.toAsn1();
  const signerInfo = (((asn1.value[1] as forge.asn1.Asn1).value[0] as forge.asn1.Asn1).value as forge.asn1.Asn1[]).at(-1)!.value[0] as forge.asn1.Asn1;
  const fields = signerInfo.value as forge.asn1.Asn1[];
  fields[0] = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, String.fromCharCode(3));
  fields[1] = forge.asn1.create(forge.asn1.Class.CONTEXT_SPECIFIC, 0, false, forge.util.hexToBytes(id));
  const der = forge.asn1.toDer(asn1).getBytes();
  return { envelope: new Uint8Array(Buffer.from(der, 'binary')), pem: forge.pki.certificateToPem(cert) };
}

/** The test signer's certificate as PEM, for `--trust`. */
export function signerPem(commonName = 'dmspec test signer'): string {
  return forge.pki.certificateToPem(signer(commonName).cert);
}

/** A self-signed certificate nobody signed profiles with, as PEM. */
export function strangerPem(): string {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: 'someone else' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
