import { describe, expect, it, test } from 'vitest';
import type { MailMessage } from '../../lib/mail/mail-site';
import { fillTemplate } from '../../lib/kb/template';
import { buildTemplateContext, conversationVariables, formatToday, orderIdOfThread } from '../../lib/kb/variables';

function msg(from: string, email: string, body: string, fromMe = false): MailMessage {
  return { from: { name: from, email }, body, fromMe, headerOnly: false };
}

const now = new Date('2025-05-01T12:00:00Z');

describe('conversationVariables', () => {
  it('takes the customer from the latest message not sent by the user', () => {
    const vars = conversationVariables({
      thread: {
        subject: 'Where is my parcel?',
        messages: [
          msg('Lee, Ann', 'ann@example.com', 'Hi, where is order 1234?'),
          msg('Sam', 'sam@shop.example', 'Looking into it', true),
        ],
      },
      settings: { agentName: 'Sam', companyName: 'Acme' },
      now,
      locale: 'en-US',
      timeZone: 'UTC',
    });
    expect(vars).toEqual({
      customer: { name: 'Ann Lee', firstName: 'Ann', email: 'ann@example.com' },
      order: { id: '1234' },
      agent: { name: 'Sam' },
      company: { name: 'Acme' },
      today: 'May 1, 2025',
      custom: {},
    });
  });

  it('borrows the display name from an earlier message of the same address', () => {
    const vars = conversationVariables({
      thread: {
        subject: 's',
        messages: [msg('王小明', 'wxm@example.cn', '你好'), msg('', 'wxm@example.cn', '在吗？')],
      },
      now,
    });
    expect(vars.customer).toEqual({ name: '王小明', firstName: '王小明', email: 'wxm@example.cn' });
  });

  it('leaves out values it does not know, so fallbacks and the fill-in form apply', () => {
    const vars = conversationVariables({ now });
    expect(vars.customer).toEqual({});
    expect(vars.order).toEqual({});
    expect(vars.agent).toEqual({});
    const filled = fillTemplate('Hi {{customer.firstName | "there"}}, {{order.id}}', buildTemplateContext({ now }));
    expect(filled).toEqual({ ok: false, missing: ['order.id'] });
  });

  it('offers custom values under custom.*', () => {
    const ctx = buildTemplateContext({ now, custom: { coupon: 'SPRING10' } });
    expect(fillTemplate('{{custom.coupon}}', ctx)).toEqual({ ok: true, text: 'SPRING10' });
  });
});

describe('orderIdOfThread', () => {
  test.each([
    ['the most recent customer message', ['order 1111', 'sorry, it is order 2222'], 'Re: order 3333', '2222'],
    ['the subject when no message names one', ['where is it?'], 'Order #3333', '3333'],
    ['nothing when nobody names one', ['hello'], 'question', undefined],
  ])('prefers %s', (_what, bodies, subject, expected) => {
    const messages = bodies.map((b) => msg('Ann', 'ann@example.com', b));
    expect(orderIdOfThread({ subject, messages })).toBe(expected);
  });

  it('falls back to an order number the user wrote', () => {
    const messages = [msg('Ann', 'a@x', 'hi'), msg('Me', 'me@x', 'Your order 4545 left today', true)];
    expect(orderIdOfThread({ subject: '', messages })).toBe('4545');
  });
});

describe('formatToday', () => {
  test.each([
    ['en-US', 'May 1, 2025'],
    ['zh-CN', '2025年5月1日'],
    ['de', '1. Mai 2025'],
    ['not a locale!!', 'May 1, 2025'],
  ])('writes the date in %s as %s', (locale, expected) => {
    expect(formatToday(now, locale, 'UTC')).toBe(expected);
  });
});
