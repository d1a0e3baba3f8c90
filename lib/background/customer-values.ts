import { reportError } from '../log';
import { settingsSchema } from '../settings';
import { recomputeCustomerValues } from '../store/orders';

/** CLV depends on the lifespan settings: recompute every customer's value when they change. */
export function watchLifespanSettings(): void {
  browser.storage.local.onChanged.addListener((changes) => {
    const change = changes.settings;
    if (!change) return;
    const before = settingsSchema.safeParse(change.oldValue ?? {});
    const after = settingsSchema.safeParse(change.newValue ?? {});
    if (!after.success) return;
    const { lifespanYears, lifespanFromChurn } = after.data;
    if (before.success && before.data.lifespanYears === lifespanYears && before.data.lifespanFromChurn === lifespanFromChurn) return;
    recomputeCustomerValues(new Date(), { lifespanYears, lifespanFromChurn }).catch((error: unknown) => reportError('clv', error));
  });
}
