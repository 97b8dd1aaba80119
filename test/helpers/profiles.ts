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
function signer(commonName: string): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const known = identities.get(commonName);
  if (known) return known;
  keys ??= forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const attrs = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Example Org' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const identity = { cert, key: keys.privateKey };
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
