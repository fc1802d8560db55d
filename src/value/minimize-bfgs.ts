/**
 * Unconstrained minimisation with BFGS, on `numeric`'s `uncmin` (a quasi-Newton method with a backtracking
 * line search; the default method of scipy.optimize.minimize that `lifetimes` uses). This wrapper lets one
 * function return the value and the gradient together and caches the last evaluation, because `uncmin` asks
 * for the value and then the gradient at the same point.
 */
import numeric from "numeric";

/** A function that returns f(x) and writes ∇f(x) into `gradient`. */
export type ValueAndGradient = (x: number[], gradient: number[]) => number;

export interface MinimizeOptions {
  /** Stop when the quasi-Newton step (in x units) is shorter than this. @default 1e-10 */
  tol?: number;
  /** Most iterations (line-search halvings count too). @default 1000 */
  maxIterations?: number;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  gradient: number[];
  iterations: number;
  /** True when the step or the line search fell below `tol` (not when maxIterations was reached). */
  converged: boolean;
  message: string;
}

/**
 * Minimise `f` from `x0` with BFGS.
 * @param f - value and gradient, see {@link ValueAndGradient}.
 * @param x0 - starting point (nParams).
 * @param options - see {@link MinimizeOptions}.
 * @returns the minimiser, its value and gradient, the iteration count and whether it converged.
 */
export function minimizeBfgs(
  f: ValueAndGradient,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const { tol = 1e-10, maxIterations = 1000 } = options;
  let lastX: number[] | null = null;
  let lastF = NaN;
  let lastG: number[] = [];
  const evaluate = (x: number[]) => {
    if (lastX === null || x.some((v, i) => v !== lastX![i])) {
      const g = new Array<number>(x.length).fill(0);
      lastF = f(x, g);
      lastG = g;
      lastX = x.slice();
    }
  };
  const value = (x: number[]) => {
    evaluate(x);
    return Number.isFinite(lastF) ? lastF : NaN;
  };
  const gradient = (x: number[]) => {
    evaluate(x);
    return lastG.slice();
  };
  const out = numeric.uncmin(value, x0.slice(), tol, gradient, maxIterations);
  const converged =
    out.message === "Newton step smaller than tol" || out.message === "Line search step size smaller than tol";
  return {
    x: out.solution,
    fx: out.f,
    gradient: out.gradient,
    iterations: out.iterations,
    converged,
    message: out.message,
  };
}
