import { backgroundMessenger, contentMessenger, fitThreadPayload, forwardToSchema, insertTextSchema } from '../messaging';
import { isContextInvalidated, reportError } from '../log';
import { siteForUrl } from '../mail/sites';
import { watchConversations } from '../mail/watch';
import { loadOwnAddresses } from '../settings';

/**
 * The browser stopped the service worker before it answered. Expected: the background stores a
 * conversation before triaging it and triages what is left when it starts again.
 */
function isWorkerStopped(error: unknown): boolean {
  return error instanceof Error && /message channel closed before a response|message port closed/i.test(error.message);
}

/**
 * The content script's whole job: pick the mail site for this page, watch for opened
 * conversations and forward them to the background, and insert replies when asked.
 * Everything hangs off `signal`, which aborts on extension reload ("context invalidated").
 * Chrome does not tell an orphaned script it was replaced, so `isInvalid` (WXT's ctx.isInvalid,
 * which aborts `signal` when the runtime is gone) is asked before each message: after an update the
 * old script tears down at the next page change instead of sending into a dead context.
 */
export async function startMailContent(signal: AbortSignal, isInvalid: () => boolean = () => signal.aborted): Promise<void> {
  const site = siteForUrl(new URL(location.href));
  if (!site) return;

  const ownAddresses = await loadOwnAddresses().catch(() => []);
  const send = (promise: Promise<unknown>) =>
    promise.catch((error: unknown) => {
      if (!isContextInvalidated(error) && !isWorkerStopped(error)) reportError('content', error);
    });

  watchConversations(
    site,
    document,
    signal,
    ({ thread, miss }) => {
      if (isInvalid()) return;
      if (thread) send(backgroundMessenger.sendMessage('threadOpened', { thread: fitThreadPayload(thread) }));
      if (miss) send(backgroundMessenger.sendMessage('layoutMiss', miss));
    },
    // Read when a rendering burst starts and again when it has been quiet for 25 ms: the panel
    // follows at once, and a half-rendered read is corrected (see scripts/bench-browser.ts).
    { ownAddresses, debounceMs: 25, leading: true },
  );

  const removeListener = contentMessenger.onMessage('insertText', async ({ data, sender }) => {
    // Only our own extension can reach a content script, but check what the browser says anyway.
    if (sender.id !== browser.runtime.id) return { ok: false, error: 'not-inserted' as const };
    const { text } = insertTextSchema.parse(data);
    return site.insertReply(document, text, signal);
  });
  const removeForward = contentMessenger.onMessage('forwardTo', async ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || !site.forward) return { ok: false, error: 'not-inserted' as const };
    const { to, text } = forwardToSchema.parse(data);
    return site.forward(document, to, text, signal);
  });
  // The panel asks before it trusts this tab: no answer means the tab still runs an orphaned script.
  const removePing = contentMessenger.onMessage('ping', () => true as const);
  signal.addEventListener('abort', removePing, { once: true });
  signal.addEventListener('abort', removeListener, { once: true });
  signal.addEventListener('abort', removeForward, { once: true });
}
