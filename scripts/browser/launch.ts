import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findChrome } from './chrome-path';
import { serveDemo, type RequestLog } from './demo-server';
import { startRefusingProxy } from './refusing-proxy';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /**
   * Every request that left for anywhere but the demo mail sites (should stay empty); `unrouted`:
   * connections that got past interception to the refusing proxy (WebSockets, start-up requests).
   */
  requests: RequestLog & { unrouted: string[] };
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** A profile to use and keep (the default is a fresh one, removed on close). */
  userDataDir?: string;
}

/**
 * Starts the system Chromium with the built extension loaded and the mail sites served from demo/
 * by request interception. Nothing reaches the network: every other request is aborted and logged.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = resolve(options.extensionDir ?? '.output/chrome-mv3');
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'solodesk-chrome-'));
  const headless = options.headless ?? true;
  const proxy = await startRefusingProxy();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: false,
    viewport: { width: 1280, height: 860 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium's own calls home (network time, autofill form predictions) are not ours to test.
      '--disable-features=Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,AutofillServerCommunication',
      `--proxy-server=${proxy.server}`,
      // Loopback too: by default Chromium connects to localhost directly, past any proxy.
      '--proxy-bypass-list=<-loopback>',
    ],
  }).catch(async (error: unknown) => {
    await proxy.close();
    throw error;
  });
  const requests = { ...(await serveDemo(context)), unrouted: proxy.refused };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    requests,
    async close() {
      await context.close();
      await proxy.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
