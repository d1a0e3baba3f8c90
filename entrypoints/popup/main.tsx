import { mountApp } from '@/components/mount';
import { PopupApp } from '@/components/PopupApp';
import { startPopupReads } from '@/components/popup/reads';

// The store reads start before React does: they wait on IndexedDB while React starts and renders.
const reads = startPopupReads();
mountApp(<PopupApp reads={reads} />);
