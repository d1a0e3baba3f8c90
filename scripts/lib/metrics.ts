/** Macro-averaged F1 over every label that occurs as gold or as prediction. */
export function macroF1(gold: string[], predicted: string[]): number {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === g) inc(tp, g);
    else {
      inc(fp, p);
      inc(fn, g);
    }
  });
  const labels = new Set([...gold, ...predicted]);
  let sum = 0;
  for (const l of labels) {
    const t = tp.get(l) ?? 0;
    const denom = 2 * t + (fp.get(l) ?? 0) + (fn.get(l) ?? 0);
    sum += denom === 0 ? 0 : (2 * t) / denom;
  }
  return labels.size === 0 ? 0 : sum / labels.size;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** top-1, top-3 and mean reciprocal rank of the gold id in each ranking (absent → 0). */
export function rankMetrics(rankings: string[][], gold: string[]): { top1: number; top3: number; mrr: number } {
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  rankings.forEach((ranking, i) => {
    const r = ranking.indexOf(gold[i]);
    if (r === 0) top1++;
    if (r >= 0 && r < 3) top3++;
    if (r >= 0) mrr += 1 / (r + 1);
  });
  const n = Math.max(1, gold.length);
  return { top1: round(top1 / n), top3: round(top3 / n), mrr: round(mrr / n) };
}
