// First: the store reads start before React, Dexie and the rest of this bundle are evaluated
// (~25-40 ms), and IndexedDB answers meanwhile (lib/store/popup-prefetch.ts).
import './prefetch';
import { mountApp } from '@/components/mount';
import { PopupApp } from '@/components/PopupApp';
import { startPopupReads } from '@/components/popup/reads';

// The live reads start before React renders: the first figures come from the prefetch, and
// these confirm them and keep them current.
const reads = startPopupReads();
mountApp(<PopupApp reads={reads} />);
