/**
 * Market-aware probabilities: the model pooled with the de-vigged consensus in log-odds (the
 * logarithmic opinion pool, p ∝ model^w · market^(1−w), for two- and three-way markets), the raw
 * model kept beside it, and the weight fitted by maximum likelihood on past games, walk-forward
 * per sport and market. Pure.
 */
export * from "./blend.ts";
export * from "./fit-weight.ts";
export * from "./line-blend.ts";
