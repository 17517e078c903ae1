// Brokers: where orders go. The paper broker simulates any venue by its rules; live venues bring
// their own (the Broker contract is the SDK's); the manual broker queues book bets for a person;
// the router picks one per order by the venue whose price it was.
export * from "./bet-status.ts";
export * from "./broker-routing.ts";
export * from "./manual-broker.ts";
export * from "./paper-broker.ts";
