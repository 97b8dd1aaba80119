/**
 * What decides whether `is<Name>` may run its object's pure guard: the guard judges a value as
 * `validate<Name>` does without options. An option that can turn a warning into an error or add
 * one (`strict`, a platform, the device's situation) sends the guard to the validator's quick run.
 */
import { NO_OPTIONS, type ValidateOptions } from './types.js';

/** True when `o` cannot change a verdict from what the pure guard computes. */
export function plainOptions(o: ValidateOptions): boolean {
  return o === NO_OPTIONS || (o.strict !== true && o.platform === undefined && o.supervised === undefined && o.enrollment === undefined);
}
