import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Demo mailboxes by host: the production content script runs on them unchanged. */
const SITES: Record<string, string> = {
  'mail.google.com': 'demo/gmail',
  'outlook.office.com': 'demo/outlook',
  'outlook.office365.com': 'demo/outlook',
  'outlook.live.com': 'demo/outlook',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RequestLog {
  /** Requests aborted because they were going to the network. */
  blocked: string[];
}

/** A file of the demo for this path: by file name in the site's folder, then demo/; else the app page. */
export function demoFileFor(host: string, pathname: string, root = resolve('.')): string | undefined {
  const folder = SITES[host];
  if (!folder) return undefined;
  const name = basename(pathname);
  for (const dir of [folder, 'demo']) {
    const candidate = join(root, dir, name);
    if (name && extname(name) && existsSync(candidate)) return candidate;
  }
  return join(root, folder, 'index.html');
}

export async function serveDemo(context: BrowserContext, root = resolve('.')): Promise<RequestLog> {
  const log: RequestLog = { blocked: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = url.protocol === 'https:' ? demoFileFor(url.host, url.pathname, root) : undefined;
    if (!file) {
      log.blocked.push(route.request().url());
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  return log;
}
