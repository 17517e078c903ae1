/**
 * Goals: the Dixon-Coles model for low-scoring sports (soccer, hockey), as penaltyblog
 * parametrises it, fitted by exact maximum likelihood (Newton with the full Hessian, bounds and
 * Σ attack = teams) with time-decay weights; the score matrix and every market priced from it
 * (home/draw/away, totals over/under any line, handicaps with pushes and quarter lines); and a
 * walk-forward that prices each day from games strictly before it; for hockey, the two-way
 * moneyline of a regulation matrix with overtime and the shootout modelled apart, and the last
 * minutes' late goals (a pulled goalie's empty-net goals and equalisers). Pure.
 */
export * from "./bounded-newton.ts";
export * from "./dixon-coles.ts";
export * from "./fit.ts";
export * from "./late-goals.ts";
export * from "./overtime.ts";
export * from "./score-matrix.ts";
export * from "./walk-forward.ts";
