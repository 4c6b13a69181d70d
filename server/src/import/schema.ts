import { builder } from "../builder.js";
import { ErreurAutorisation, ErreurValidation } from "../commun/erreurs.js";
import type { Probleme } from "@segur/shared";
import { ProblemeRef } from "../commun/types.js";
import { DemandeRef } from "../demande/types.js";
import { auteurDe } from "../historique/service.js";
import { importerDocument } from "./service.js";
import { chercherParLots } from "../commun/lots.js";

const ImportInput = builder.inputType("DemandesImporterInput", {
  fields: (t) => ({
    document: t.field({
      type: "JSON",
      required: true,
      description: "Le document d'import (voir docs/import-format.md) : { demandes: [...] } ou une demande seule.",
    }),
  }),
});

const ResultatImportRef = builder.objectRef<{ ids: number[]; avertissements: Probleme[] }>("ResultatImport").implement({
  fields: (t) => ({
    demandes: t.prismaField({
      type: [DemandeRef],
      // A file may hold thousands of demandes: slices keep every query (and its includes) under SQLite's parameter limit.
      resolve: (query, r, _a, ctx) =>
        chercherParLots(
          r.ids,
          (lot) => ctx.prisma.demande.findMany({ ...query, where: { id: { in: lot } }, orderBy: { id: "asc" } }),
          100,
        ),
    }),
    avertissements: t.field({
      type: [ProblemeRef],
      description: "Avertissements non bloquants (clé FINESS, téléphone…).",
      resolve: (r) => r.avertissements,
    }),
  }),
});

builder.mutationField("demandesImporter", (t) =>
  t.field({
    type: ResultatImportRef,
    description:
      "Importe un fichier de demandes. Tout le fichier est vérifié d'abord : la moindre erreur le refuse en entier (ErreurValidation listant chaque problème avec son chemin JSON) et rien n'est écrit.",
    authScopes: { fournisseurEcriture: true, gestionnaire: true },
    errors: { types: [ErreurValidation, ErreurAutorisation], dataField: { name: "resultat" } },
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const a = ctx.acteur!;
      const { demandes, avertissements } = await importerDocument(ctx.prisma, ctx.config, input.document, {
        auteur: auteurDe(a),
        numeroEditeur: a.role === "FOURNISSEUR" ? a.numeroEditeur : null,
      });
      return { ids: demandes.map((d) => d.id), avertissements };
    },
  }),
);
