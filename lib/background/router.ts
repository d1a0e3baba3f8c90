import type { z } from 'zod';
import { db } from '../db';
import {
  articlePickedSchema,
  backgroundMessenger,
  conversationRefSchema,
  correctCategorySchema,
  modelEnableSchema,
  selectorMissSchema,
  threadSchema,
  type BackgroundProtocol,
} from '../messaging';
import { z as zod } from 'zod';
import { classifySender, ForbiddenSenderError, type SenderInfo, type SenderKind } from '../sender';
import { reportError } from '../log';
import { disableModel, enableModel, modelStatus } from './model-host';
import { resetEngine } from './engine-host';
import { ensureTriaged, handleArticlePicked, handleCategoryCorrection, handleThreadOpened } from './triage-service';

/**
 * The background's message router: every handler states which kind of sender may call it, and
 * every payload is validated before anything touches the database.
 */

interface Route<T> {
  from: SenderKind;
  schema: z.ZodType<T>;
}

function guard<T>(type: keyof BackgroundProtocol, route: Route<T>, sender: SenderInfo, data: unknown): T {
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (kind !== route.from) throw new ForbiddenSenderError(type, kind);
  return route.schema.parse(data);
}

function tabOf(sender: SenderInfo) {
  const tabId = sender.tab?.id;
  const windowId = sender.tab?.windowId;
  if (tabId === undefined || windowId === undefined) throw new Error('A content script message without a tab');
  return { tabId, windowId };
}

const threadOpenedSchema = zod.object({ thread: threadSchema });
// Messages without data: anything but null/undefined is refused.
const noDataSchema = zod.undefined().or(zod.null()).transform(() => undefined);

export function startRouter(): void {
  backgroundMessenger.onMessage('threadOpened', async ({ data, sender }) => {
    const { thread } = guard('threadOpened', { from: 'content-script', schema: threadOpenedSchema }, sender, data);
    try {
      return { conversationId: await handleThreadOpened(thread, tabOf(sender)) };
    } catch (error) {
      reportError('triage', error);
      throw error;
    }
  });

  backgroundMessenger.onMessage('layoutMiss', async ({ data, sender }) => {
    const miss = guard('layoutMiss', { from: 'content-script', schema: selectorMissSchema }, sender, data);
    await db.layoutMisses.add({ ...miss, at: Date.now(), ...tabOf(sender) });
  });

  backgroundMessenger.onMessage('correctCategory', async ({ data, sender }) => {
    const { conversationId, category } = guard('correctCategory', { from: 'extension-page', schema: correctCategorySchema }, sender, data);
    await handleCategoryCorrection(conversationId, category);
  });

  backgroundMessenger.onMessage('articlePicked', async ({ data, sender }) => {
    const { conversationId, articleId } = guard('articlePicked', { from: 'extension-page', schema: articlePickedSchema }, sender, data);
    await handleArticlePicked(conversationId, articleId);
  });

  backgroundMessenger.onMessage('ensureTriaged', async ({ data, sender }) => {
    const { conversationId } = guard('ensureTriaged', { from: 'extension-page', schema: conversationRefSchema }, sender, data);
    return ensureTriaged(conversationId);
  });
  backgroundMessenger.onMessage('modelStatus', async ({ data, sender }) => {
    guard('modelStatus', { from: 'extension-page', schema: noDataSchema }, sender, data);
    return modelStatus();
  });

  // Enabling or disabling changes what the engine is built with, so it is rebuilt on next use.
  backgroundMessenger.onMessage('modelEnable', async ({ data, sender }) => {
    const { source } = guard('modelEnable', { from: 'extension-page', schema: modelEnableSchema }, sender, data);
    try {
      return await enableModel(source);
    } catch (error) {
      reportError('model', error);
      throw error;
    } finally {
      resetEngine();
    }
  });

  backgroundMessenger.onMessage('modelDisable', async ({ data, sender }) => {
    guard('modelDisable', { from: 'extension-page', schema: noDataSchema }, sender, data);
    const status = await disableModel();
    resetEngine();
    return status;
  });
}
