import { startMailContent } from '@/lib/content/start';
import { reportError } from '@/lib/log';
import { MAIL_MATCH_PATTERNS } from '@/lib/sender';

export default defineContentScript({
  matches: MAIL_MATCH_PATTERNS,
  // document_end: at DOMContentLoaded. document_idle may wait for the page's load event (or up to
  // 200 ms after DOMContentLoaded), and the user is waiting for the panel.
  runAt: 'document_end',
  main(ctx) {
    startMailContent(ctx.signal, () => ctx.isInvalid).catch((error: unknown) => reportError('content', error));
  },
});
