import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { writeTinyModelDir, type TinyModelDir } from '../../scripts/browser/tiny-model';
import type { ModelStatusPayload } from '../../lib/messaging';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

/**
 * The sentence-encoder path in the real extension: the official model and vocabulary URLs are served
 * from a tiny test-built model, so the service worker runs the production download → IndexedDB →
 * wasm path with no network.
 */

const OFFICIAL_MODEL = 'https://tfhub.dev/tensorflow/tfjs-model/universal-sentence-encoder-lite/1/default/1';

let session: ExtensionSession;
let model: TinyModelDir;
let options: Page;
const hits: string[] = [];
const timings: Record<string, number> = {};

/** Sends a background message the way @webext-core/messaging does ({id,type,data,timestamp} → {res}|{err}). */
async function send<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = await page.evaluate(
    ({ type, data }) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
    },
    { type, data },
  );
  const { res, err } = reply as { res?: T; err?: { message?: string } };
  if (err) throw new Error(`${type}: ${err.message ?? JSON.stringify(err)}`);
  return res as T;
}

beforeAll(async () => {
  model = writeTinyModelDir();
  session = await startSession();
  // Registered after the demo router, so Playwright tries these first.
  const serve = async (route: Route) => {
    const name = basename(new URL(route.request().url()).pathname);
    hits.push(name);
    const body = readFileSync(join(model.dir, name));
    await route.fulfill({
      status: 200,
      body,
      contentType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      headers: { 'access-control-allow-origin': '*' },
    });
  };
  await session.context.route('https://tfhub.dev/**', serve);
  await session.context.route('https://storage.googleapis.com/tfjs-models/**', serve);
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
});

afterAll(async () => {
  await session?.close();
  if (model) rmSync(model.dir, { recursive: true, force: true });
  console.info('[model.test] timings', JSON.stringify(timings));
});

