import type { Prisma } from "@segur/prisma";
import { BLOCS_VALIDABLES, type BlocValidable, type EtatValidation } from "@segur/shared";
import { selectionLot } from "../transmission/service.js";

/*
 * The work queue's filters (« À traiter »), each a where on Demande that the list, its count, the
 * CSV export and the `aTraiter` counts share; commun/where-sql.ts translates every form used here.
 * Rows are the validatable blocks' rows: bank row, bénéficiaires, certificate requests, pièces.
 */

/** Condition on a block's rows, by block (certificate rows: the requests only, as the consultation counts them). */
const LIGNES: Record<
  BlocValidable,
  (w: { validation: EtatValidation | { not: EtatValidation } } | null) => Prisma.DemandeWhereInput
> = {
  COORDONNEES_BANCAIRES: (w) => ({ coordonneesBancaires: { is: w } }),
  BENEFICIAIRES: (w) => ({ beneficiaires: w ? { some: w } : { none: {} } }),
  ADMINISTRATEURS: (w) => ({
    administrateurs: w
      ? { some: { ...w, demandeCertificatServeur: true } }
      : { none: { demandeCertificatServeur: true } },
  }),
  PIECES: (w) => ({ pieces: w ? { some: w } : { none: {} } }),
};

/** At least one row of a validatable block in this state. */
const uneLigne = (validation: EtatValidation): Prisma.DemandeWhereInput => ({
  OR: BLOCS_VALIDABLES.map((b) => LIGNES[b]({ validation })),
});

/** The where, or its negation for `false`. */
const ouNon = (oui: boolean, w: Prisma.DemandeWhereInput): Prisma.DemandeWhereInput => (oui ? w : { NOT: w });

/**
 * « Modifiée par le fournisseur, à revalider »: a row is À valider and the supplier confirmed a
 * change (a version after the imported one, by a FOURNISSEUR). A confirmed change resets its rows
 * to À valider (brouillon/application.ts), so the demande stays here until every row is validated again.
 */
export const filtreARevalider = (oui: boolean) =>
  ouNon(oui, { AND: [uneLigne("A_VALIDER"), { versions: { some: { role: "FOURNISSEUR", numero: { gt: 1 } } } }] });

/** « Lignes rejetées »: a row rejected, awaiting the supplier's correction. */
export const filtreLignesRejetees = (oui: boolean) => ouNon(oui, uneLigne("REJETEE"));

/**
 * « Prête à décider »: not Décidée and every block with rows validated and locked — the rule a
 * change to Décidée checks (validation/service.ts blocValide, statut/service.ts).
 */
export const filtrePreteADecider = (oui: boolean) =>
  ouNon(oui, {
    AND: [
      { statut: { not: "DECIDEE" } },
      ...BLOCS_VALIDABLES.map((b): Prisma.DemandeWhereInput => ({
        OR: [
          b === "COORDONNEES_BANCAIRES" ? { coordonneesBancaires: { is: null } } : LIGNES[b](null),
          {
            AND: [
              b === "COORDONNEES_BANCAIRES"
                ? { coordonneesBancaires: { is: { validation: "VALIDEE" } } }
                : { NOT: LIGNES[b]({ validation: { not: "VALIDEE" } }) },
              { blocs: { some: { bloc: b, verrouille: true } } },
            ],
          },
        ],
      })),
    ],
  });

/** « À transmettre »: a certificate request validated and never sent, the next ordinary batch's (transmission/service.ts). */
export const filtreATransmettre = (oui: boolean) =>
  ouNon(oui, { administrateurs: { some: selectionLot("ORDINAIRE") } });

/** « Courriel en échec »: an automatic email given up after its attempts (Courriel état ECHEC). */
export const filtreCourrielEnEchec = (oui: boolean) => ouNon(oui, { courriels: { some: { etat: "ECHEC" } } });
