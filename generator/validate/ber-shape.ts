/**
 * A budget for the CMS envelope, checked before asn1js reads it. asn1js recurses once per
 * nesting level and builds an object per element, so a few megabytes of nested SEQUENCE headers
 * would exhaust its stack or memory. This walks the BER headers iteratively (definite and
 * indefinite lengths), counting elements and depth; a real signed profile nests about 12 levels
 * and holds a few hundred elements besides its content.
 */
export interface BerLimits {
  /** Deepest nesting of constructed elements. */
  maxDepth: number;
  /** Most elements in the envelope. */
  maxElements: number;
}

export const DEFAULT_BER_LIMITS: BerLimits = { maxDepth: 40, maxElements: 100_000 };

/** Why the envelope is past its budget or malformed, or undefined when asn1js may read it. */
export function berShapeProblem(bytes: Uint8Array, limits: BerLimits = DEFAULT_BER_LIMITS): string | undefined {
  // Ends of the open constructed elements; -1 marks an indefinite length (ends at 00 00).
  const ends: number[] = [];
  let at = 0;
  let elements = 0;
  while (at < bytes.length) {
    while (ends.length && ends[ends.length - 1] === at) ends.pop();
    if (at >= bytes.length) break;
    if (ends.length && ends[ends.length - 1] === -1 && bytes[at] === 0 && bytes[at + 1] === 0) {
      ends.pop();
      at += 2;
      continue;
    }
    if (!ends.length && elements > 0) return undefined; // trailing bytes: asn1js reports them
    if (++elements > limits.maxElements) return `the signed envelope holds more than ${limits.maxElements.toLocaleString('en-US')} elements`;
    const tag = bytes[at++]!;
    if ((tag & 0x1f) === 0x1f) while (at < bytes.length && bytes[at++]! & 0x80); // long-form tag number
    if (at >= bytes.length) return undefined;
    const first = bytes[at++]!;
    let length = -1;
    if (first < 0x80) length = first;
    else if (first > 0x80) {
      const n = first & 0x7f;
      if (n > 6 || at + n > bytes.length) return undefined; // asn1js reports it as malformed
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + bytes[at++]!;
    }
    const constructed = (tag & 0x20) !== 0;
    if (length === -1 && !constructed) return undefined;
    if (constructed) {
      if (ends.length + 1 > limits.maxDepth) return `the signed envelope nests deeper than ${limits.maxDepth} levels`;
      ends.push(length === -1 ? -1 : at + length);
    } else at += length;
  }
  return undefined;
}
