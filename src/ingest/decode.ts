/**
 * Bytes → text. UTF-8 with or without BOM, UTF-16 LE/BE with BOM. Invalid bytes
 * become U+FFFD with a warning; binary content is refused.
 */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  warnings: string[];
}

export class BinaryFileError extends Error {}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16le', warnings), encoding: 'utf-16le', warnings };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'utf-16be', warnings), encoding: 'utf-16be', warnings };
  }
  let body = bytes;
  let encoding: Decoded['encoding'] = 'utf-8';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    encoding = 'utf-8-bom';
  }
  assertNotBinary(body);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    const { count, firstByte } = countInvalidUtf8(body);
    warnings.push(
      `invalid UTF-8: ${count} malformed sequence${count === 1 ? '' : 's'} (first at byte ${firstByte}) replaced with U+FFFD`,
    );
  }
  return { text, encoding, warnings };
}

function decodeUtf16(body: Uint8Array, enc: 'utf-16le' | 'utf-16be', warnings: string[]): string {
  if (body.length % 2 === 1) warnings.push(`${enc}: odd number of bytes, last byte dropped`);
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    warnings.push(`invalid ${enc.toUpperCase()}: unpaired surrogates replaced with U+FFFD`);
    return new TextDecoder(enc, { fatal: false, ignoreBOM: true }).decode(body);
  }
}

/** NUL bytes or a high share of control bytes in the first 64 KiB mean binary. */
export function assertNotBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) throw new BinaryFileError(`binary file (NUL byte at offset ${i}); not text`);
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (n > 0 && control / n > 0.1) {
    throw new BinaryFileError(`binary file (${Math.round((100 * control) / n)}% control bytes); not text`);
  }
}

function countInvalidUtf8(b: Uint8Array): { count: number; firstByte: number } {
  let count = 0;
  let first = -1;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let need = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else {
      count++;
      if (first < 0) first = i;
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      count++;
      if (first < 0) first = i;
      i++;
    } else i += need + 1;
  }
  return { count: Math.max(count, 1), firstByte: Math.max(first, 0) };
}
