import { z } from 'zod';
import { DEFAULT_SLA_TARGETS } from './metrics/sla';

/**
 * Same value as OFFICIAL_USE_MODEL_URL in triage/embed/use-loader.ts (a test keeps them equal):
 * importing that module here would pull tfjs into the content script, which reads these settings.
 */
export const DEFAULT_MODEL_SOURCE = 'https://tfhub.dev/tensorflow/tfjs-model/universal-sentence-encoder-lite/1/default/1';

/**
 * User settings live in `storage.local` (readable by the content script, which must never open the
 * extension's IndexedDB). Validated on read so a damaged value falls back to defaults.
 */

const slaTarget = z.object({
  firstResponseMinutes: z.number().positive().max(100_000),
  resolutionMinutes: z.number().positive().max(1_000_000),
});

export const settingsSchema = z.object({
  agentName: z.string().max(200).default(''),
  companyName: z.string().max(200).default(''),
  signature: z.string().max(5_000).default(''),
  ownAddresses: z.array(z.string().max(320)).max(50).default([]),
  /** Where "Escalate" forwards a conversation (the expert queue, 转接专家): an expert or partner. */
  expertAddress: z.union([z.literal(''), z.email().max(320)]).default(''),
  /** Expected customer lifespan in years for CLV (CONTRACT §6). */
  lifespanYears: z.number().positive().max(100).default(3),
  /** Derive L from last year's churn (L = 1 / annual churn) instead of `lifespanYears`. */
  lifespanFromChurn: z.boolean().default(false),
  csatInvite: z.boolean().default(false),
  /** Universal Sentence Encoder: off until the user enables it (it is a ~25 MB download). */
  modelEnabled: z.boolean().default(false),
  /** Model URL, or `folder:<model id>` for a model installed from a picked folder. */
  modelSource: z.string().min(1).max(2_000).default(DEFAULT_MODEL_SOURCE),
  /** SLA targets per queue in business minutes (lib/metrics/sla.ts DEFAULT_SLA_TARGETS). */
  slaTargets: z.object({ P1: slaTarget, P2: slaTarget, P3: slaTarget, P4: slaTarget }).default(DEFAULT_SLA_TARGETS),
  /** Working weekdays (0 = Sunday), window in minutes after local midnight, IANA zone ('' = the browser's). */
  businessDays: z.array(z.number().int().min(0).max(6)).max(7).default([1, 2, 3, 4, 5]),
  businessStartMinute: z.number().int().min(0).max(1440).default(9 * 60),
  businessEndMinute: z.number().int().min(0).max(1440).default(17 * 60),
  timeZone: z.string().max(100).default(''),
  /** Monthly service costs (store currency) for the cost per ticket. */
  costLabour: z.number().min(0).default(0),
  costTools: z.number().min(0).default(0),
  costOperations: z.number().min(0).default(0),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

export async function loadSettings(): Promise<Settings> {
  return settingsOf((await browser.storage.local.get(KEY))[KEY]);
}

/** The settings from what storage holds under their key: the defaults where it holds none or no valid ones. */
export function settingsOf(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export async function loadOwnAddresses(): Promise<string[]> {
  return (await loadSettings()).ownAddresses.map((a) => a.toLowerCase());
}
