/** Removes what empty fallbacks leave behind: trailing spaces on lines and blank lines at the end. */
export function tidyReply(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}
