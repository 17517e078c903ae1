// NotificationDelivery: the delivery log, one event to one sink (notification_deliveries) with the
// event it carries. Read only: deliveries are made by the worker's notify_deliver jobs.
import { builder } from "./builder.ts";
import { connectionNames, pagedRows } from "./pagination.ts";

const DeliveryStatus = builder.enumType("NotificationDeliveryStatus", {
  values: {
    PENDING: { value: "pending", description: "Not delivered yet; a retry is scheduled." },
    DELIVERED: { value: "delivered", description: "The sink answered 2xx." },
    FAILED: { value: "failed", description: "Out of attempts." },
  } as const,
});

builder.prismaObject("NotificationEvent", {
  description:
    "An event Edgeline raised (the outbox): a recommendation over the edge, a bet placed or settled...",
  fields: (t) => ({
    id: t.exposeID("eventId", { description: "Stable id: the same in every delivery of the event." }),
    type: t.exposeString("eventType"),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => e.occurredAt }),
    payload: t.string({ description: "The event's data (JSON).", resolve: (e) => JSON.stringify(e.payload) }),
  }),
});

builder.prismaObject("NotificationDelivery", {
  description: "One event sent to one configured sink, with its attempts and the last answer.",
  fields: (t) => ({
    id: t.id({ resolve: (d) => d.deliveryId.toString() }),
    event: t.relation("event"),
    sink: t.exposeString("sink"),
    status: t.field({ type: DeliveryStatus, resolve: (d) => d.status as "pending" | "delivered" | "failed" }),
    attempts: t.exposeInt("attempts"),
    lastStatus: t.exposeString("lastStatus", {
      nullable: true,
      description: "The last attempt's HTTP status, or timeout, network, no_sink.",
    }),
    lastError: t.exposeString("lastError", { nullable: true }),
    createdAt: t.field({ type: "DateTime", resolve: (d) => d.createdAt }),
    updatedAt: t.field({ type: "DateTime", resolve: (d) => d.updatedAt }),
    deliveredAt: t.field({ type: "DateTime", nullable: true, resolve: (d) => d.deliveredAt }),
  }),
});

builder.queryFields((t) => ({
  notificationDeliveries: t.prismaConnection(
    {
      type: "NotificationDelivery",
      cursor: "deliveryId",
      description: "The notification delivery log, newest first.",
      args: {
        sink: t.arg.string({ required: false }),
        status: t.arg({ type: DeliveryStatus, required: false }),
      },
      ...pagedRows((ctx) => ctx.prisma.notificationDelivery, deliveryFilter, [{ deliveryId: "desc" }]),
    },
    ...connectionNames("NotificationDelivery"),
  ),
}));

function deliveryFilter(args: { sink?: string | null; status?: string | null }) {
  return { ...(args.sink ? { sink: args.sink } : {}), ...(args.status ? { status: args.status } : {}) };
}
