import { describe, expect, it } from 'vitest';
import { customerOf, triageInputOf, unansweredMessages } from '../../lib/conversation/thread';
import type { MailMessage } from '../../lib/mail/mail-site';

const msg = (email: string, body: string, fromMe = false): MailMessage => ({
  from: { name: email.split('@')[0], email },
  body,
  fromMe,
  headerOnly: false,
});

describe('conversation helpers', () => {
  it('takes the newest non-user sender as the customer', () => {
    const messages = [msg('ann@x.com', 'hi'), msg('me@shop.com', 'hello', true), msg('bob@x.com', 'also me')];
    expect(customerOf(messages).email).toBe('bob@x.com');
  });

  it('falls back to the first sender when every message is the user’s', () => {
    expect(customerOf([msg('me@shop.com', 'a', true)]).email).toBe('me@shop.com');
  });

  it('counts customer messages after the last reply as unanswered', () => {
    const messages = [msg('a@x.com', '1'), msg('me@s.com', 'r', true), msg('a@x.com', '2'), msg('a@x.com', '3')];
    expect(unansweredMessages(messages).map((m) => m.body)).toEqual(['2', '3']);
  });

  it('marks a second unanswered message as a repeat contact', () => {
    const input = triageInputOf({ subject: 'Where is it', messages: [msg('a@x.com', 'first'), msg('a@x.com', 'second')] });
    expect(input.previousMessages).toBe(1);
    expect(input.body).toBe('first\n\nsecond');
  });

  it('triages the last customer message when the user already answered', () => {
    const input = triageInputOf({ subject: 's', messages: [msg('a@x.com', 'q'), msg('me@s.com', 'r', true)] });
    expect(input.body).toBe('q');
    expect(input.previousMessages).toBe(0);
  });

  it('cuts very long bodies and says so', () => {
    const input = triageInputOf({ subject: 's', messages: [msg('a@x.com', 'x'.repeat(50_000))] });
    expect(input.body.length).toBe(20_000);
    expect(input.truncated).toBe(true);
  });
});