describe('the Universal Sentence Encoder in the extension', () => {
  it('is off and not cached by default', async () => {
    const status = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(status).toMatchObject({ enabled: false, cached: false, source: OFFICIAL_MODEL });
  });

  it('downloads the official model once, caches it and runs it on wasm in the service worker', async () => {
    const started = Date.now();
    const status = await send<ModelStatusPayload>(options, 'modelEnable', { source: OFFICIAL_MODEL });
    timings.enableRoundTripMs = Date.now() - started;
    Object.assign(timings, { downloadMs: status.downloadMs, loadMs: status.loadMs, embedMs: status.embedMs });
    expect(status).toMatchObject({ enabled: true, cached: true, loaded: true, backend: 'wasm' });
    expect(status.modelId).toMatch(/^use-/);
    expect(status.bytes).toBe(model.files['group1-shard1of2.bin'] + model.files['group1-shard2of2.bin']);
    expect([...hits].sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin', 'model.json', 'vocab.json']);

    const progress = await options.evaluate(async () => {
      const open = indexedDB.open('solodesk');
      const idb = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const get = idb.transaction('settings').objectStore('settings').get('modelProgress');
      return new Promise<unknown>((resolve) => (get.onsuccess = () => resolve(get.result?.value)));
    });
    expect(progress).toMatchObject({ running: false, stage: 'ready', fraction: 1 });
  });

  it('lists every file it downloaded, before and after, in the options page network log', async () => {
    const rows = options.getByTestId('network-log').getByTestId('network-log-entry');
    await expect.poll(() => rows.count()).toBe(4);
    const listed = await rows.evaluateAll((els) => els.map((e) => ({ url: e.getAttribute('data-url')!, state: e.getAttribute('data-state') })));
    expect(listed.map((r) => r.state)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(listed.map((r) => basename(new URL(r.url).pathname)).sort()).toEqual([...hits].sort());
    expect(listed.map((r) => r.url)).toContain(`${OFFICIAL_MODEL}/model.json?tfjs-format=file`);
    expect(listed.map((r) => r.url)).toContain('https://storage.googleapis.com/tfjs-models/savedmodel/universal_sentence_encoder/vocab.json');
    expect(await options.getByTestId('network-log-empty').count()).toBe(0);
  });

  it('does not download again when enabled a second time', async () => {
    const status = await send<ModelStatusPayload>(options, 'modelEnable', { source: OFFICIAL_MODEL });
    expect(status.cached).toBe(true);
    expect(hits).toHaveLength(4);
  });

  it('still triages with the model: the side panel shows a suggestion', async () => {
    const [vip] = demoConversations();
    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    const opened = Date.now();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject, 20_000);
    await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
    timings.firstTriageWithModelMs = Date.now() - opened;
    const status = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(status).toMatchObject({ enabled: true, loaded: true, backend: 'wasm' });
  });

  it('loads from the cache, without downloading, after the service worker restarts', async () => {
    const cdp = await session.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const before = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(before).toMatchObject({ enabled: true, cached: true, loaded: false });

    const [, lostParcel] = demoConversations();
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    const opened = Date.now();
    await mail.goto(`${GMAIL}#inbox/${lostParcel.id}`);
    await panelSubject(panel, lostParcel.subject, 20_000);
    timings.triageAfterRestartMs = Date.now() - opened;
    const after = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(after).toMatchObject({ enabled: true, loaded: true, backend: 'wasm' });
    timings.loadFromCacheMs = after.loadMs ?? -1;
    timings.embedAfterRestartMs = after.embedMs ?? -1;
    expect(hits).toHaveLength(4);
  });

  it('refuses a source that is neither a URL nor an installed folder', async () => {
    await expect(send(options, 'modelEnable', { source: 'javascript:alert(1)' })).rejects.toThrow();
  });

  it('disables and removes the model from the cache', async () => {
    const status = await send<ModelStatusPayload>(options, 'modelDisable');
    expect(status).toMatchObject({ enabled: false, cached: false, loaded: false });
  });

  it('reports a failed download in the progress row and stays off', async () => {
    await session.context.route('https://models.example.com/**', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await expect(send(options, 'modelEnable', { source: 'https://models.example.com/use/model.json' })).rejects.toThrow();
    const status = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(status).toMatchObject({ enabled: false, cached: false });
    expect(status.error).toBeTruthy();
    const progress = await options.evaluate(async () => {
      const open = indexedDB.open('solodesk');
      const idb = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const get = idb.transaction('settings').objectStore('settings').get('modelProgress');
      return new Promise<{ running?: boolean; error?: string } | undefined>((resolve) => (get.onsuccess = () => resolve(get.result?.value)));
    });
    expect(progress?.running).toBe(false);
    expect(progress?.error).toBeTruthy();
    const failed = options.locator('[data-testid="network-log-entry"][data-url="https://models.example.com/use/model.json"]');
    await expect.poll(() => failed.getAttribute('data-state')).toBe('failed');
  });

  // Runs once OptionsApp shows <ModelSettings/>; the Enable button is not clicked because its host
  // permission prompt cannot be answered in a headless browser.
  it('installs a model from a picked folder through the options page', async (ctx) => {
    await options.bringToFront();
    await options.reload();
    if ((await options.getByTestId('model-settings').count()) === 0) ctx.skip();
    await options.getByTestId('model-folder').setInputFiles(model.dir);
    await expect.poll(() => options.getByTestId('model-status').getAttribute('data-enabled'), { timeout: 20_000 }).toBe('true');
    const status = await send<ModelStatusPayload>(options, 'modelStatus');
    expect(status).toMatchObject({ enabled: true, cached: true, backend: 'wasm' });
    expect(status.source).toMatch(/^folder:use-/);
    await options.getByTestId('model-disable').click();
    await expect.poll(() => options.getByTestId('model-status').getAttribute('data-enabled')).toBe('false');
    expect(hits).toHaveLength(4);
  });

  it('made no request to any network', () => {
    expect(session.requests.blocked).toEqual([]);
  });
});
