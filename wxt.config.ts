import { resolve } from 'node:path';
import { defineConfig, type Entrypoint } from 'wxt';
import { MAIL_MATCH_PATTERNS } from './lib/sender';


// Universal Sentence Encoder download hosts: optional, requested from the options page only when
// the user enables the model (TF Hub redirects to Kaggle; the vocabulary is on googleapis).
const MODEL_HOSTS = ['https://tfhub.dev/*', 'https://www.kaggle.com/*', 'https://storage.googleapis.com/*'];

// tfjs' wasm backend loads these at runtime from /tfjs-wasm/; single-threaded builds only, since an
// MV3 service worker cannot start the threaded build's nested workers.
const TFJS_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

// See CONTRACT.md §7: no tabs, no <all_urls>, no remote code.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    // The popup is built on its own, as one script: it is a fresh page each time it opens, and
    // its six shared chunks took ~20 ms longer to arrive than one file (DOMContentLoaded p50
    // 143-145 -> 116-135 ms at 100k messages); the side panel and options page stay together.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group): group is Entrypoint[] => Array.isArray(group) && group.some((e) => e.type === 'popup'));
      const popup = pages?.find((e) => e.type === 'popup');
      if (!pages || !popup || pages.length === 1) return;
      pages.splice(pages.indexOf(popup), 1);
      groups.push([popup]);
    },
    'build:publicAssets': (_wxt, files) => {
      for (const name of TFJS_WASM_FILES) {
        files.push({
          absoluteSrc: resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist', name),
          relativeDest: `tfjs-wasm/${name}`,
        });
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: storage for settings, unlimitedStorage for the mailbox and model cache,
    // sidePanel on Chrome (Firefox's sidebar_action needs no permission).
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: MAIL_MATCH_PATTERNS,
    // WXT moves host_permissions into permissions for MV2 (Firefox) but not the optional ones.
    ...(manifestVersion === 2 ? { optional_permissions: MODEL_HOSTS } : { optional_host_permissions: MODEL_HOSTS }),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      // 'wasm-unsafe-eval' lets the tfjs wasm backend compile its bundled .wasm; nothing remote.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenPanel__',
      },
      'search-articles': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandSearch__',
      },
      'insert-top-suggestion': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandInsertTop__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'solodesk@solodesk.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
