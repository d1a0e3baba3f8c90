/**
 * Fast non-cryptographic fingerprints (FNV-1a). Used to notice that a text or a model changed, not
 * to resist tampering: a collision would only skip one re-embedding.
 */

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;
// A second, independent lane (different offset basis) widens model ids to 64 bits.
const FNV_OFFSET_B = 0x050c5d1f;

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. */
export function fnv1a32(text: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return hex8(h);
}

/**
 * Incremental 64-bit (two 32-bit lanes) FNV-1a over strings and byte buffers. Bytes are consumed a
 * 32-bit word at a time, which keeps hashing a 25 MB weight file in the tens of milliseconds.
 */
export class Fingerprint {
  private a = FNV_OFFSET;
  private b = FNV_OFFSET_B;

  private mix(x: number): void {
    this.a = Math.imul(this.a ^ x, FNV_PRIME);
    this.b = Math.imul(this.b ^ x, FNV_PRIME);
  }

  addText(text: string): this {
    for (let i = 0; i < text.length; i++) this.mix(text.charCodeAt(i));
    // Length separator so that ("ab","c") and ("a","bc") differ.
    this.mix(text.length);
    return this;
  }

  addBytes(buffer: ArrayBuffer): this {
    const words = Math.floor(buffer.byteLength / 4);
    const view = new Uint32Array(buffer, 0, words);
    for (let i = 0; i < words; i++) this.mix(view[i]);
    const tail = new Uint8Array(buffer, words * 4);
    for (let i = 0; i < tail.length; i++) this.mix(tail[i]);
    this.mix(buffer.byteLength);
    return this;
  }

  digest(): string {
    return hex8(this.a) + hex8(this.b);
  }
}
