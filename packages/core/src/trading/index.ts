// Decisions a person takes on bets (confirm, cancel, record by hand), under the sport's lock.
export * from "./manual-bets.ts";
