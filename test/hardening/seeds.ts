/**
 * Valid files of every kind the options page's one import input takes, and a database with
 * something of every kind in it (so that "unchanged" means something). The fuzzer breaks these.
 */
import { readFileSync } from 'node:fs';
import { db } from '../../lib/db';
import { exportKb, type KbFormat } from '../../lib/kb/io';
import { STARTER_ARTICLES } from '../../lib/kb/starter';
import { createBackup } from '../../lib/store/backup';
import { toStoredArticle } from '../../lib/store/kb';
import { shopifyExport } from '../browser/orders-csv';
import { TRICKY_KB } from '../kb/io/tricky-kb';
import type { Bytes, Family, SeedFile } from './fuzz';

const fixture = (path: string): Bytes => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const utf8 = (s: string): Bytes => new TextEncoder().encode(s);

/** The database every fuzz case starts from: articles, customers, orders, mail, feedback, settings. */
export async function seedDatabase(): Promise<void> {
  const now = Date.UTC(2026, 0, 15);
  await db.articles.bulkPut(STARTER_ARTICLES.slice(0, 8).map((a) => toStoredArticle(a, 'starter', now)));
  await db.articles.put({ id: 'user-1', title: 'Own reply', body: 'Hi {{customer.firstName}}', examples: ['own'], category: 'refund', lang: 'en', tags: ['x'], source: 'user', updatedAt: now });
  await db.customers.bulkPut([
    { email: 'ann@example.com', name: 'Ann', firstSeenAt: now - 1e9, lastSeenAt: now, clv: 120.5, tier: 'vip' },
    { email: 'bo@example.com', name: 'Bo', firstSeenAt: now - 1e8, lastSeenAt: now, clv: 0, tier: 'new' },
  ]);
  await db.orders.bulkPut([
    { id: 'plain:ann@example.com|2025-12-01T00:00:00.000Z|80#1', email: 'ann@example.com', date: '2025-12-01T00:00:00.000Z', total: 80, refunded: 0, status: 'paid', source: 'plain' },
    { id: 'shopify:#999', email: 'ann@example.com', date: '2025-06-01T00:00:00.000Z', total: 40.5, refunded: 0, status: 'paid', source: 'shopify', currency: 'EUR' },
  ]);
  await db.conversations.put({
    id: 'gmail:t1',
    site: 'gmail',
    threadId: 't1',
    subject: 'Where is my refund?',
    customerEmail: 'ann@example.com',
    customerName: 'Ann',
    messageCount: 1,
    url: 'https://mail.google.com/mail/u/0/#inbox/t1',
    state: 'open',
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
  });
  await db.messages.put({ id: 'gmail:t1#0', conversationId: 'gmail:t1', index: 0, fromName: 'Ann', fromEmail: 'ann@example.com', body: 'Where is my refund?', fromMe: false, headerOnly: false });
  await db.feedback.add({ kind: 'pick', conversationId: 'gmail:t1', text: 'where is my refund', label: 'user-1', at: now });
  await db.settings.bulkPut([
    { key: 'starterSeeded', value: 1 },
    { key: 'kbGapCandidates', value: [{ key: 'mbox:t:0', question: 'q?', reply: 'r.', from: { name: 'A', email: 'a@x.com' }, subject: 's', origin: 'mbox' }] },
  ]);
}

/** A snapshot that is byte-for-byte comparable: the full backup without its export time. */
export async function databaseSnapshot(): Promise<string> {
  const { exportedAt: _exportedAt, ...rest } = await createBackup(new Date(0));
  return JSON.stringify(rest);
}

function kbExports(): SeedFile[] {
  const starter = STARTER_ARTICLES.slice(0, 5).map((a) => ({ ...a, id: `seed-${a.id}` }));
  const formats: [KbFormat, Family, string][] = [
    ['json', 'kb-json', 'json'],
    ['csv', 'kb-csv', 'csv'],
    ['markdown', 'kb-markdown', 'md'],
  ];
  return formats.flatMap(([format, family, extension]) => [
    { family, origin: `exportKb(starter, ${format})`, name: `solodesk-kb-2026-01-01.${extension}`, bytes: utf8(exportKb(starter, format)) },
    { family, origin: `exportKb(tricky, ${format})`, name: `kb.${extension}`, bytes: utf8(exportKb(TRICKY_KB, format)) },
  ]);
}

