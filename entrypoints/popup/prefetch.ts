import { startPopupPrefetch } from '@/lib/store/popup-prefetch';

// Imported first by main.tsx, so this runs before the rest of the bundle is evaluated.
startPopupPrefetch();
