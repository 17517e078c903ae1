// Newton's method for a smooth objective with box bounds and one linear equality constraint, using
// the exact gradient and Hessian. Small dense problems only (the Dixon-Coles fit has 2·teams + 2
// parameters): each iteration factorises the free block of the Hessian, so convergence is
// quadratic near the optimum and the fit reaches the true maximum, not a stopping rule's
// neighbourhood of it.
//
// Each iteration: variables at a bound whose reduced gradient pushes outward are held; the Newton
// step on the rest keeps the equality (KKT system through the Schur complement); a Levenberg shift
// makes the free Hessian positive definite when it is not; a backtracking (Armijo) line search never
// leaves the box and stops at the first bound crossed.

export interface BoundedNewtonProblem {
  dimension: number;
  lower: Float64Array;
  upper: Float64Array;
  /** Coefficients c of one equality c·x = constant that every step keeps (x0 must satisfy it). */
  equality?: Float64Array;
  /** The objective at x; fills `grad` (n) and `hess` (n×n, row-major) when they are given. */
  evaluate(x: Float64Array, grad: Float64Array | null, hess: Float64Array | null): number;
}

export interface BoundedNewtonOptions {
  /** Stop when the largest projected gradient component is below this. */
  tolerance: number;
  maxIterations: number;
}

export interface BoundedNewtonResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** Largest |component| of the gradient projected on the feasible directions: 0 at an optimum. */
  maxProjectedGradient: number;
  converged: boolean;
}

