/**
 * Trust in a signed profile's signer: PEM certificates read as anchors, and the signer's chain
 * (the signer certificate and the certificates the envelope carries) verified to them with
 * PKI.js's chain validation engine at a given date.
 */
import { Certificate, CertificateChainValidationEngine } from 'pkijs';

/** Anchors a signer's chain must lead to. */
export interface TrustAnchors {
  certificates: readonly Certificate[];
  /** Each certificate's DER bytes, as read: a signer that is itself an anchor is found by them. */
  ders: readonly Buffer[];
  /** Where they were read from, for the report. */
  source: string;
}

/** The verdict on a signer's chain when anchors were given. */
export interface ChainVerdict {
  trusted: boolean;
  /** Why the chain is not trusted: expired, not yet valid, no path to an anchor, … */
  reason?: string;
}

export class TrustError extends Error {
  override name = 'TrustError';
}

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** Every `CERTIFICATE` block of a PEM text. Throws TrustError when there is none or one is malformed. */
export function readPemCertificates(text: string, source: string): TrustAnchors {
  const certificates: Certificate[] = [];
  const ders: Buffer[] = [];
  for (const m of text.matchAll(PEM)) {
    const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
    try {
      certificates.push(Certificate.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer));
      ders.push(der);
    } catch (e) {
      throw new TrustError(`${source}: certificate ${certificates.length + 1} cannot be read (${(e as Error).message})`);
    }
  }
  if (!certificates.length) throw new TrustError(`${source}: no PEM certificate (-----BEGIN CERTIFICATE-----) found`);
  return { certificates, ders, source };
}

/** Whether `cert` is valid at `date`; the reason when it is not. */
function validityProblem(cert: Certificate, date: Date): string | undefined {
  const from = cert.notBefore.value;
  const to = cert.notAfter.value;
  if (date < from) return `the signer's certificate is not valid before ${from.toISOString()}`;
  if (date > to) return `the signer's certificate expired on ${to.toISOString()}`;
  return undefined;
}

/** Verifies the signer's chain, from `signer` through `intermediates`, to one of `anchors` at `date`. */
export async function verifyChain(signer: Certificate, intermediates: readonly Certificate[], anchors: TrustAnchors, date: Date): Promise<ChainVerdict> {
  const expired = validityProblem(signer, date);
  if (expired) return { trusted: false, reason: expired };
  // A signer that is itself an anchor is trusted as it is: the path engine would ask it to be a CA.
  const der = Buffer.from(signer.toSchema().toBER(false));
  if (anchors.ders.some((a) => der.equals(a))) return { trusted: true };
  const engine = new CertificateChainValidationEngine({
    trustedCerts: [...anchors.certificates],
    certs: [...intermediates.filter((c) => c !== signer), signer],
    checkDate: date,
  });
  try {
    const r = await engine.verify();
    return r.result ? { trusted: true } : { trusted: false, reason: `no chain to a certificate of ${anchors.source} (${r.resultMessage})` };
  } catch (e) {
    const message = (e as { resultMessage?: string }).resultMessage ?? (e as Error).message;
    return { trusted: false, reason: `no chain to a certificate of ${anchors.source} (${message})` };
  }
}
