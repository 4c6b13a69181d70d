import { builder } from "../builder.js";

export const CourrielRef = builder.prismaObject("Courriel", {
  fields: (t) => ({
    destinataire: t.exposeString("destinataire"),
    sujet: t.exposeString("sujet"),
    corps: t.exposeString("corps"),
    envoyeLe: t.expose("envoyeLe", { type: "DateTime" }),
    transport: t.exposeString("transport"),
  }),
});
