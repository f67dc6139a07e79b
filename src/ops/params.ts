/** Checking numeric parameters the same way for every operation. */
import { InquiryError } from '../core/errors.js';

/** a whole number from 0 to max, or the default when absent; a clear error otherwise */
export function wholeNumber(v: unknown, name: string, def: number, max = 1e9): number {
  if (v === undefined || v === null || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new InquiryError(`${name} must be a whole number from 0 to ${max}, not "${String(v)}"`, { code: 'bad_param' });
  return n;
}
