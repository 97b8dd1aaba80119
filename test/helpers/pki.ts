/**
 * Throwaway signing identities for tests: a CA and a signer it issued, written as PEM files.
 * Keys come from node:crypto (fast), certificates from node-forge.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TestPki {
  /** The CA's certificate: the trust anchor. */
  caPem: string;
  /** The signer's certificate, then the CA's (a chain in one file). */
  signerPem: string;
  /** The signer's private key (PKCS #8). */
  signerKey: string;
  /** A key that belongs to no certificate here. */
  otherKey: string;
}

function rsaKey(): { pem: string; forgeKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pkcs1);
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function certificate(subject: string, publicKey: forge.pki.rsa.PublicKey, issuer: { name: string; key: forge.pki.rsa.PrivateKey }, serial: string, ca: boolean): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 30 * 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: subject }, { name: 'organizationName', value: 'Example Org' }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }, { name: 'organizationName', value: 'Example Org' }]);
  cert.setExtensions(ca
    ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
    : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, critical: true }]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

let made: TestPki | undefined;

/** A CA and a signer it issued (made once per test process). */
export function testPki(): TestPki {
  if (made) return made;
  const ca = rsaKey();
  const signer = rsaKey();
  const caCert = certificate('dmspec test CA', ca.publicKey, { name: 'dmspec test CA', key: ca.forgeKey }, '0a', true);
  const signerCert = certificate('Example MDM signer', signer.publicKey, { name: 'dmspec test CA', key: ca.forgeKey }, '0b', false);
  const caPem = forge.pki.certificateToPem(caCert);
  made = { caPem, signerPem: forge.pki.certificateToPem(signerCert) + caPem, signerKey: signer.pem, otherKey: rsaKey().pem };
  return made;
}

/** The test PKI's files in `dir`: `ca.pem`, `signer.pem`, `signer.key`, `other.key`. */
export function writeTestPki(dir: string): Record<'ca' | 'cert' | 'key' | 'otherKey', string> {
  const pki = testPki();
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'signer.pem'), key: join(dir, 'signer.key'), otherKey: join(dir, 'other.key') };
  writeFileSync(files.ca, pki.caPem);
  writeFileSync(files.cert, pki.signerPem);
  writeFileSync(files.key, pki.signerKey);
  writeFileSync(files.otherKey, pki.otherKey);
  return files;
}
