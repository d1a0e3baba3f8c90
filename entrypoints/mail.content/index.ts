import { startMailContent } from '@/lib/content/start';
import { reportError } from '@/lib/log';

export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    startMailContent(ctx.signal).catch((error: unknown) => reportError('content', error));
  },
});
