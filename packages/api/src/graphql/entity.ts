// Entity: a team, or a player in individual sports (tennis): what a game is between and what an
// Elo rating rates. Identified by sport and entity id; its kind comes from the sport's plugin.
import { builder } from "./builder.ts";
import { EloRatingRef } from "./elo-rating.ts";
import { EntityKind } from "./sport.ts";

export interface EntityRef {
  sport: string;
  entityId: string;
  name: string | null;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

export const Entity = builder.objectRef<EntityRef>("Entity").implement({
  description: "A team, or a player in individual sports (tennis).",
  fields: (t) => ({
    id: t.exposeString("entityId", { description: 'Upper-case entity id within its sport ("BOS").' }),
    sport: t.exposeString("sport"),
    name: t.exposeString("name", { nullable: true }),
    kind: t.field({
      type: EntityKind,
      nullable: true,
      description: "TEAM or PLAYER, from the sport's plugin; null when no loaded plugin provides the sport.",
      resolve: (e, _args, ctx) => ctx.sports.get(e.sport)?.entityKind ?? null,
    }),
    rating: t.field({
      type: EloRatingRef,
      nullable: true,
      description: "The rating in force on `asOf` (default: today, UTC).",
      args: { asOf: t.arg({ type: "Date", required: false }) },
      resolve: async (e, args, ctx) =>
        (await ctx.loaders.ratingOn.load({
          sport: e.sport,
          entityId: e.entityId,
          day: args.asOf ?? todayUtc(),
        })) ?? null,
    }),
  }),
});

builder.prismaObjectField(EloRatingRef, "entity", (t) =>
  t.field({
    type: Entity,
    resolve: (r) => ({ sport: r.sport, entityId: r.entityId, name: r.entityName }),
  }),
);
