import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/browser/launch';
import { customerValues } from '../../lib/customers/clv';
import { importOrders } from '../../lib/customers/orders-import';
import { importThroughOptions, shopifyExport } from './orders-csv';
import { demoConversations, GMAIL, openPanel, panelSubject, startSession } from './session';

let session: ExtensionSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe('customer value in real Chromium', () => {
  const [vip, lostParcel] = demoConversations();
  const vipEmail = vip.messages[0].from.email;
  const regulars = Array.from({ length: 6 }, (_, i) => ({ email: `regular${i}@example.com`, name: `Regular ${i}`, total: 40 + i, daysAgo: 100 + i }));
  const orders = [
    { email: vipEmail, name: 'Victoria Hale', total: 480.5, daysAgo: 200 },
    { email: vipEmail, name: 'Victoria Hale', total: 912.25, daysAgo: 90 },
    { email: vipEmail, name: 'Victoria Hale', total: 615, daysAgo: 20 },
    ...regulars,
    { email: lostParcel.messages[0].from.email, name: 'Daniel Brooks', total: 35, daysAgo: 50 },
  ];
  const csv = shopifyExport(orders);

  it('imports a Shopify export through the options page, then shows the best customer as vip with the CLV to the cent', async () => {
    const expected = customerValues((await importOrders(csv)).orders, new Date(), { lifespanYears: 3 }).customers.get(vipEmail);
    expect(expected?.tier).toBe('vip');

    await importThroughOptions(session, csv);

    const panel = await openPanel(session);
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${vip.id}`);
    await panelSubject(panel, vip.subject);
    const clv = panel.getByTestId('clv');
    await expect.poll(() => clv.getAttribute('data-tier')).toBe('vip');
    expect(await clv.getAttribute('data-value')).toBe(expected!.clv.toFixed(2));
    expect(await panel.getByTestId('priority').getAttribute('data-importance')).toBe('high');

    const sla = panel.getByTestId('sla');
    expect(await sla.getAttribute('data-state')).toMatch(/^(ok|at-risk|breached|waiting-on-customer)$/);
    expect(Number(await sla.getAttribute('data-waiting-minutes'))).toBeGreaterThanOrEqual(0);
  });

  it('shows tier regular for a customer below the VIP line, whose urgent parcel mail is P2, and marks it resolved', async () => {
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${lostParcel.id}`);
    await panelSubject(panel, lostParcel.subject);
    await expect.poll(() => panel.getByTestId('clv').getAttribute('data-tier')).toBe('regular');
    // The urgent parcel mail with no threat in it: P2 from a regular customer (P1 from a VIP: popup test).
    expect(await panel.getByTestId('priority').getAttribute('data-priority')).toBe('P2');
    await panel.getByTestId('resolve').click();
    await expect.poll(() => panel.getByTestId('resolve').getAttribute('data-state')).toBe('resolved');
  });

  it('shows tier new and value 0.00 for a customer without orders', async () => {
    const unknown = demoConversations().find((c) => c.messages[0].from.email === 'li.na@example.cn')!;
    const panel = session.context.pages().find((p) => p.url().includes('sidepanel.html'))!;
    const mail = await session.context.newPage();
    await mail.goto(`${GMAIL}#inbox/${unknown.id}`);
    await panelSubject(panel, unknown.subject);
    const clv = panel.getByTestId('clv');
    await expect.poll(() => clv.getAttribute('data-tier')).toBe('new');
    expect(await clv.getAttribute('data-value')).toBe('0.00');
  });
});
