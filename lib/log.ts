/**
 * The one error sink. Mail content never goes to logs: only an area, the error's name and message
 * (our own messages never quote mail text). "Extension context invalidated" after an extension
 * reload is expected under an open mail tab and is not an error.
 */

export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated|Receiving end does not exist/i.test(error.message);
}

export function reportError(area: string, error: unknown): void {
  if (isContextInvalidated(error)) return;
  const summary = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.warn(`[SoloDesk:${area}] ${summary}`);
}
