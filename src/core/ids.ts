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
  constructor(private readonly scope: string) {}
  key(kind: string, text: string): string {
    const base = fastKey([this.scope, kind, normalizeForKey(text)]);
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n === 0 ? base : `${base}~${n}`;
  }
}

/** the form hashed for keys: white space runs folded to one space, ends trimmed */
export function normalizeForKey(text: string): string {
  return /\s\s|[\t\n\r\f\u00a0]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * A fast 64-bit (two 32-bit lanes) non-cryptographic hash of a string, as 13 base32
 * characters. Used for passage and sentence keys, where millions are made per
 * ingest and a key only has to be unique within one source.
 */
export function fastKey(parts: string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    const s = parts[p]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, h1 >>> 0);
  new DataView(bytes.buffer).setUint32(4, h2 >>> 0);
  return base32(bytes, 13);
}
