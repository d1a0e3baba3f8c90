import { defineWebExtConfig } from 'wxt';

// WXT's own browser runner cannot attach on this machine (CDP closes early); we drive
// Chromium ourselves through playwright-core in scripts/start.ts and the browser tests.
export default defineWebExtConfig({ disabled: true });