/** Cholesky factor L (lower, row-major) of the m×m matrix a in place; false if not positive definite. */
function cholesky(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= a[j * m + k]! ** 2;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ y = b for the factor from {@link cholesky}. */
function choleskySolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = y[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  return y;
}

/**
 * The Newton step on the free variables `idx` that keeps the equality: d = −M⁻¹g + t·M⁻¹c with
 * c·d = 0, M the free block of the Hessian plus the smallest Levenberg shift that makes it
 * positive definite. Null if no shift does.
 */
function newtonDirection(
  problem: BoundedNewtonProblem,
  h: Float64Array,
  g: Float64Array,
  idx: readonly number[],
): Float64Array | null {
  const n = problem.dimension;
  const m = idx.length;
  if (m === 0) return null;
  const gF = Float64Array.from(idx, (j) => g[j]!);
  const cF = problem.equality ? Float64Array.from(idx, (j) => problem.equality![j]!) : null;
  let scale = 0;
  for (const j of idx) scale = Math.max(scale, Math.abs(h[j * n + j]!));
  let shift = 0;
  for (let attempt = 0; attempt < 60; attempt++) {
    const a = new Float64Array(m * m);
    for (let r = 0; r < m; r++) {
      for (let s = 0; s < m; s++) a[r * m + s] = h[idx[r]! * n + idx[s]!]!;
      a[r * m + r]! += shift;
    }
    if (!cholesky(a, m)) {
      shift = shift === 0 ? 1e-10 * (1 + scale) : shift * 10;
      continue;
    }
    const y1 = choleskySolve(a, m, gF);
    const d = y1.map((v) => -v);
    if (cF) {
      const y2 = choleskySolve(a, m, cF);
      let cy1 = 0;
      let cy2 = 0;
      for (let r = 0; r < m; r++) {
        cy1 += cF[r]! * y1[r]!;
        cy2 += cF[r]! * y2[r]!;
      }
      if (cy2 > 0) for (let r = 0; r < m; r++) d[r]! += (cy1 / cy2) * y2[r]!;
    }
    return d;
  }
  return null;
}

/** Free variables and the equality's multiplier: a variable at a bound is free only if the reduced gradient points inward. */
function freeSet(p: BoundedNewtonProblem, x: Float64Array, g: Float64Array) {
  const n = p.dimension;
  const c = p.equality;
  const atLower = (j: number) => x[j]! <= p.lower[j]!;
  const atUpper = (j: number) => x[j]! >= p.upper[j]!;
  const multiplier = (free: boolean[]) => {
    if (!c) return 0;
    let cg = 0;
    let cc = 0;
    for (let j = 0; j < n; j++) {
      if (!free[j]) continue;
      cg += c[j]! * g[j]!;
      cc += c[j]! * c[j]!;
    }
    return cc > 0 ? cg / cc : 0;
  };
  const free = Array.from({ length: n }, (_, j) => !atLower(j) && !atUpper(j));
  let lambda = multiplier(free);
  for (let j = 0; j < n; j++) {
    const r = g[j]! - lambda * (c?.[j] ?? 0);
    if ((atLower(j) && r < 0) || (atUpper(j) && r > 0)) free[j] = true;
  }
  lambda = multiplier(free);
  let maxProjected = 0;
  for (let j = 0; j < n; j++) {
    if (free[j]) maxProjected = Math.max(maxProjected, Math.abs(g[j]! - lambda * (c?.[j] ?? 0)));
  }
  return { free, maxProjected };
}

/** trial = x + alpha · direction on the free variables, landing exactly on the blocking bound when it is reached. */
function step(
  trial: Float64Array,
  x: Float64Array,
  idx: readonly number[],
  direction: Float64Array,
  alpha: number,
  alphaMax: number,
  blocking: number,
  problem: BoundedNewtonProblem,
): void {
  trial.set(x);
  idx.forEach((j, r) => {
    trial[j]! += alpha * direction[r]!;
  });
  if (alpha === alphaMax && blocking >= 0) {
    trial[blocking] =
      direction[idx.indexOf(blocking)]! > 0 ? problem.upper[blocking]! : problem.lower[blocking]!;
  }
  for (let j = 0; j < problem.dimension; j++) {
    trial[j] = Math.min(Math.max(trial[j]!, problem.lower[j]!), problem.upper[j]!);
  }
}

/** Minimises `problem.evaluate` from `x0` (inside the bounds, on the equality). */
export function minimiseBoundedNewton(
  problem: BoundedNewtonProblem,
  x0: Float64Array,
  options: BoundedNewtonOptions,
): BoundedNewtonResult {
  const n = problem.dimension;
  const x = Float64Array.from(x0);
  for (let j = 0; j < n; j++) x[j] = Math.min(Math.max(x[j]!, problem.lower[j]!), problem.upper[j]!);
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  const trial = new Float64Array(n);
  let value = problem.evaluate(x, g, h);
  let iterations = 0;
  let maxProjected = Number.POSITIVE_INFINITY;
  for (; iterations < options.maxIterations; iterations++) {
    const set = freeSet(problem, x, g);
    maxProjected = set.maxProjected;
    if (maxProjected < options.tolerance) break;
    let idx = set.free.flatMap((f, j) => (f ? [j] : []));
    let direction = newtonDirection(problem, h, g, idx);
    // A variable on a bound that the Newton step would push through it is held there too.
    for (let pass = 0; direction && pass < n; pass++) {
      const d = direction;
      const outward = idx.filter(
        (j, r) => (x[j]! <= problem.lower[j]! && d[r]! < 0) || (x[j]! >= problem.upper[j]! && d[r]! > 0),
      );
      if (outward.length === 0) break;
      idx = idx.filter((j) => !outward.includes(j));
      direction = newtonDirection(problem, h, g, idx);
    }
    if (!direction) break;
    const m = idx.length;
    const gF = Float64Array.from(idx, (j) => g[j]!);
    let slope = 0;
    for (let r = 0; r < m; r++) slope += gF[r]! * direction[r]!;
    if (!(slope < 0)) break; // no descent left in floating point
    // Longest step inside the box, and the variable that reaches its bound first.
    let alphaMax = Number.POSITIVE_INFINITY;
    let blocking = -1;
    for (let r = 0; r < m; r++) {
      const j = idx[r]!;
      const d = direction[r]!;
      const room =
        d > 0 ? (problem.upper[j]! - x[j]!) / d : d < 0 ? (problem.lower[j]! - x[j]!) / d : Infinity;
      if (room < alphaMax) {
        alphaMax = room;
        blocking = j;
      }
    }
    let alpha = Math.min(1, alphaMax);
    let next = value;
    let accepted = false;
    if (-slope < 1e-10 * (1 + Math.abs(value))) {
      // The predicted decrease is below what the objective's rounding can show, so a line search
      // on it would judge noise. Near the optimum Newton's full step shrinks the gradient instead:
      // take it when it does, and stop when it does not.
      const gTrial = new Float64Array(n);
      step(trial, x, idx, direction, alpha, alphaMax, blocking, problem);
      next = problem.evaluate(trial, gTrial, null);
      if (freeSet(problem, trial, gTrial).maxProjected >= maxProjected) break;
      x.set(trial);
      value = problem.evaluate(x, g, h);
      continue;
    }
    for (let halvings = 0; halvings < 60; halvings++) {
      step(trial, x, idx, direction, alpha, alphaMax, blocking, problem);
      next = problem.evaluate(trial, null, null);
      if (next <= value + 1e-4 * alpha * slope) {
        accepted = true;
        break;
      }
      alpha /= 2;
    }
    if (!accepted) break; // the step is below floating-point resolution: as close as it gets
    x.set(trial);
    value = problem.evaluate(x, g, h);
  }
  if (iterations === options.maxIterations) maxProjected = freeSet(problem, x, g).maxProjected;
  return {
    x,
    value,
    iterations,
    maxProjectedGradient: maxProjected,
    converged: maxProjected < options.tolerance,
  };
}
