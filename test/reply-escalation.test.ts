import { expect, it } from 'vitest';
import type { Conversation, StoredMessage } from '../lib/db';
import { escalationSummary } from '../lib/reply/escalation';

const conversation: Conversation = {
  id: 'gmail:t', site: 'gmail', threadId: 't', subject: 'Checkout broken', customerEmail: 'ann@shop.example', customerName: 'Ann Lee',
  messageCount: 2, url: '', state: 'open', createdAt: 0, updatedAt: 0, lastMessageAt: 0,
  triage: { category: 'system-outage', confidence: 0.9, urgency: 'high', importance: 'high', priority: 'P1', sentiment: 'negative', lang: 'en', reasons: ['urgency:outage'], suggestions: [], at: 0, engine: 'lexical' },
};
const message = (index: number, body: string, fromMe = false): StoredMessage => ({
  id: `gmail:t#${index}`, conversationId: 'gmail:t', index, fromName: '', fromEmail: '', body, fromMe, headerOnly: false,
});

it('summarises who, how urgent and why, and the customer’s latest words', () => {
  const text = escalationSummary(conversation, [message(0, 'Checkout   fails\nagain'), message(1, 'We are on it', true)], 'vip');
  expect(text).toContain('Customer: Ann Lee <ann@shop.example> (vip)');
  expect(text).toContain('Priority: P1 (urgency high, importance high) — urgency:outage');
  expect(text).toContain('Latest from the customer: "Checkout fails again"');
});

it('cuts a long message to an excerpt', () => {
  const text = escalationSummary(conversation, [message(0, 'x'.repeat(2_000))]);
  expect(text).toMatch(/x{400}…"/);
});
