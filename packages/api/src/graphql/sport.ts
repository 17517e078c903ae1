// Sport: one per loaded sport plugin (edgeline.plugins.json), with the markets it is bet on.
import { builder } from "./builder.ts";
import type { SportInfo } from "./sport-catalog.ts";

const MarketType = builder.enumType("MarketType", {
  values: { MONEYLINE: { value: "moneyline" }, SPREAD: { value: "spread" }, TOTAL: { value: "total" } },
});

export const EntityKind = builder.enumType("EntityKind", {
  description: "Whether a sport's games are between teams or between players (tennis).",
  values: { TEAM: { value: "team" }, PLAYER: { value: "player" } },
});

const Market = builder.objectRef<SportInfo["markets"][number]>("Market").implement({
  description: "A market a sport offers. A sport with draws offers a 3-way moneyline.",
  fields: (t) => ({
    type: t.field({ type: MarketType, resolve: (m) => m.type }),
    ways: t.exposeInt("ways", { description: "2 (home/away) or 3 (home/draw/away)." }),
  }),
});

export const Sport = builder.objectRef<SportInfo>("Sport").implement({
  description: "A sport provided by a loaded plugin.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Upper-case code, the prefix of game ids ("NHL").' }),
    name: t.exposeString("name"),
    entityKind: t.field({ type: EntityKind, resolve: (s) => s.entityKind }),
    timeZone: t.exposeString("timeZone", {
      description: "IANA zone of the league calendar; game dates are days in it.",
    }),
    eloPreset: t.exposeString("eloPreset", { description: "The Elo parameter preset the model uses." }),
    markets: t.field({ type: [Market], resolve: (s) => [...s.markets] }),
  }),
});

builder.queryFields((t) => ({
  sports: t.field({
    type: [Sport],
    description: "Every sport the loaded plugins provide, in the order they are listed.",
    resolve: (_root, _args, ctx) => ctx.sports.list(),
  }),
}));
