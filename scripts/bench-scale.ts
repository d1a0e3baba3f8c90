/**
 * `npm run --silent bench:scale` (also run by `npm run bench`): in real headless Chromium with the
 * built extension and its real IndexedDB holding 100,000 messages (20,000 conversations), 10,000
 * articles and 100,000 orders (20,000 customers), how fast the user's pages stay:
 *  scale-derived-fill  the worker's first fill of the derived tables (thread stats, order summary);
 *  scale-popup-stats   popup.html opened → every queue-count and metric shows its value;
 *  scale-kb-search-options  options page search box → filtered list rendered;
 *  scale-kb-search-panel    side panel quick search → results rendered (both with the store
 *                      query's own time, from the `solodesk:*` User Timing measures of lib/timing.ts);
 *  scale-options-list  options.html opened → article list rendered; long tasks while scrolling it.
 * One JSON line each on stdout; progress on stderr.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from './browser/launch';
import { seedInPage, type SeedCounts } from './bench-scale-seed';
import { SUPPORT_WORDS } from './lib/synthetic-kb';

const RUNS = Number(process.env.SCALE_RUNS ?? 20);
const WARMUP = Number(process.env.SCALE_WARMUP ?? 3);
// Generous: before the optimisation one popup opening took minutes; a hang still ends the run.
const TIMEOUT = Number(process.env.SCALE_TIMEOUT_MS ?? 600_000);
const SPEC = { conversations: 20_000, messages: 100_000, articles: 10_000, orders: 100_000, customers: 20_000, now: Date.now(), seed: 7, words: SUPPORT_WORDS };
const EN_QUERIES = ['refund', 'parcel tracking', 'warranty', 'invoice', 'colour', 'charger', 'customs', 'voucher', 'wholesale', 'password', 'battery', 'cable'];
const ZH_QUERIES = ['退款', '物流', '发票', '保修', '充电器', '海关', '密码', '礼品'];
const QUERIES = [...EN_QUERIES, ...ZH_QUERIES, 'refund card', 'late parcel'];

const log = (message: string) => process.stderr.write(`[bench-scale] ${message}\n`);
const emit = (row: Record<string, string | number>) => process.stdout.write(JSON.stringify(row) + '\n');

function stats(samples: number[]): { p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const r = (v: number) => Math.round(v * 10) / 10;
  return { p50Ms: r(at(0.5)), p95Ms: r(at(0.95)), maxMs: r(sorted.at(-1) ?? 0) };
}

/** The newest `solodesk:<name>` measures' durations since `after` (page time). */
function measures(page: Page, name: string, after = 0): Promise<number[]> {
  return page.evaluate(
    ([n, a]) => performance.getEntriesByName(`solodesk:${n}`, 'measure').filter((e) => e.startTime >= a).map((e) => e.duration),
    [name, after] as const,
  );
}

