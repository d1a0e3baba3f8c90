import { readFileSync } from 'node:fs';

/** Read a JSON Lines file (UTF-8); blank lines are skipped, a bad line names its line number. */
export function readJsonl<T>(path: string): T[] {
  const rows: T[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        rows.push(JSON.parse(line) as T);
      } catch (error) {
        throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
      }
    });
  return rows;
}
