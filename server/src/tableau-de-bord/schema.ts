import { builder } from "../builder.js";
import { tableauDeBord } from "./service.js";
import { TableauDeBordRef } from "./types.js";

builder.queryField("tableauDeBord", (t) =>
  t.field({
    type: TableauDeBordRef,
    description: "Tableau de bord : demandes par statut, couloir et ancienneté, montants, certificats (agents).",
    authScopes: { agent: true },
    resolve: (_r, _a, ctx) => tableauDeBord(ctx.prisma),
  }),
);
