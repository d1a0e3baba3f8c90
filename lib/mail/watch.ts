/**
 * Watches a mail page for conversations: fires when one opens, changes (SPA route change or
 * preview-pane switch) or grows, with identical reads de-duplicated. Triggers are DOM mutations
 * (the one observer helper), `hashchange` (Gmail), `popstate` and the Navigation API's
 * `navigatesuccess` (Outlook's history routes, where available) — no polling. Everything is torn
 * down when `signal` aborts (navigation away, extension reload: "context invalidated" is normal).
 */
import { censorStructure } from './censor';
import { LayoutError, type MailSite, type MailThread, type ReadOptions, type SelectorMiss } from './mail-site';
import { observeMutations } from './observe';

export { censorStructure } from './censor';

export interface ConversationEvent {
  /** The open conversation, or null when none is open (or it could not be read: see `miss`). */
  thread: MailThread | null;
  /** Set when a conversation is evidently open but a required selector found nothing. */
  miss?: SelectorMiss;
}

export interface WatchOptions extends ReadOptions {
  /** Quiet time after DOM mutations before re-reading. */
  debounceMs?: number;
  /**
   * Also read as soon as a burst of changes starts (after the task that caused it), not only once
   * it is over — and, while no conversation has been found since the last navigation, after every
   * change: the panel follows an opened conversation without waiting for the page to go quiet. The
   * read at the end of the burst then happens only if the page changed after the last one.
   */
  leading?: boolean;
  /** How long a layout miss must persist before it is reported (the app may still be rendering). */
  settleMs?: number;
}

/** Identity of a read: same thread, same number of messages, same last message, same expansions. */
export function threadKey(thread: MailThread): string {
  const last = thread.messages[thread.messages.length - 1];
  const headerOnly = thread.messages.filter((m) => m.headerOnly).length;
  return JSON.stringify([
    thread.threadId, thread.subject, thread.messages.length, headerOnly,
    last?.from.email, last?.date, last?.body.slice(0, 500), thread.userEmails,
  ]);
}

type NavigationTarget = EventTarget;

export function watchConversations(
  site: MailSite,
  doc: Document,
  signal: AbortSignal,
  onChange: (event: ConversationEvent) => void,
  options: WatchOptions = {},
): void {
  if (signal.aborted) return;
  const debounceMs = options.debounceMs ?? 120;
  const settleMs = options.settleMs ?? 1500;
  let lastKey = 'none';
  let readTimer: ReturnType<typeof setTimeout> | undefined;
  let missTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (key: string, event: ConversationEvent) => {
    if (key === lastKey || signal.aborted) return;
    lastKey = key;
    try {
      onChange(event);
    } catch {
      // The listener's failure (e.g. "Extension context invalidated" after a reload) must never
      // surface in the mail page; the caller aborts `signal` when its context is gone.
    }
  };

  const tryRead = (): { thread: MailThread | null } | { miss: SelectorMiss } => {
    try {
      return { thread: site.readThread(doc, options) };
    } catch (error) {
      if (error instanceof LayoutError) return { miss: error.miss };
      const name = error instanceof Error ? error.name : 'Error';
      return { miss: { site: site.id, selector: `exception:${name}`, structure: censorStructure(site.observeRoot(doc)) } };
    }
  };

  // Whether the next change gets a leading read: until a read finds a conversation (the page is
  // still rendering one, or none is open), and again after each navigation.
  let waitingForThread = true;
  const read = () => {
    if (signal.aborted) return;
    const result = tryRead();
    waitingForThread = !('thread' in result && result.thread);
    if ('thread' in result) {
      if (missTimer !== undefined) clearTimeout(missTimer);
      missTimer = undefined;
      emit(result.thread ? threadKey(result.thread) : 'none', { thread: result.thread });
      return;
    }
    // A miss can be a half-rendered view; report it only if it is still there once things settle.
    if (missTimer !== undefined) return;
    missTimer = setTimeout(() => {
      missTimer = undefined;
      const again = tryRead();
      if ('miss' in again) emit(`miss:${again.miss.selector}`, { thread: null, miss: again.miss });
      else emit(again.thread ? threadKey(again.thread) : 'none', { thread: again.thread });
    }, settleMs);
  };

  // One schedule for every trigger (mutations, hashchange, popstate, navigation): Gmail renders a
  // conversation inside its hashchange handler, and separate timers meant reading the thread twice
  // (seconds for a 5 MB body). `changed` says whether the page changed since the last read.
  let leadTimer: ReturnType<typeof setTimeout> | undefined;
  let changed = false;
  const readIfChanged = () => {
    if (!changed) return;
    changed = false;
    read();
  };
  const schedule = () => {
    changed = true;
    if (options.leading && leadTimer === undefined && (readTimer === undefined || waitingForThread)) {
      leadTimer = setTimeout(() => {
        leadTimer = undefined;
        readIfChanged();
      }, 0);
    }
    if (readTimer !== undefined) clearTimeout(readTimer);
    readTimer = setTimeout(() => {
      readTimer = undefined;
      readIfChanged();
    }, debounceMs);
  };

  signal.addEventListener(
    'abort',
    () => {
      for (const timer of [readTimer, leadTimer, missTimer]) if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );

  // debounceMs 0: the observer calls `schedule` from its own callback, before the leading read runs.
  observeMutations(site.observeRoot(doc) ?? doc.documentElement, signal, schedule, { debounceMs: 0 });
  const view = doc.defaultView;
  if (view) {
    const navigated = () => {
      waitingForThread = true;
      schedule();
    };
    view.addEventListener('hashchange', navigated, { signal });
    view.addEventListener('popstate', navigated, { signal });
    // Outlook routes with pushState, which fires no event; the Navigation API (Chromium) reports it.
    const navigation = (view as unknown as { navigation?: NavigationTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      navigation.addEventListener('navigatesuccess', navigated, { signal });
      navigation.addEventListener('currententrychange', navigated, { signal });
    }
  }
  // Read what is already open (a hard reload straight into a thread: gmail.js #162) at once:
  // the user is waiting for the panel; later mutations are debounced as usual.
  read();
}
