// Decisions a person takes: on bets (confirm, cancel, record by hand, under the sport's lock) and
// on trading as a whole (the kill switch, with its event).
export * from "./manual-bets.ts";
export * from "./trading-switch.ts";
