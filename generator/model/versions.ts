/**
 * OS versions as the pages write them (`14`, `10.15`, `26.4`). The generated runtime has the same
 * comparison for the validators; the toolchain keeps its own so that a profile-level rule does not
 * load the whole generated validators module to compare two versions.
 */

/** Compares dotted versions numerically: `14` equals `14.0`, `10.15` is above `10.9`. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
