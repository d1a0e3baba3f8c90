import { backgroundMessenger, contentMessenger, fitThreadPayload, forwardToSchema, insertTextSchema } from '../messaging';
import { isContextInvalidated, reportError } from '../log';
import { siteForUrl } from '../mail/sites';
import { watchConversations } from '../mail/watch';
import { loadOwnAddresses } from '../settings';

/**
 * The content script's whole job: pick the mail site for this page, watch for opened
 * conversations and forward them to the background, and insert replies when asked.
 * Everything hangs off `signal`, which aborts on extension reload ("context invalidated").
 */
export async function startMailContent(signal: AbortSignal): Promise<void> {
  const site = siteForUrl(new URL(location.href));
  if (!site) return;

  const ownAddresses = await loadOwnAddresses().catch(() => []);
  const send = (promise: Promise<unknown>) =>
    promise.catch((error: unknown) => {
      if (!isContextInvalidated(error)) reportError('content', error);
    });

  watchConversations(
    site,
    document,
    signal,
    ({ thread, miss }) => {
      if (signal.aborted) return;
      if (thread) send(backgroundMessenger.sendMessage('threadOpened', { thread: fitThreadPayload(thread) }));
      if (miss) send(backgroundMessenger.sendMessage('layoutMiss', miss));
    },
    // 25 ms still coalesces a rendering burst, and the panel follows within a frame or two
    // (the 120 ms default cost that much on every opening; see scripts/bench-browser.ts).
    { ownAddresses, debounceMs: 25 },
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
  signal.addEventListener('abort', removeListener, { once: true });
  signal.addEventListener('abort', removeForward, { once: true });
}
