/**
 * Text of an imported file. UTF-8 (with or without BOM) is expected; spreadsheet programs
 * still save CSV in the system code page, so a file that is not UTF-8 is read as GB18030 (a
 * Chinese Excel) when its non-ASCII bytes come in GBK pairs, else as Windows-1252 (a German or
 * English Excel).
 */
function isGbkShaped(bytes: Uint8Array): boolean {
  let pairs = 0;
  let highTrails = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const trail = bytes[i + 1];
    // GBK: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F.
    if (bytes[i] === 0xff || trail === undefined || trail < 0x40 || trail === 0x7f || trail === 0xff) return false;
    pairs++;
    if (trail >= 0x80) highTrails++;
    i++;
  }
  // Common Chinese (GB2312) has both bytes above 0xA0; an umlaut followed by a letter in
  // Windows-1252 looks like a GBK pair with an ASCII trail byte, so those must not dominate.
  return pairs > 0 && highTrails * 2 >= pairs;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const encoding = isGbkShaped(bytes) ? 'gb18030' : 'windows-1252';
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
