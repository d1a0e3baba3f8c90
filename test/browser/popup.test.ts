import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../scripts/browser/launch';
import type { Conversation, StoredMessage } from '../../lib/db';
import { METRIC_NAMES, periodMetrics } from '../../lib/metrics/popup-metrics';
import { settingsSchema } from '../../lib/settings';
import { conversationSla } from '../../lib/store/metrics';
import { conversationRecord, slaSettingsOf } from '../../lib/metrics/popup-figures';
import type { Order } from '../../lib/customers/order';
import { importThroughOptions, shopifyExport } from './orders-csv';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

let session: ExtensionSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Reads the extension's stores with plain IndexedDB (read only). */
function readStores(page: Page): Promise<{ conversations: Conversation[]; messages: StoredMessage[]; orders: Order[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('solodesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['conversations', 'messages', 'orders']);
          const conversations = tx.objectStore('conversations').getAll();
          const messages = tx.objectStore('messages').getAll();
          const orders = tx.objectStore('orders').getAll();
          tx.oncomplete = () => resolve({ conversations: conversations.result, messages: messages.result, orders: orders.result });
        };
      }),
  );
}

describe('the queue popup in real Chromium', () => {
  const demos = demoConversations().slice(0, 4);

  it('counts the opened demo conversations per queue and shows all seven metrics as the metric functions compute them; a VIP urgent mail is P1', async () => {
    // Daniel Brooks (the lost-parcel mail) is the best customer here; the others are regulars.
    const lostParcel = demos[1];
    await importThroughOptions(
      session,
      shopifyExport([
        ...[400, 120, 30].map((daysAgo) => ({ email: lostParcel.messages[0].from.email, name: 'Daniel Brooks', total: 700, daysAgo })),
        ...Array.from({ length: 6 }, (_, i) => ({ email: `regular${i}@example.com`, name: `Regular ${i}`, total: 40, daysAgo: 500 + i })),
      ]),
    );
    const panel = await openPanel(session);
    for (const demo of demos) {
      const mail = await session.context.newPage();
      await mail.goto(`${GMAIL}#inbox/${demo.id}`);
      await panelSubject(panel, demo.subject);
      await panel.getByTestId('priority').waitFor();
      // The urgent parcel mail with no threat in it is P1 from a VIP (P2 from a regular: customer test).
      if (demo === lostParcel) expect(await panel.getByTestId('priority').getAttribute('data-priority')).toBe('P1');
      await mail.close();
    }
    await panel.getByTestId('resolve').click(); // the last one opened: resolved, so out of the queues

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const counts = popup.getByTestId('queue-count');
    await expect.poll(async () => {
      const values = await counts.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      return values.reduce((s, v) => s + v, 0);
    }).toBe(demos.length - 1);
    expect(await counts.evaluateAll((els) => els.map((e) => e.getAttribute('data-priority')))).toEqual(['P1', 'P2', 'P3', 'P4']);

    const metric = popup.getByTestId('metric');
    await expect.poll(() => metric.count()).toBe(METRIC_NAMES.length);
    const shown = Object.fromEntries(
      await metric.evaluateAll((els) => els.map((e) => [e.getAttribute('data-metric'), e.getAttribute('data-value')])),
    ) as Record<string, string>;
    expect(Object.keys(shown).sort()).toEqual([...METRIC_NAMES].sort());

    // The same numbers from the stored conversations through the pure functions.
    const { conversations, messages, orders } = await readStores(popup);
    const settings = settingsSchema.parse({});
    const sla = slaSettingsOf(settings);
    const now = new Date();
    const records = conversations.map((c) => conversationRecord(c, messages.filter((m) => m.conversationId === c.id), sla, now));
    const expected = periodMetrics({
      conversations: records,
      orders,
      from: new Date(now.getTime() - 30 * 86_400_000),
      to: new Date(now.getTime() + 1),
      costs: { labour: 0, tools: 0, operations: 0 },
      businessHours: sla.businessHours,
    });
    for (const name of METRIC_NAMES) expect([name, shown[name]]).toEqual([name, String(expected[name] ?? '')]);
    expect(shown['csat-percent']).toBe('');
    // Its first reads ran ahead of the bundle (lib/store/popup-prefetch.ts), once.
    expect(await popup.evaluate(() => performance.getEntriesByName('solodesk:popupPrefetch', 'measure').length)).toBe(1);


    // Toolbar badge: open P1 plus at-risk (or breached) conversations.
    const badgeExpected = conversations.filter((c) => {
      if (c.state === 'resolved' || !c.triage) return false;
      const state = conversationSla(c, messages.filter((m) => m.conversationId === c.id), sla, now).state;
      return c.triage.priority === 'P1' || state === 'at-risk' || state === 'breached';
    }).length;
    const badge = () => session.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));
    await expect.poll(badge).toBe(badgeExpected > 0 ? String(badgeExpected) : '');

    await popup.getByTestId('trend-chart').waitFor();
    expect(Number(await popup.getByTestId('heatmap').getAttribute('data-total'))).toBe(demos.length);
  });
});
