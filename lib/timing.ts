/**
 * Wraps a step in a User Timing measure (`solodesk:<name>`), so the devtools performance panel
 * and the scale bench (scripts/bench-scale.ts) can tell a store query's time from rendering.
 * A measure costs microseconds.
 */
export function timed<T>(name: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    performance.measure(`solodesk:${name}`, { start, end: performance.now() });
  }
}

/** timed() for an async step: the measure ends when its promise settles. */
export async function measured<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    performance.measure(`solodesk:${name}`, { start, end: performance.now() });
  }
}
