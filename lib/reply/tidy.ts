import { fillTemplate, type FillResult, type TemplateContext } from '../kb/template';

/** Removes what empty fallbacks leave behind: trailing spaces on lines and blank lines at the end. */
export function tidyReply(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** A canned reply filled for insertion: the template's variables, then the tidy-up above. */
export function fillReply(template: string, context: TemplateContext): FillResult {
  const filled = fillTemplate(template, context);
  return filled.ok ? { ok: true, text: tidyReply(filled.text) } : filled;
}
