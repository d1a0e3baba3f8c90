import { startMailContent } from '@/lib/content/start';
import { reportError } from '@/lib/log';
import { MAIL_MATCH_PATTERNS } from '@/lib/sender';

export default defineContentScript({
  matches: MAIL_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    startMailContent(ctx.signal, () => ctx.isInvalid).catch((error: unknown) => reportError('content', error));
  },
});
