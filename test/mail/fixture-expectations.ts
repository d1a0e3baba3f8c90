/**
 * What every conversation fixture must read as, for the one contract suite both sites pass.
 * Dates are wall-clock parts (the page's time zone); the suite turns them into ISO in the test's zone.
 */
import type { SiteId } from '../../lib/mail/mail-site';

export type Wall = [year: number, month: number, day: number, hour: number, minute: number];

export interface ConversationExpectation {
  fixture: string;
  site: SiteId;
  threadId: string;
  subject: string;
  customer: string;
  userEmails: string[];
  messageCount: number;
  fromMe: boolean[];
  headerOnly: boolean[];
  dates: (Wall | undefined)[];
  /** Body of each message exactly ('' for header-only ones). */
  bodies: string[];
  /** Text from quotes and signatures that must not appear in any body. */
  absent: string[];
}

export interface MissExpectation {
  fixture: string;
  site: SiteId;
  /** A part of the missing selector list. */
  selectorIncludes: string;
}

export const conversations: ConversationExpectation[] = [
  {
    fixture: 'gmail/full-thread-en.html',
    site: 'gmail',
    threadId: '19ada7c1e2f3a4b5',
    subject: 'Refund for order #10482',
    customer: 'laura.chen@example.com',
    userEmails: ['support@acme-shop.example'],
    messageCount: 3,
    fromMe: [false, true, false],
    headerOnly: [true, true, false],
    dates: [[2026, 11, 23, 9, 14], [2026, 11, 23, 14, 40], [2026, 11, 25, 8, 2]],
    bodies: [
      '',
      '',
      'Hi,\n\nIt has now been two weeks since the return was delivered and I still see no refund on my card. This is the third time I write about order #10482.\n\nPlease refund the $189.00 today or I will dispute the charge with my bank.\n\nLaura',
    ],
    absent: ['Operations Lead', 'warehouse confirmed', 'wrote:'],
  },
  {
    fixture: 'gmail/preview-pane-en.html',
    site: 'gmail',
    threadId: '19ade0a1b2c3d4e5',
    subject: 'Parcel still not here - need it by Friday',
    customer: 'tom.becker@example.org',
    userEmails: ['support@acme-shop.example'],
    messageCount: 5,
    fromMe: [false, false, false, true, false],
    headerOnly: [true, true, true, true, false],
    dates: [[2026, 11, 20, 9, 12], undefined, undefined, [2026, 11, 24, 16, 5], [2026, 11, 25, 7, 41]],
    bodies: [
      '', '', '', '',
      'Hello again,\n\nthe tracking page still says "in transit" since Nov 18. The gift is for my daughter\'s birthday on Saturday, so I really need it by Friday.\nCan you send a replacement by express?\n\nTom',
    ],
    absent: ['asked the carrier', 'bulk pricing', '50 units'],
  },
  {
    fixture: 'gmail/thread-zh.html',
    site: 'gmail',
    threadId: '19ae00aa11bb22cc',
    subject: '无法登录账户',
    customer: 'wang.fang@example.cn',
    userEmails: ['kefu@acme-shop.example'],
    messageCount: 3,
    fromMe: [false, true, false],
    headerOnly: [false, false, false],
    dates: [[2026, 11, 23, 10, 8], [2026, 11, 23, 15, 20], [2026, 11, 24, 9, 5]],
    bodies: [
      '你好，\n我从昨天开始一直无法登录账户，输入密码后页面提示“账户已锁定”。重置密码的邮件也收不到。\n请尽快帮我处理，谢谢！\n\n王芳',
      '王女士您好，\n我们已为您解除账户锁定，请再试一次。如果仍然收不到重置邮件，请检查垃圾邮件文件夹。',
      '还是不行，解锁后登录时又提示验证码错误。\n我明天要给客户开发票，必须能登录。',
    ],
    absent: ['写道', 'Acme 客服团队', '> '],
  },
  {
    fixture: 'gmail/thread-de.html',
    site: 'gmail',
    threadId: '19ae1100aa22bb33',
    subject: 'AW: Rückerstattung Bestellung 4471',
    customer: 'k.wagner@example.de',
    userEmails: ['service@acme-shop.example'],
    messageCount: 2,
    fromMe: [true, false],
    headerOnly: [true, false],
    dates: [[2026, 11, 20, 16, 45], [2026, 11, 23, 10, 8]],
    bodies: [
      '',
      'Sehr geehrte Damen und Herren,\n\nich warte seit zwei Wochen auf die Rückerstattung für die Bestellung 4471. Bitte überweisen Sie die 79,90 € bis Ende der Woche.\n\nMit freundlichen Grüßen\nKlaus Wagner',
    ],
    absent: ['Gesendet:', 'vielen Dank für Ihre Nachricht'],
  },
  {
    fixture: 'gmail/inline-reply-open.html',
    site: 'gmail',
    threadId: '19ae2200cc33dd44',
    subject: 'Do you ship to Norway?',
    customer: 'ingrid.h@example.no',
    userEmails: ['support@acme-shop.example', 'sales@acme-shop.example'],
    messageCount: 2,
    fromMe: [false, true],
    headerOnly: [false, false],
    dates: [[2014, 12, 18, 12, 35], [2026, 5, 4, 10, 8]],
    bodies: [
      'Hello! Before I order the 3-piece cookware set: do you ship to Norway, and are import duties included in the price?\n\nThanks,\nIngrid',
      'Hi Ingrid, yes we do. Let me check the duties for you.',
    ],
    absent: ['Re: Do you ship'],
  },
  {
    fixture: 'gmail/legacy-table-bs.html',
    site: 'gmail',
    threadId: '14a5f1c6f7aeeebc',
    subject: 'Thank you!',
    customer: 'priya.n@example.in',
    userEmails: ['support@acme-shop.example'],
    messageCount: 2,
    fromMe: [true, false],
    headerOnly: [false, false],
    dates: [[2014, 12, 17, 16, 10], [2014, 12, 18, 12, 35]],
    bodies: [
      'Hi Priya, your replacement kettle shipped today with tracking 1Z999AA10123456784.',
      'It arrived this morning. Thank you so much for the quick help, great service!\n\nPriya',
    ],
    absent: ['wrote:'],
  },
  {
    fixture: 'outlook/reading-pane-en.html',
    site: 'outlook',
    threadId: 'AAQkAGI2ZTQ0YjYwLWNkNWQtNDYwMC1hYTcxLTJkZWMxMDAwMWFjMgAQAKq/B1Xz4k9Gm8c6Q=',
    subject: 'Login keeps failing after password reset',
    customer: 'marcus.obi@example.com',
    userEmails: ['help@brightdesk.example'],
    messageCount: 3,
    fromMe: [false, true, false],
    headerOnly: [false, true, false],
    dates: [[2026, 11, 24, 9, 47], [2026, 11, 24, 16, 2], [2026, 11, 25, 8, 31]],
    bodies: [
      "Hello, I can't log in to my BrightDesk account since this morning. It says my credentials are invalid.\nThanks, Marcus",
      '',
      'Hi,\nI followed your steps and reset my password twice, but the app still says "invalid credentials". I have a client demo at 2 pm and need access before then.\nMarcus',
    ],
    absent: ['Obi Consulting', 'Sent:', 'reset your password from the sign-in page'],
  },
  {
    fixture: 'outlook/reading-pane-de.html',
    site: 'outlook',
    threadId: 'AQQkADAwATM0MDAAMS1iNTcwLWE0ZTItMDACLTAwCgAQAFk=',
    subject: 'Paket nicht angekommen',
    customer: 'jonas.weber@example.de',
    userEmails: ['lena.fischer@outlook.example'],
    messageCount: 2,
    fromMe: [true, false],
    headerOnly: [false, false],
    dates: [[2026, 11, 20, 14, 30], [2026, 11, 23, 10, 8]],
    bodies: [
      'Guten Tag Herr Weber,\nIhr Paket ist unterwegs und sollte heute ankommen.',
      'Hallo Frau Fischer,\n\nlaut Sendungsverfolgung wurde das Paket am Freitag zugestellt, aber bei mir ist nichts angekommen. Auch die Nachbarn haben nichts. Was können wir tun?\n\nViele Grüße\nJonas Weber',
    ],
    absent: ['Keramikwerkstatt', 'Gesendet:'],
  },
  {
    fixture: 'outlook/compose-open.html',
    site: 'outlook',
    threadId: 'AAMkADk0ZjFmNGQ2LTM4NzUtNDRkMi04NTU3LTk4Y2M=',
    subject: 'Thank you for the quick fix!',
    customer: 'emma.l@example.se',
    userEmails: ['sam@brightdesk.example'],
    messageCount: 1,
    fromMe: [false],
    headerOnly: [false],
    dates: [[2026, 11, 23, 15, 15]],
    bodies: ['Just wanted to say thanks, the sync works perfectly now. Great support!\nEmma'],
    absent: ['Sam Rivera · BrightDesk', 'RE: Thank you'],
  },
];

export const misses: MissExpectation[] = [
  { fixture: 'gmail/unknown-layout.html', site: 'gmail', selectorIncludes: '.a98.iY' },
  { fixture: 'gmail/malformed-message.html', site: 'gmail', selectorIncludes: 'span.gD[email]' },
  { fixture: 'outlook/unknown-layout.html', site: 'outlook', selectorIncludes: 'ConversationContainer' },
];
