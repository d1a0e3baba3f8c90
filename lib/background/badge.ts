import { loadSettings, settingsSchema } from '../settings';
import { watchBadge } from '../store/metrics';
import { slaSettingsOf } from '../metrics/popup-figures';
import { reportError } from '../log';

/**
 * The toolbar badge counts open P1 plus at-risk conversations, recomputed whenever the stored
 * conversations change (a Dexie live query; the manifest has no `alarms`, so no timer either).
 */
export function startBadge(): void {
  let sla = slaSettingsOf(settingsSchema.parse({}));
  let subscription = watchBadge(() => sla, show);
  const refresh = () =>
    loadSettings()
      .then((settings) => {
        sla = slaSettingsOf(settings);
        subscription.unsubscribe();
        subscription = watchBadge(() => sla, show);
      })
      .catch((error: unknown) => reportError('badge', error));
  void refresh();
  browser.storage.local.onChanged.addListener(() => void refresh());
}

function show(count: number): void {
  void browser.action.setBadgeText({ text: count > 0 ? String(count) : '' }).catch((error: unknown) => reportError('badge', error));
  void browser.action.setBadgeBackgroundColor({ color: '#c62828' }).catch(() => undefined);
}
