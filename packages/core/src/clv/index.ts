// Closing-line value of a bet (pure): against its own book's close and the de-vigged consensus.
export * from "./closing-line.ts";
