import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { uiLocale } from '@/lib/i18n';

/** Mounts an extension page's React root into #root. */
export function mountApp(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('SoloDesk page without #root');
  document.documentElement.lang = uiLocale() === 'zh_CN' ? 'zh-CN' : 'en';
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
