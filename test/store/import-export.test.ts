// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { importAnyFile } from '../../lib/store/import-export';

/** Text as Excel's "Unicode text" or a UTF-16 exporter writes it: a byte-order mark, then UTF-16. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [low, high] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    out.set(endian === 'le' ? [low, high] : [high, low], 2 + 2 * i);
  }
  return out;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('the one import input', () => {
  it.each(['le', 'be'] as const)('reads a UTF-16 %s knowledge-base CSV with a Chinese header', async (endian) => {
    const outcome = await importAnyFile(new File([utf16('标题\t正文\r\n退款多久到账？\t一般 3-5 个工作日。\r\n', endian)], 'faq.txt'));
    expect(outcome).toMatchObject({ ok: true, kind: 'kb' });
    expect((await db.articles.toArray()).map((a) => a.title)).toEqual(['退款多久到账？']);
  });

  it('reads a UTF-16 orders CSV', async () => {
    const outcome = await importAnyFile(new File([utf16('email,date,amount\r\nann@example.com,2025-01-02,12.50\r\n', 'le')], 'orders.csv'));
    expect(outcome).toMatchObject({ ok: true, kind: 'orders' });
    expect((await db.orders.toArray()).map((o) => [o.email, o.total])).toEqual([['ann@example.com', 12.5]]);
  });
});
