import { db } from '../db';
import { seedStarterArticles } from '../store/articles';
import { fillDerived } from '../store/derived';
import { startBadge } from './badge';
import { watchLifespanSettings } from './customer-values';
import { reportError } from '../log';
import { startRouter } from './router';
import { onCommand } from './commands';
import { recoverUntriaged } from './triage-service';

/** Wires the background: message router, first-install seeding, side-panel behaviour. */
export function startBackground(): void {
  startRouter();

  browser.runtime.onInstalled.addListener(() => {
    seedStarterArticles().catch((error: unknown) => reportError('seed', error));
  });
  // Also on every start: an install whose seeding was interrupted finishes it now.
  seedStarterArticles().catch((error: unknown) => reportError('seed', error));

  // The toolbar button opens the queue popup; keyboard commands open the panel and insert replies.
  browser.commands.onCommand.addListener((command, tab) => onCommand(command, tab?.windowId));

  void db.open().catch((error: unknown) => reportError('db', error));
  // A worker stopped mid-triage left stored conversations untriaged: finish them now.
  recoverUntriaged().catch((error: unknown) => reportError('recover', error));
  // A database from before v4 gets the popup's derived rows once (each save keeps them after).
  fillDerived().catch((error: unknown) => reportError('derived', error));
  startBadge();
  watchLifespanSettings();
}
