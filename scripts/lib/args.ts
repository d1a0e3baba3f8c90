/** Minimal `--name value` / `--flag` parser for the CLIs (no dependency needed for this). */
export type Args = Record<string, string | true>;

export function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) continue;
    const eq = token.indexOf('=');
    if (eq > 0) {
      args[token.slice(2, eq)] = token.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      args[token.slice(2)] = argv[++i];
    } else {
      args[token.slice(2)] = true;
    }
  }
  return args;
}

export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' ? value : undefined;
}

export function requireArg(args: Args, name: string): string {
  const value = stringArg(args, name);
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

/** Progress and diagnostics go to stderr: stdout carries only the JSON the contract promises. */
export function log(...parts: unknown[]): void {
  process.stderr.write(parts.map(String).join(' ') + '\n');
}
