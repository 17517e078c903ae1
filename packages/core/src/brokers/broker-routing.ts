// Venue routing: a recommendation is executed at the venue whose price it was made on. The
// registry names the venue of a bookmaker (Kalshi's prices: the kalshi venue; any other book: the
// manual venue). On paper (the default) every venue is simulated by the paper broker and keeps
// its name; live (EDGELINE_LIVE_TRADING=1) a venue's own broker takes its orders, and a venue
// without one (a book) gets the manual broker: a person places the bet.
import type { Broker } from "@edgeline/sdk";
import type { PluginRegistry } from "../plugins/registry.ts";
import type { TradingMode } from "../repositories/placed-bets.ts";
import { ManualBroker } from "./manual-broker.ts";
import type { GameLookup } from "./paper-broker.ts";

/** Where one order goes. */
export interface Route {
  /** The venue plugin's name ("kalshi", "manual"). */
  venue: string;
  mode: TradingMode;
  broker: Broker;
}

type VenueLookup = Pick<PluginRegistry, "venueFor" | "venues">;

export class BrokerRouter {
  private readonly manual: ManualBroker;

  constructor(
    private readonly plugins: VenueLookup,
    readonly paper: Broker,
    private readonly games: GameLookup,
    /** Live brokers by venue name; null on paper. */
    private readonly live: ReadonlyMap<string, Broker> | null = null,
  ) {
    this.manual = new ManualBroker(paper, games);
  }

  /** The same venues, every one on paper (a replayed past day never sends a live order). */
  onPaper(): BrokerRouter {
    return this.live ? new BrokerRouter(this.plugins, this.paper, this.games) : this;
  }

  get mode(): TradingMode {
    return this.live ? "live" : "paper";
  }

  private venueOf(bookmaker: string | null): string {
    return (bookmaker && this.plugins.venueFor(bookmaker)?.plugin.name) || "manual";
  }

  /** The venue, mode and broker of an order on `bookmaker`'s price. */
  route(bookmaker: string | null): Route {
    const venue = this.venueOf(bookmaker);
    if (!this.live) return { venue, mode: "paper", broker: this.paper };
    return { venue, mode: "live", broker: this.live.get(venue) ?? this.manual };
  }

  /** The broker that syncs a bet: the one that placed it (a paper bet stays paper after going live). */
  brokerOf(bet: { tradingMode?: TradingMode; venue?: string | null; bookmaker: string }): Broker {
    if (bet.tradingMode !== "live") return this.paper;
    return this.live?.get(bet.venue ?? this.venueOf(bet.bookmaker)) ?? this.manual;
  }

  /** Every broker in use, each once (paper and manual included), for syncs and balances. */
  brokers(): Broker[] {
    return [this.paper, this.manual, ...(this.live?.values() ?? [])];
  }

  /** Live brokers by venue. */
  liveBrokers(): ReadonlyMap<string, Broker> {
    return this.live ?? new Map();
  }

  /** One plain line for the start-up log: live (which venues, production or demo) or paper. */
  describe(): string {
    const venues = this.plugins.venues().map((v) => v.plugin.name);
    if (!this.live)
      return `trading on PAPER: every venue simulated (${venues.join(", ")}); no order leaves Edgeline (EDGELINE_LIVE_TRADING=1 to trade live)`;
    const parts = venues.map((name) => {
      const broker = this.live!.get(name);
      return broker
        ? `${name} LIVE over its API (${endpointOf(broker)})`
        : `${name}: bets await a person (manual)`;
    });
    return `trading LIVE: ${parts.join("; ")}`;
  }
}

/** "demo at https://…" of a live broker (production when it does not say). */
function endpointOf(broker: Broker): string {
  const e = broker.endpoint;
  return e ? `${e.environment} at ${e.baseUrl}` : "production";
}

/**
 * The router of this process. Live, every venue with a broker gets it from its plugin
 * (`createBroker`, which validates its credentials); one that cannot be built stops start-up,
 * naming the venue, rather than silently trading it on paper.
 */
export function createBrokerRouter(
  plugins: PluginRegistry,
  paper: Broker,
  games: GameLookup,
  opts: { live: boolean },
): BrokerRouter {
  if (!opts.live) return new BrokerRouter(plugins, paper, games);
  const live = new Map<string, Broker>();
  for (const v of plugins.venues()) {
    if (!v.plugin.createBroker) continue;
    try {
      live.set(v.plugin.name, v.plugin.createBroker(v.context));
    } catch (error) {
      throw new Error(
        `EDGELINE_LIVE_TRADING=1 but venue ${v.plugin.name} cannot trade: ${(error as Error).message}`,
      );
    }
  }
  return new BrokerRouter(plugins, paper, games, live);
}
