// The manual venue: every sportsbook without an API (BetMGM, DraftKings, FanDuel, Caesars...). A
// person places the bet at the book; Edgeline sizes it as a fee-free book takes it (cents, ties
// void) and records what was obtained. It claims every bookmaker no other venue claims. Bundled,
// and written against the public contract exactly as a third party would.
import { CORE_VERSION, defineVenue, SPORTSBOOK_RULES } from "@edgeline/sdk";

export const manualVenue = defineVenue({
  name: "manual",
  displayName: "Sportsbooks (placed by hand)",
  coreVersion: `^${CORE_VERSION}`,
  bookmakers: "*",
  rules: SPORTSBOOK_RULES,
});

export default manualVenue;
