import type { MailSite } from '../mail-site';
import { forwardOutlook, insertOutlookReply } from './insert';
import { readOutlookThread } from './parse';
import { isOutlookHost } from './routes';

/** Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). */
export const outlookSite: MailSite = {
  id: 'outlook',
  matchesHost: isOutlookHost,
  readThread: readOutlookThread,
  insertReply: (doc, text, signal) => insertOutlookReply(doc, text, signal),
  forward: forwardOutlook,
  // The reading pane is re-rendered per conversation and the list can replace it entirely
  // (reading pane off), so <body> is the one stable root.
  observeRoot: (doc) => doc.body,
};
