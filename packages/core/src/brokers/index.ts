// Brokers: where orders go. The paper broker simulates any venue by its rules; live venues bring
// their own (the Broker contract is the SDK's).
export * from "./paper-broker.ts";