async function seed(session: ExtensionSession): Promise<SeedCounts> {
  const page = await session.context.newPage();
  // The popup opens the database with Dexie first, so the schema exists before raw writes.
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await page.getByTestId('queue-count').first().waitFor();
  const started = Date.now();
  const counts = await page.evaluate(seedInPage, SPEC);
  log(`seeded ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
  await fillDerivedRows(page);
  await page.close();
  return counts;
}

/**
 * The seed leaves the store as a database from before the derived tables (v4); a worker start
 * fills them (lib/store/derived.ts fillDerived). Restarts the worker and times that fill.
 */
async function fillDerivedRows(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const started = Date.now();
  // Any message wakes the worker; what it answers does not matter.
  await page.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ wake: true }).catch(() => undefined);
  });
  const filled = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const request = indexedDB.open('solodesk');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const keys = request.result.transaction('summaries').objectStore('summaries').getAllKeys();
            keys.onsuccess = () => {
              request.result.close();
              resolve(['conversationFactsComplete', 'orderDays', 'atRiskCustomers'].every((key) => keys.result.includes(key)));
            };
          };
        }),
    );
  while (!(await filled())) {
    if (Date.now() - started > TIMEOUT) throw new Error('the worker did not fill the derived tables');
    await new Promise((r) => setTimeout(r, 250));
  }
  const ms = Date.now() - started;
  log(`derived rows filled by the worker in ${ms} ms`);
  emit({ name: 'scale-derived-fill', ms, conversations: SPEC.conversations, messages: SPEC.messages, orders: SPEC.orders });
}

/**
 * The popup's own steps, to see which one a slow opening spent its time in: the prefetch's reads
 * (lib/store/popup-prefetch.ts) that its first figures come from, the live query's two reads
 * (lib/store/metrics.ts) that confirm them, then the figures.
 */
const STEPS = ['popupPrefetch', 'popupFacts', 'popupOrders', 'popupCompute'];

/**
 * Opens popup.html RUNS times; times to the last queue count and metric value on screen (the last
 * figures computed, shown while a large store is still read) and to the fresh figures.
 */
async function benchPopup(session: ExtensionSession, counts: SeedCounts): Promise<void> {
  const runs = Number(process.env.SCALE_POPUP_RUNS ?? RUNS);
  const warmup = Number(process.env.SCALE_POPUP_WARMUP ?? WARMUP);
  const shown: number[] = [];
  const fresh: number[] = [];
  const query: number[] = [];
  const queues: number[] = [];
  const steps: Record<string, number[]> = Object.fromEntries(STEPS.map((step) => [step, []]));
  // Where an opening's time goes before the figures are read: the page's own load, then the query's start.
  const loaded: number[] = [];
  const queryStart: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const done = () =>
        document.querySelectorAll('[data-testid="queue-count"]').length === 4 &&
        [...document.querySelectorAll('[data-testid="queue-count"] span')].every((s) => s.textContent !== '…') &&
        document.querySelectorAll('[data-testid="metric"]').length === 7;
      const w = window as unknown as { statsShownAt?: number; freshAt?: number };
      const observer = new MutationObserver(() => {
        if (!done()) return;
        w.statsShownAt ??= performance.now();
        if (document.querySelector('[data-testid="metrics-updating"]')) return;
        w.freshAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForFunction(() => (window as unknown as { freshAt?: number }).freshAt !== undefined, undefined, { timeout: TIMEOUT });
    if (i >= 0) {
      shown.push(await page.evaluate(() => (window as unknown as { statsShownAt: number }).statsShownAt));
      fresh.push(await page.evaluate(() => (window as unknown as { freshAt: number }).freshAt));
      query.push(Math.max(...(await measures(page, 'popupRows'))));
      loaded.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      queryStart.push(await page.evaluate(() => Math.min(...performance.getEntriesByName('solodesk:popupRows', 'measure').map((e) => e.startTime))));
      queues.push(Math.max(...(await measures(page, 'openCounts'))));
      for (const step of STEPS) steps[step].push(Math.max(0, ...(await measures(page, step))));
    }
    await page.close();
  }
  const s = stats(shown);
  const q = stats(query);
  const c = stats(queues);
  const f = stats(fresh);
  emit({ name: 'scale-popup-stats', ...s, freshP50Ms: f.p50Ms, freshP95Ms: f.p95Ms, runs, domContentLoadedP50Ms: stats(loaded).p50Ms, popupRowsStartP50Ms: stats(queryStart).p50Ms, popupRowsP50Ms: q.p50Ms, popupRowsP95Ms: q.p95Ms, openCountsP50Ms: c.p50Ms, openCountsP95Ms: c.p95Ms, ...Object.fromEntries(STEPS.map((step) => [`${step}P50Ms`, stats(steps[step]).p50Ms])), messages: counts.messages, conversations: counts.conversations, openConversations: counts.openConversations, orders: counts.orders, customers: counts.customers });
}

/** Types each query into a search box (cleared in between) and times until its results show. */
async function timeSearches(page: Page, input: string, resultsShown: string, measure: string): Promise<{ ui: number[]; store: number[] }> {
  const ui: number[] = [];
  const store: number[] = [];
  for (let i = -WARMUP; i < RUNS; i++) {
    const query = QUERIES[(i + WARMUP) % QUERIES.length];
    const { ms, startedAt } = await page.evaluate(
      async ([selector, doneScript, q]) => {
        const field = document.querySelector<HTMLInputElement>(selector)!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const type = (value: string) => {
          setter.call(field, value);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        };
        const done = new Function(`return (${doneScript})`)() as () => boolean;
        type('');
        await new Promise((r) => setTimeout(r, 150));
        const t0 = performance.now();
        type(q);
        // Results on screen, then the frame that paints them.
        await new Promise<void>((resolve) => {
          const check = () => (done() ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return { ms: performance.now() - t0, startedAt: t0 };
      },
      [input, resultsShown, query] as const,
    );
    if (i < 0) continue;
    ui.push(ms);
    store.push(...(await measures(page, measure, startedAt)));
  }
  return { ui, store };
}

/** The options page's article search: typed query → filtered list rendered. */
async function benchOptionsSearch(session: ExtensionSession, counts: SeedCounts): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.waitForFunction((n) => Number(document.querySelector('[data-testid="article-list"]')?.getAttribute('data-count')) >= n, counts.articles, { timeout: TIMEOUT });
  const total = await options.getByTestId('article-list').getAttribute('data-count');
  const { ui, store } = await timeSearches(
    options,
    '[name="kb-search"]',
    `() => document.querySelector('[data-testid="article-list"]').getAttribute('data-count') !== '${total}'`,
    'kbSearch',
  );
  await options.close();
  const s = store.length ? stats(store) : undefined;
  emit({ name: 'scale-kb-search-options', ...stats(ui), runs: RUNS, articles: counts.articles, ...(s ? { storeP50Ms: s.p50Ms, storeP95Ms: s.p95Ms } : {}) });
}

/**
 * The side panel's quick search: typed query → results rendered. The panel (opened as a tab) shows
 * the seeded last-opened conversation with its stored triage, so no engine run is waited for.
 */
async function benchPanelSearch(session: ExtensionSession, counts: SeedCounts): Promise<void> {
  const panel = await session.context.newPage();
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
  await panel.getByTestId('panel-search').waitFor({ timeout: TIMEOUT });
  const { ui, store } = await timeSearches(panel, '[data-testid="panel-search"]', `() => document.querySelectorAll('[data-testid="search-result"]').length > 0`, 'quickSearch');
  await panel.close();
  const s = store.length ? stats(store) : undefined;
  emit({ name: 'scale-kb-search-panel', ...stats(ui), runs: RUNS, articles: counts.articles, ...(s ? { storeP50Ms: s.p50Ms, storeP95Ms: s.p95Ms } : {}) });
}

/** Opens options.html until the full list shows, then scrolls it top to bottom watching long tasks. */
async function benchOptionsList(session: ExtensionSession, counts: SeedCounts): Promise<void> {
  const opened: number[] = [];
  const longTasks: number[] = [];
  const longestTask: number[] = [];
  const frames: number[] = [];
  for (let i = -WARMUP; i < RUNS; i++) {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const ms = await page.evaluate(
      (n) =>
        new Promise<number>((resolve) => {
          const check = () => {
            const list = document.querySelector('[data-testid="article-list"]');
            if (Number(list?.getAttribute('data-count')) >= n && list?.querySelector('[data-testid="article-row"]')) resolve(performance.now());
            else requestAnimationFrame(check);
          };
          check();
        }),
      counts.articles,
    );
    if (i >= 0) opened.push(ms);
    if (i >= 0 && i < 5) {
      // Scroll the list from top to bottom in 40 steps, one per frame, as a fast flick would.
      const scroll = await page.evaluate(async () => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        observer.observe({ type: 'longtask' });
        const list = document.querySelector<HTMLElement>('[data-testid="article-list"]')!;
        const gaps: number[] = [];
        let last = performance.now();
        for (let step = 1; step <= 40; step++) {
          list.scrollTop = (list.scrollHeight * step) / 40;
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          gaps.push(now - last);
          last = now;
        }
        await new Promise((r) => setTimeout(r, 100));
        observer.disconnect();
        return { tasks, gaps };
      });
      longTasks.push(scroll.tasks.length);
      longestTask.push(Math.max(0, ...scroll.tasks));
      frames.push(...scroll.gaps);
    }
    await page.close();
  }
  const o = stats(opened);
  const f = stats(frames);
  emit({
    name: 'scale-options-list',
    p50Ms: o.p50Ms,
    p95Ms: o.p95Ms,
    runs: RUNS,
    articles: counts.articles,
    scrollLongTasks: longTasks.reduce((s, v) => s + v, 0),
    scrollLongestTaskMs: Math.round(Math.max(0, ...longestTask)),
    scrollFrameP50Ms: f.p50Ms,
    scrollFrameP95Ms: f.p95Ms,
    scrolls: longTasks.length,
  });
}

async function main(): Promise<void> {
  const extensionDir = process.env.EXTENSION_DIR ?? '.output/chrome-mv3';
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    throw new Error(`no built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const started = Date.now();
  // SCALE_PROFILE=<dir> keeps the seeded profile there and reuses it next time (same extension
  // directory, so the same extension id and database): for trying changes without the seed.
  const profile = process.env.SCALE_PROFILE;
  const seededFile = profile && join(profile, 'solodesk-seeded.json');
  if (profile) mkdirSync(profile, { recursive: true });
  const session = await launchWithExtension({ headless: true, extensionDir, userDataDir: profile });
  try {
    const reused = seededFile && existsSync(seededFile);
    const counts: SeedCounts = reused ? JSON.parse(readFileSync(seededFile, 'utf8')) : await seed(session);
    if (reused) log(`reusing the seeded profile ${profile}`);
    else if (seededFile) writeFileSync(seededFile, JSON.stringify(counts));
    // Let the background settle (re-indexing, badge) before timing anything.
    await new Promise((r) => setTimeout(r, 3_000));
    const only = process.env.SCALE_ONLY?.split(',');
    const phases = [
      ['search-options', () => benchOptionsSearch(session, counts)],
      ['options', () => benchOptionsList(session, counts)],
      ['popup', () => benchPopup(session, counts)],
      ['search-panel', () => benchPanelSearch(session, counts)],
    ] as const;
    for (const [phase, run] of phases) {
      if (only && !only.includes(phase)) continue;
      log(phase);
      await run();
    }
    if (session.requests.blocked.length > 0) throw new Error(`network requests made: ${session.requests.blocked.join(', ')}`);
  } finally {
    await session.close();
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
