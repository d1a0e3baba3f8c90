import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { demoFileFor } from '../../demo/files';

export interface RequestLog {
  /** Requests aborted because they were going to the network. */
  blocked: string[];
}

/**
 * Serves the demo mailboxes at the real mail sites' URLs by request interception, so the
 * production content script runs unchanged; aborts and logs every other request.
 */
export async function serveDemo(context: BrowserContext, root = resolve('.')): Promise<RequestLog> {
  const log: RequestLog = { blocked: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own pages and scripts are not network traffic.
    if (url.startsWith('chrome-extension://')) {
      await route.continue();
      return;
    }
    const file = demoFileFor(url);
    if (!file) {
      log.blocked.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({ status: 200, contentType: file.contentType, body: readFileSync(join(root, file.path)) });
  });
  return log;
}
