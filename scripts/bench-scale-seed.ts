/**
 * Seeds the extension's own 'solodesk' IndexedDB for the scale bench (scripts/bench-scale.ts)
 * with rows of the exact shapes of lib/db.ts. `seedInPage` runs inside an extension page through
 * page.evaluate, so it is self-contained: raw IndexedDB, no imports, no outer variables.
 */

export interface SeedSpec {
  conversations: number;
  messages: number;
  articles: number;
  orders: number;
  customers: number;
  /** ms since epoch the data is "as of". */
  now: number;
  seed: number;
  /** English and Chinese words the texts are made of (passed in: this function can import nothing). */
  words: { en: string[]; zh: string[] };
}

export interface SeedCounts {
  conversations: number;
  messages: number;
  articles: number;
  orders: number;
  customers: number;
  openConversations: number;
  /** Time spent per store, generating and writing (progress for stderr). */
  writeMs: Record<string, number>;
}

export async function seedInPage(spec: SeedSpec): Promise<SeedCounts> {
  let state = spec.seed >>> 0;
  const random = () => {
    // mulberry32: deterministic data, so BEFORE and AFTER runs measure the same rows.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const DAY = 86_400_000;
  const { en: EN, zh: ZH } = spec.words;
  const CATEGORIES = ['invoice', 'refund', 'order-status', 'account', 'shipping-address', 'cancellation', 'pre-sales', 'feedback', 'other', 'product-fault', 'after-sales', 'technical-support', 'order-delay', 'lost-package', 'system-outage'];
  const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
  const NAMES = ['Alex', 'Sam', 'Maria', 'Wei', 'Li', 'Jordan', 'Priya', 'Daniel', 'Yuki', 'Chen', 'Fatima', 'Lucas', 'Emma', 'Noah', 'Zhang', 'Olivia'];
  const sentence = (lang: 'en' | 'zh', words: number): string => {
    const pool = lang === 'en' ? EN : ZH;
    const parts = Array.from({ length: words }, () => pick(pool));
    return lang === 'en' ? `${parts.join(' ')}.` : `${parts.join('')}。`;
  };
  const text = (lang: 'en' | 'zh', minChars: number, maxChars: number): string => {
    const target = minChars + Math.floor(random() * (maxChars - minChars));
    let out = '';
    while (out.length < target) out += (out ? ' ' : '') + sentence(lang, 6 + Math.floor(random() * 10));
    return out.slice(0, maxChars);
  };

  const open = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('solodesk');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const write = (store: string, rows: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = open.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      for (const row of rows) os.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const writeMs: Record<string, number> = {};
  const inBatches = async (store: string, count: number, make: (i: number) => unknown) => {
    const started = performance.now();
    for (let start = 0; start < count; start += 5_000) {
      const rows = [];
      for (let i = start; i < Math.min(count, start + 5_000); i++) rows.push(make(i));
      await write(store, rows);
    }
    writeMs[store] = Math.round(performance.now() - started);
  };

  // Customers first: conversations and orders refer to them.
  const emails = Array.from({ length: spec.customers }, (_, i) => `customer${i}@example.com`);
  const customerName = (i: number) => `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (i % 26))}.`;
  await inBatches('customers', spec.customers, (i) => {
    const clv = Math.round(random() * random() * 500_000) / 100;
    const tier = i % 11 === 0 ? 'new' : clv > 1_500 ? 'vip' : 'regular';
    const row: Record<string, unknown> = { email: emails[i], name: customerName(i), firstSeenAt: spec.now - random() * 1_000 * DAY, lastSeenAt: spec.now - random() * 60 * DAY, clv: tier === 'new' ? 0 : clv, tier };
    if (tier !== 'new') {
      const pAlive = random();
      row.behaviour = { pAlive, expectedPurchasesNextYear: pAlive * 4, predictiveClv: clv * pAlive, atRisk: tier === 'vip' && pAlive < 0.2 };
    }
    return row;
  });

  // Conversations over the last two years with 2…8 messages each, 5 on average.
  let messagesLeft = spec.messages;
  let openConversations = 0;
  const conversations: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  for (let i = 0; i < spec.conversations; i++) {
    const remaining = spec.conversations - i;
    const count = i === spec.conversations - 1 ? messagesLeft : Math.max(1, Math.min(messagesLeft - (remaining - 1), 2 + Math.floor(random() * 7)));
    messagesLeft -= count;
    const customer = Math.floor(random() * spec.customers);
    const lang = random() < 0.7 ? 'en' : 'zh';
    const created = spec.now - random() * 730 * DAY;
    const id = `gmail:bench${i.toString(16)}`;
    let at = created;
    for (let m = 0; m < count; m++) {
      const fromMe = m % 2 === 1;
      messages.push({
        id: `${id}#${m}`,
        conversationId: id,
        index: m,
        fromName: fromMe ? 'Support' : customerName(customer),
        fromEmail: fromMe ? 'support@shop.example' : emails[customer],
        date: new Date(at).toISOString(),
        body: text(lang, 150, 600),
        fromMe,
        headerOnly: false,
      });
      at += (0.2 + random() * 30) * 3_600_000;
    }
    const last = Math.min(at, spec.now);
    const old = spec.now - created > 14 * DAY;
    const lastFromMe = (count - 1) % 2 === 1;
    const state = old ? (random() < 0.95 ? 'resolved' : lastFromMe ? 'waiting' : 'open') : random() < 0.4 ? 'resolved' : lastFromMe ? 'waiting' : 'open';
    if (state !== 'resolved') openConversations++;
    const priority = pick(PRIORITIES);
    const category = pick(CATEGORIES);
    const conversation: Record<string, unknown> = {
      id,
      site: 'gmail',
      threadId: `bench${i.toString(16)}`,
      subject: sentence(lang, 5),
      customerEmail: emails[customer],
      customerName: customerName(customer),
      messageCount: count,
      url: `https://mail.google.com/mail/u/0/#inbox/bench${i.toString(16)}`,
      state,
      createdAt: created,
      updatedAt: last,
      lastMessageAt: last,
      triage: {
        category,
        confidence: Math.round(random() * 100) / 100,
        urgency: priority === 'P1' || priority === 'P2' ? 'high' : 'low',
        importance: priority === 'P1' || priority === 'P3' ? 'high' : 'low',
        priority,
        sentiment: pick(['negative', 'neutral', 'neutral', 'positive']),
        lang,
        reasons: [`urgency:${priority}`],
        // A few conversations the knowledge base could not answer (KB gaps).
        suggestions: random() < 0.02 ? [] : [{ id: `bench-${Math.floor(random() * spec.articles)}`, score: Math.round(random() * 100) / 100 }],
        at: created + 60_000,
        engine: 'lexical',
      },
    };
    if (state === 'resolved') conversation.resolvedAt = last + random() * 2 * DAY;
    if (state === 'resolved' && random() < 0.3) conversation.rating = { value: 1 + Math.floor(random() * 5), at: last, source: random() < 0.8 ? 'mail' : 'manual' };
    conversations.push(conversation);
  }
  await inBatches('conversations', conversations.length, (i) => conversations[i]);
  // The newest conversation was the last one opened: the side panel shows it (already triaged).
  await write('openings', [{ conversationId: conversations.at(-1)?.id, tabId: 1, windowId: 1, at: spec.now }]);
  await inBatches('messages', messages.length, (i) => messages[i]);

  // Orders over three years; most paid, a few refunded, pending or voided.
  await inBatches('orders', spec.orders, (i) => {
    const total = Math.round((10 + random() * random() * 400) * 100) / 100;
    const roll = random();
    const status = roll < 0.85 ? 'paid' : roll < 0.9 ? 'partially_refunded' : roll < 0.95 ? 'refunded' : roll < 0.98 ? 'pending' : 'voided';
    const refunded = status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total * 30) / 100 : 0;
    const customer = Math.floor(random() * random() * spec.customers);
    return { id: `shopify:${100000 + i}`, email: emails[customer], date: new Date(spec.now - random() * 1_095 * DAY).toISOString(), total, refunded, status, currency: 'USD', source: 'shopify', name: customerName(customer) };
  });

  // Articles: 70 % English, 30 % Chinese, bodies of 500…1500 characters.
  await inBatches('articles', spec.articles, (i) => {
    const lang = random() < 0.7 ? 'en' : 'zh';
    return {
      id: `bench-${i}`,
      title: `${sentence(lang, 4)} #${i}`,
      body: text(lang, 500, 1500),
      examples: Array.from({ length: 3 }, () => sentence(lang, 8)),
      category: pick(CATEGORIES),
      lang,
      tags: [pick(['billing', 'shipping', 'returns', 'account', 'product', 'vip'])],
      source: 'import',
      updatedAt: spec.now - random() * 700 * DAY,
    };
  });
  // Raw writes bypass what the product derives on every save and import (lib/store/derived.ts):
  // leave the store as one from before those tables, for the worker to fill on its next start.
  for (const store of ['conversationFacts', 'factsByDay', 'orderBlocks', 'summaries']) {
    await new Promise<void>((resolve, reject) => {
      const tx = open.transaction(store, 'readwrite');
      tx.objectStore(store).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  open.close();
  return { conversations: conversations.length, messages: messages.length, articles: spec.articles, orders: spec.orders, customers: spec.customers, openConversations, writeMs };
}