const PLAIN_ORDERS = [
  'email,date,amount,status,refunded,currency,name,id',
  'kim@example.com,2025-03-01,120.00,paid,0,EUR,Kim Lee,A-1',
  'lee@example.com,2025-04-02T10:00:00Z,"1,080.50",partially refunded,80.50,EUR,"Lee, Sam",A-2',
  'zoe@example.com,2025-05-03,45.5,refunded,,usd,Zoë,A-3',
  '',
].join('\r\n');

export function seedFiles(backupJson: string): SeedFile[] {
  return [
    ...kbExports(),
    { family: 'kb-csv', origin: 'fixtures/kb/hand-written.csv', name: 'hand-written.csv', bytes: fixture('kb/hand-written.csv') },
    { family: 'kb-csv', origin: 'fixtures/kb/hand-written-zh-header.csv', name: 'faq.csv', bytes: fixture('kb/hand-written-zh-header.csv') },
    { family: 'kb-csv', origin: 'fixtures/kb/excel-cp1252.csv', name: 'excel.csv', bytes: fixture('kb/excel-cp1252.csv') },
    { family: 'kb-json', origin: 'fixtures/kb/hand-written.json', name: 'hand-written.json', bytes: fixture('kb/hand-written.json') },
    { family: 'kb-json', origin: 'fixtures/kb/contract-rows.jsonl', name: 'rows.jsonl', bytes: fixture('kb/contract-rows.jsonl') },
    { family: 'kb-markdown', origin: 'fixtures/kb/hand-written.md', name: 'hand-written.md', bytes: fixture('kb/hand-written.md') },
    { family: 'orders', origin: 'fixtures/orders/shopify-orders.csv', name: 'orders_export.csv', bytes: fixture('orders/shopify-orders.csv') },
    { family: 'orders', origin: 'fixtures/orders/stripe-payments.csv', name: 'unified_payments.csv', bytes: fixture('orders/stripe-payments.csv') },
    { family: 'orders', origin: 'fixtures/orders/woocommerce-orders.csv', name: 'woocommerce.csv', bytes: fixture('orders/woocommerce-orders.csv') },
    { family: 'orders', origin: 'fixtures/orders/plain-orders.csv', name: 'plain.csv', bytes: fixture('orders/plain-orders.csv') },
    { family: 'orders', origin: 'plain with every optional column', name: 'orders.csv', bytes: utf8(PLAIN_ORDERS) },
    {
      family: 'orders',
      origin: 'shopifyExport (test/browser/orders-csv.ts)',
      name: 'orders_export_1.csv',
      bytes: utf8(shopifyExport([{ email: 'ann@example.com', name: 'Ann', total: 99, daysAgo: 30 }, { email: 'cy@example.com', name: 'Cy', total: 12.5, daysAgo: 200 }])),
    },
    { family: 'mbox', origin: 'fixtures/mbox/takeout.mbox', name: 'All mail Including Spam and Trash.mbox', bytes: fixture('mbox/takeout.mbox') },
    { family: 'mbox', origin: 'fixtures/mbox/crlf.mbox', name: 'crlf.mbox', bytes: fixture('mbox/crlf.mbox') },
    { family: 'mbox', origin: 'fixtures/mbox/no-thread-ids.mbox', name: 'Inbox.mbox', bytes: fixture('mbox/no-thread-ids.mbox') },
    { family: 'backup', origin: 'createBackup(seeded database)', name: 'solodesk-backup-2026-01-15.json', bytes: utf8(backupJson) },
    { family: 'backup', origin: 'createBackup(seeded database), pretty', name: 'backup.json', bytes: utf8(JSON.stringify(JSON.parse(backupJson), null, 2)) },
  ];
}
