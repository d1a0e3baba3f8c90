/**
 * Nelder–Mead simplex minimiser (Nelder & Mead 1965; the standard coefficients reflection 1,
 * expansion 2, contraction ½, shrink ½). Derivative-free, so model likelihoods need no gradients,
 * and small enough to ship in the extension.
 */

export interface NelderMeadOptions {
  /** Edge length of the initial simplex around the start point. Default 0.5. */
  step?: number;
  maxIterations?: number;
  /** Stop when the spread of function values and of points in the simplex are both below this. */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

/** Minimise `fn` from `start`. Non-finite values of `fn` are treated as +∞ (outside the domain). */
export function nelderMead(
  fn: (x: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const { step = 0.5, maxIterations = 5000, tolerance = 1e-10 } = options;
  const n = start.length;
  const evaluate = (x: number[]): Vertex => {
    const f = fn(x);
    return { x, f: Number.isFinite(f) ? f : Number.POSITIVE_INFINITY };
  };
  let simplex: Vertex[] = [evaluate([...start])];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += step;
    simplex.push(evaluate(x));
  }
  const combine = (p: number[], q: number[], t: number): number[] => p.map((pi, i) => pi + t * (q[i] - pi));

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    simplex.sort((u, v) => u.f - v.f);
    const best = simplex[0];
    const worst = simplex[n];
    const fSpread = Math.abs(worst.f - best.f);
    const xSpread = Math.max(...simplex.map((v) => Math.max(...v.x.map((xi, i) => Math.abs(xi - best.x[i])))));
    if (fSpread <= tolerance * (1 + Math.abs(best.f)) && xSpread <= Math.sqrt(tolerance)) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] += simplex[j].x[i] / n;

    const reflected = evaluate(combine(centroid, worst.x, -1));
    if (reflected.f < best.f) {
      const expanded = evaluate(combine(centroid, worst.x, -2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < simplex[n - 1].f) {
      simplex[n] = reflected;
    } else {
      // Contract towards the better of the worst point and its reflection.
      const outside = reflected.f < worst.f;
      const contracted = evaluate(combine(centroid, worst.x, outside ? -0.5 : 0.5));
      if (contracted.f < (outside ? reflected.f : worst.f)) {
        simplex[n] = contracted;
      } else {
        simplex = simplex.map((v, j) => (j === 0 ? v : evaluate(combine(best.x, v.x, 0.5))));
      }
    }
  }
  simplex.sort((u, v) => u.f - v.f);
  return { x: simplex[0].x, value: simplex[0].f, iterations, converged };
}
