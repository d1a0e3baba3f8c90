import type { Conversation, StoredMessage } from '../db';

const EXCERPT_CHARS = 400;

/**
 * The short summary on top of an escalation (forward to an expert, the method's 转接专家): who,
 * how urgent and important and why, what it is about, and the customer's latest words.
 */
export function escalationSummary(conversation: Conversation, messages: StoredMessage[], tier?: string): string {
  const triage = conversation.triage;
  const latest = [...messages].reverse().find((m) => !m.fromMe && m.body.trim());
  const excerpt = latest ? latest.body.trim().replace(/\s+/g, ' ') : '';
  const lines = [
    `[SoloDesk escalation] ${conversation.subject}`,
    `Customer: ${conversation.customerName ? `${conversation.customerName} <${conversation.customerEmail}>` : conversation.customerEmail}${tier ? ` (${tier})` : ''}`,
  ];
  if (triage) {
    lines.push(`Priority: ${triage.priority} (urgency ${triage.urgency}, importance ${triage.importance})${triage.reasons.length ? ` — ${triage.reasons.join(', ')}` : ''}`);
    lines.push(`Category: ${triage.correctedCategory ?? triage.category} · sentiment ${triage.sentiment} · language ${triage.lang}`);
  }
  lines.push(`Messages: ${conversation.messageCount}`);
  if (excerpt) lines.push(`Latest from the customer: "${excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt}"`);
  lines.push('—');
  return lines.join('\n');
}
