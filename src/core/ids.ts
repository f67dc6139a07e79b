import { createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lowercase

export function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; i < bytes.length && out.length < chars; i++) {
    value = (value << 8) | (bytes[i] as number);
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** sha256 of the parts (joined by NUL), as `chars` base32 characters */
export function hashKey(parts: Array<string | Uint8Array>, chars = 16): string {
  const h = createHash('sha256');
  parts.forEach((p, i) => {
    if (i) h.update('\u0000');
    h.update(p);
  });
  return base32(h.digest(), chars);
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A readable, stable slug for ids derived from names. */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'source';
}

/**
 * Content-derived keys for units inside one source: the same text gets the same key
 * in every version; the n-th repeat of identical text gets a `~n` suffix.
 */
export class KeyAllocator {
  private seen = new Map<string, number>();
  constructor(private readonly scope: string, private readonly chars = 16) {}
  key(kind: string, text: string): string {
    const base = hashKey([this.scope, kind, normalizeForKey(text)], this.chars);
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n === 0 ? base : `${base}~${n}`;
  }
}

/** the form hashed for keys: white space runs folded to one space, ends trimmed */
export function normalizeForKey(text: string): string {
  return /\s\s|[\t\n\r\f\u00a0]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
