/**
 * The one DOM-watching helper: a debounced MutationObserver torn down by an AbortSignal.
 * No polling loops anywhere (STYLE.md habit 7): Gmail and Outlook mutate the DOM whenever a
 * conversation opens, changes or grows, so mutations are the only clock we need.
 */

export interface ObserveOptions {
  /**
   * Trailing debounce: the callback runs once the DOM has been quiet this long. 0: no timer of its
   * own, the callback runs from the observer's callback (for a caller that keeps its own schedule).
   */
  debounceMs?: number;
  /** Also watch attribute changes (Gmail expands a message by changing its class to `h7`). */
  attributeFilter?: string[];
}

/** Calls `onChange` (debounced) after mutations below `target`, until `signal` aborts. */
export function observeMutations(
  target: Node,
  signal: AbortSignal,
  onChange: () => void,
  options: ObserveOptions = {},
): void {
  if (signal.aborted) return;
  const debounceMs = options.debounceMs ?? 120;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!signal.aborted) onChange();
  };
  const observer = new MutationObserver(() => {
    if (debounceMs <= 0) return run();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, debounceMs);
  });
  observer.observe(target, {
    childList: true,
    subtree: true,
    characterData: false,
    ...(options.attributeFilter ? { attributes: true, attributeFilter: options.attributeFilter } : {}),
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}

/**
 * Resolves with the first element `find` returns, checking now and after each mutation below
 * `root`; rejects with the signal's reason when it aborts (pass `AbortSignal.timeout(ms)` or an
 * `AbortSignal.any` of it for a deadline).
 */
export function waitForElement<T extends Element>(
  root: Node,
  find: () => T | null | undefined,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const now = find();
    if (now) return resolve(now);
    if (signal.aborted) return reject(signal.reason);
    const local = new AbortController();
    const stop = () => local.abort();
    signal.addEventListener(
      'abort',
      () => {
        stop();
        reject(signal.reason);
      },
      { once: true, signal: local.signal },
    );
    const observer = new MutationObserver(() => {
      const el = find();
      if (el) {
        stop();
        resolve(el);
      }
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'contenteditable'] });
    local.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}

/** A promise that resolves after `ms`, or rejects when `signal` aborts first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}
