import type { MailSite } from '../mail-site';
import { forwardGmail, insertGmailReply } from './insert';
import { readGmailThread, readInboxRows } from './parse';
import { isGmailHost } from './routes';

/** Gmail (mail.google.com): full-page thread and preview pane, 2014 and 2023-11+ markup. */
export const gmailSite: MailSite = {
  id: 'gmail',
  matchesHost: isGmailHost,
  readThread: readGmailThread,
  insertReply: (doc, text, signal) => insertGmailReply(doc, text, signal),
  forward: forwardGmail,
  // Gmail swaps whole views under [role=main] (and re-creates it across routes), so only <body>
  // is stable for the life of the page.
  observeRoot: (doc) => doc.body,
  readInboxRows,
};
