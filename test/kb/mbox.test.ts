// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { importMbox, MboxFormatError, type MboxProgress } from '../../lib/kb/mbox';
import { splitMbox } from '../../lib/kb/mbox-split';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/mbox/${name}`, import.meta.url)));

/** A stream handing out the file in small pieces, as a large Blob would. */
function streamOf(data: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
}

async function takeout() {
  const result = await importMbox(new Blob([bytes('takeout.mbox')]), { ownAddresses: ['sam@shop.example'] });
  if (!result.ok) throw result.error;
  return result;
}

describe('a Gmail Takeout mbox', () => {
  it('builds one question → reply pair per answered conversation, oldest first', async () => {
    const { pairs } = await takeout();
    expect(pairs.map((p) => [p.questionFrom.email, p.threadId])).toEqual([
      ['ann.lee@example.com', '1790000000000000001'],
      ['wxm@example.cn', '1790000000000000003'],
      ['jm@example.de', '1790000000000000005'],
      ['lina@example.cn', '1790000000000000008'],
    ]);
  });

  it('keeps only what each side wrote: no quotes, no signatures, and un-escapes >From', async () => {
    const [ann] = (await takeout()).pairs;
    expect(ann.question).toBe(
      'Hi Sam,\n\nWhere is my order #1042? It was supposed to arrive last week.\nFrom what I can see the tracking has not moved.\n\nThanks,\nAnn',
    );
    expect(ann.reply).toBe(
      'Hi Ann,\n\nSorry for the wait! Order 1042 left our warehouse on Friday; the carrier lost a day at customs.\nIt should reach you by Wednesday.',
    );
    expect(ann.questionFrom).toEqual({ name: 'Lee, Ann', email: 'ann.lee@example.com' });
    expect(ann.date).toBe('2024-03-04T11:02:00.000Z');
  });

  it('decodes base64, quoted-printable, ISO-8859-1 and GB2312 mail and encoded-word headers', async () => {
    const [, wang, juergen, lina] = (await takeout()).pairs;
    expect(wang.questionFrom.name).toBe('王小明');
    expect(wang.question).toBe('你好，\n我的订单号：20231234 到现在还没发货，请问什么时候能发？');
    expect(wang.reply).toBe('王小明您好：\n\n订单 20231234 今天下午发出，快递单号稍后发给您。\n\n祝好\nSam');
    expect(wang.subject).toBe('回复：订单还没发货');
    expect(juergen.questionFrom.name).toBe('Jürgen Müller');
    expect(juergen.question).toContain('meine Bestellung Nr. 4711 ist beschädigt angekommen');
    expect(juergen.reply).toBe(
      'Hallo Jürgen,\n\nes tut mir leid! Ersatz für Bestellung 4711 geht heute raus, die beschädigte Ware müssen Sie nicht zurückschicken.\n\nViele Grüße\nSam',
    );
    expect(lina.questionFrom.name).toBe('李娜');
    expect(lina.question).toBe('请问可以开增值税发票吗？\n\n公司抬头是：某某科技有限公司。');
    expect(lina.reply).toContain('增值税发票已开好');
    expect(lina.reply).not.toContain('公司抬头');
  });

  it('lists each customer with message count and first and last date, newsletters left out', async () => {
    const { customers } = await takeout();
    expect(customers).toEqual([
      {
        email: 'ann.lee@example.com',
        name: 'Ann Lee',
        messageCount: 2,
        threadCount: 2,
        firstDate: '2024-03-04T09:15:00.000Z',
        lastDate: '2024-03-09T09:00:00.000Z',
      },
      expect.objectContaining({ email: 'lina@example.cn', name: '李娜', messageCount: 2, threadCount: 1 }),
      expect.objectContaining({ email: 'jm@example.de', messageCount: 1 }),
      expect.objectContaining({ email: 'wxm@example.cn', messageCount: 1 }),
    ]);
  });

  it('finds the user’s aliases through the Sent label without being told', async () => {
    const result = await importMbox(bytes('takeout.mbox'));
    if (!result.ok) throw result.error;
    expect(result.stats).toEqual({ messages: 12, threads: 6, skipped: 0, ownAddresses: ['sam@shop.example'] });
    expect(result.pairs).toHaveLength(4);
  });

  it('gives the same result whatever the chunk size of the stream', async () => {
    const whole = await takeout();
    for (const size of [1, 7, 64, 1000]) {
      const result = await importMbox(streamOf(bytes('takeout.mbox'), size), { ownAddresses: ['sam@shop.example'] });
      expect(result).toEqual(whole);
    }
  });

  it('reports progress in bytes up to the size of the file', async () => {
    const data = bytes('takeout.mbox');
    const progress: MboxProgress[] = [];
    await importMbox(new Blob([data]), { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ bytesRead: data.length, totalBytes: data.length, messages: 12 });
  });
});

describe('an mbox without Gmail headers', () => {
  it('threads by References and by subject per customer, so two customers asking the same subject stay apart', async () => {
    const result = await importMbox(bytes('no-thread-ids.mbox'), { ownAddresses: ['me@shop.example'] });
    if (!result.ok) throw result.error;
    expect(result.pairs.map((p) => [p.questionFrom.email, p.question, p.reply])).toEqual([
      ['ann@example.com', 'Does the jacket run small?', 'It runs true to size.'],
      ['bob@example.com', 'Is size M for 180cm?', 'Yes, M fits 175-185cm.'],
    ]);
  });

  it('reads CRLF line ends', async () => {
    const result = await importMbox(bytes('crlf.mbox'), { ownAddresses: ['me@shop.example'] });
    expect(result.ok && result.pairs.map((p) => p.reply)).toEqual(['It runs true to size.']);
  });
});

describe('bad input gives a clear error, never a partial result', () => {
  test.each([
    ['not-an-mbox.txt', /not an mbox file/],
    ['truncated-header.mbox', /cut off: the last message \(number 2\) its header never ends/],
    ['truncated-multipart.mbox', /cut off: .* multipart body is not closed/],
  ])('%s', async (name, message) => {
    const result = await importMbox(bytes(name));
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('pairs');
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(MboxFormatError);
      expect(result.error.message).toMatch(message);
    }
  });

  test.each([[''], ['\n\n  \n']])('an empty file %j', async (text) => {
    const result = await importMbox(text);
    expect(!result.ok && result.error.message).toBe('The file is empty.');
  });

  it('a mailbox with no readable message (only spam here)', async () => {
    const result = await importMbox('From a@b.example Mon Jan  1 00:00:00 2024\nX-Gmail-Labels: Spam\nFrom: a@b.example\n\nWin!\n');
    expect(!result.ok && result.error.message).toMatch(/No message could be read \(1 skipped/);
  });

  it('a cancelled import', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await importMbox(bytes('takeout.mbox'), { signal: controller.signal });
    expect(!result.ok && result.error.message).toMatch(/cancelled/);
  });
});

describe('splitMbox', () => {
  it('does not split at a "From " line inside a body that is not after a blank line', async () => {
    const mbox = 'From a@x Mon Jan  1 00:00:00 2024\nSubject: s\n\nline\nFrom here on, text\n\nFrom b@x Mon Jan  1 00:00:00 2024\nSubject: t\n\nbody\n';
    const messages = [];
    for await (const m of splitMbox(mbox)) messages.push(new TextDecoder().decode(m.raw));
    expect(messages).toEqual(['Subject: s\n\nline\nFrom here on, text\n\n', 'Subject: t\n\nbody\n']);
  });

  it('removes one > from mboxrd-quoted From lines only', async () => {
    const mbox = 'From a@x Mon Jan  1 00:00:00 2024\nSubject: s\n\n>From x\n>>From y\n> quoted\n';
    const messages = [];
    for await (const message of splitMbox(mbox)) messages.push(message);
    const [m] = messages;
    expect(new TextDecoder().decode(m.raw)).toBe('Subject: s\n\nFrom x\n>From y\n> quoted\n');
  });
});
