import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_LOG_CAP, NETWORK_LOG_KEY, readNetworkLog, recordedFetch } from '../lib/network-log';

// The network is the edge of the world: `send` stands in for it.
function answering(status: number, body = 'x'): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-length': String(body.length) } });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('recordedFetch', () => {
  it('lists a request in the log before it is sent', async () => {
    let seenWhileSending: Awaited<ReturnType<typeof readNetworkLog>> | undefined;
    const send: typeof fetch = async () => {
      seenWhileSending = await readNetworkLog();
      return new Response('{}');
    };
    await recordedFetch('model', send)('https://models.example.com/use/model.json');
    expect(seenWhileSending?.entries).toEqual([expect.objectContaining({ url: 'https://models.example.com/use/model.json', purpose: 'model' })]);
    expect(seenWhileSending?.entries[0].ok).toBeUndefined();
    expect((await readNetworkLog()).entries[0].ok).toBe(true);
  });

  it('completes the entry with the status and the size the server announced', async () => {
    const response = await recordedFetch('model', answering(200, 'twelve bytes'))('https://m.example.com/a.bin');
    expect(await response.text()).toBe('twelve bytes');
    const [entry] = (await readNetworkLog()).entries;
    expect(entry).toMatchObject({ url: 'https://m.example.com/a.bin', ok: true, status: 200, bytes: 12 });
    expect(entry.at).toBeGreaterThan(0);
  });

  it('marks an HTTP error as failed', async () => {
    await recordedFetch('model', answering(404))(new URL('https://m.example.com/missing.json'));
    expect((await readNetworkLog()).entries[0]).toMatchObject({ url: 'https://m.example.com/missing.json', ok: false, status: 404 });
  });

  it('keeps a request that never got an answer, with the error, and rethrows it', async () => {
    const send: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(recordedFetch('model', send)(new Request('https://down.example.com/model.json'))).rejects.toThrow('Failed to fetch');
    expect((await readNetworkLog()).entries).toEqual([
      expect.objectContaining({ url: 'https://down.example.com/model.json', ok: false, error: 'TypeError: Failed to fetch' }),
    ]);
  });

  it('sends nothing when the request cannot be logged', async () => {
    const send = vi.fn(answering(200));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(recordedFetch('model', send)('https://m.example.com/model.json')).rejects.toThrow('QuotaExceededError');
    expect(send).not.toHaveBeenCalled();
  });

  it('logs every one of many parallel requests (weight shards load at once)', async () => {
    const fetchShard = recordedFetch('model', answering(200));
    const urls = Array.from({ length: 12 }, (_, i) => `https://m.example.com/group1-shard${i + 1}of12.bin`);
    await Promise.all(urls.map((url) => fetchShard(url)));
    const { entries } = await readNetworkLog();
    expect(entries.map((e) => e.url).sort()).toEqual([...urls].sort());
    expect(entries.every((e) => e.ok === true)).toBe(true);
  });

  it(`keeps the newest ${NETWORK_LOG_CAP} entries and counts the ones it dropped`, async () => {
    const fetchOne = recordedFetch('model', answering(200));
    for (let i = 0; i < NETWORK_LOG_CAP + 5; i++) await fetchOne(`https://m.example.com/${i}`);
    const { entries, dropped } = await readNetworkLog();
    expect(entries).toHaveLength(NETWORK_LOG_CAP);
    expect(dropped).toBe(5);
    expect(entries[0].url).toBe('https://m.example.com/5');
    expect(entries.at(-1)?.url).toBe(`https://m.example.com/${NETWORK_LOG_CAP + 4}`);
  });
});

describe('readNetworkLog', () => {
  it('is empty when nothing was ever fetched', async () => {
    expect(await readNetworkLog()).toEqual({ entries: [], dropped: 0 });
  });

  it('reads a damaged stored value as empty instead of failing', async () => {
    await fakeBrowser.storage.local.set({ [NETWORK_LOG_KEY]: { entries: 'nope' } });
    expect(await readNetworkLog()).toEqual({ entries: [], dropped: 0 });
  });
});
