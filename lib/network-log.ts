import { z } from 'zod';

/**
 * The one way SoloDesk reaches the network, and its record. Every request is written to the log in
 * `storage.local` BEFORE it is sent, then completed with its outcome, so the options page can show
 * everything the extension ever fetched — a request that failed or never returned included.
 *
 * Only the background fetches (the optional sentence model); its appends run one after another
 * through `pending`, so parallel weight-shard downloads cannot overwrite each other's entries.
 * storage.local rather than the database: a restored backup must not rewrite this history.
 */

export const NETWORK_LOG_KEY = 'networkLog';
/** Newest entries kept; older ones are only counted (a model download is a handful of requests). */
export const NETWORK_LOG_CAP = 200;
const MAX_URL_CHARS = 2_000;

export type NetworkPurpose = 'model';

const entrySchema = z.object({
  id: z.string(),
  url: z.string(),
  at: z.number(),
  purpose: z.enum(['model']),
  /** Missing while the request is under way (or when the context died before it returned). */
  ok: z.boolean().optional(),
  status: z.number().optional(),
  /** From Content-Length, when the server sent one. */
  bytes: z.number().optional(),
  error: z.string().optional(),
});

const logSchema = z.object({
  entries: z.array(entrySchema),
  /** Entries pushed out by the cap: they happened, they are just no longer listed. */
  dropped: z.number().int().min(0),
});

export type NetworkLogEntry = z.infer<typeof entrySchema>;
export type NetworkLog = z.infer<typeof logSchema>;

const EMPTY: NetworkLog = { entries: [], dropped: 0 };

export async function readNetworkLog(): Promise<NetworkLog> {
  const stored = (await browser.storage.local.get(NETWORK_LOG_KEY))[NETWORK_LOG_KEY];
  const parsed = logSchema.safeParse(stored ?? EMPTY);
  return parsed.success ? parsed.data : EMPTY;
}

let pending: Promise<unknown> = Promise.resolve();

function update(change: (log: NetworkLog) => NetworkLog): Promise<void> {
  const next = pending.then(async () => {
    const log = change(await readNetworkLog());
    await browser.storage.local.set({ [NETWORK_LOG_KEY]: log });
  });
  pending = next.catch(() => undefined);
  return next;
}

function append(entry: NetworkLogEntry): Promise<void> {
  return update(({ entries, dropped }) => {
    const all = [...entries, entry];
    const over = Math.max(0, all.length - NETWORK_LOG_CAP);
    return { entries: all.slice(over), dropped: dropped + over };
  });
}

function complete(id: string, outcome: Pick<NetworkLogEntry, 'ok' | 'status' | 'bytes' | 'error'>): Promise<void> {
  return update((log) => ({ ...log, entries: log.entries.map((e) => (e.id === id ? { ...e, ...outcome } : e)) }));
}

function urlOf(input: RequestInfo | URL): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return url.slice(0, MAX_URL_CHARS);
}

function contentLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  const bytes = header === null ? NaN : Number(header);
  return Number.isFinite(bytes) ? bytes : undefined;
}

/**
 * A fetch that is logged first: if the log cannot be written, nothing is sent. Pass it wherever a
 * library would otherwise fetch on its own (tfjs' `fetchFunc`).
 */
export function recordedFetch(purpose: NetworkPurpose, send: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async (input, init) => {
    const id = crypto.randomUUID();
    await append({ id, url: urlOf(input), at: Date.now(), purpose });
    let response: Response;
    try {
      response = await send(input, init);
    } catch (error) {
      await complete(id, { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      throw error;
    }
    await complete(id, { ok: response.ok, status: response.status, bytes: contentLength(response) });
    return response;
  };
}
