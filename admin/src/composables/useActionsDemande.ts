import type { BlocValidable, StatutDemande } from "@segur/shared";
import { useMutation } from "@urql/vue";
import { inject, type InjectionKey } from "vue";
import {
  BLOC_DEVERROUILLER_MUTATION,
  BLOC_VALIDER_MUTATION,
  DEMANDE_CHANGER_STATUT_MUTATION,
  LIGNE_REJETER_MUTATION,
  LIGNE_VALIDER_MUTATION,
} from "~/graphql/actions";
import type { IssueAction, IssueValidationBloc } from "~/lib/actions";
import { type Echec, lireResultat } from "~/lib/resultat";

/*
 * The gestionnaire's mutations on a demande. Each answers a union: `…Succes { demande }`
 * or an `Erreur` (code, message, path; ErreurValidation adds problemes). The answer carries
 * the demande's `numero` only: the screen re-reads the demande itself (network-only).
 */

/** The mutations bound to the app's client, each answer read by lireResultat. */
export function useActionsDemande() {
  const ligneValider = useMutation(LIGNE_VALIDER_MUTATION);
  const ligneRejeter = useMutation(LIGNE_REJETER_MUTATION);
  const blocValider = useMutation(BLOC_VALIDER_MUTATION);
  const blocDeverrouiller = useMutation(BLOC_DEVERROUILLER_MUTATION);
  const changerStatut = useMutation(DEMANDE_CHANGER_STATUT_MUTATION);

  return {
    async validerLigne(numero: string, bloc: BlocValidable, cle: string): Promise<IssueAction> {
      const r = await ligneValider.executeMutation({ input: { numero, bloc, cle } });
      return lireResultat(r.data?.ligneValider, r.error);
    },
    async rejeterLigne(numero: string, bloc: BlocValidable, cle: string, motif: string): Promise<IssueAction> {
      const r = await ligneRejeter.executeMutation({ input: { numero, bloc, cle, motif } });
      return lireResultat(r.data?.ligneRejeter, r.error);
    },
    /** `inclureRejetees`: also validate the rejected rows (the gestionnaire said so). */
    async validerBloc(numero: string, bloc: BlocValidable, inclureRejetees: boolean): Promise<IssueValidationBloc> {
      const r = await blocValider.executeMutation({ input: { numero, bloc, inclureRejetees } });
      return lireResultat(r.data?.blocValider, r.error);
    },
    async deverrouillerBloc(numero: string, bloc: BlocValidable, motif: string): Promise<IssueAction> {
      const r = await blocDeverrouiller.executeMutation({ input: { numero, bloc, motif } });
      return lireResultat(r.data?.blocDeverrouiller, r.error);
    },
    async changerStatut(numero: string, statut: StatutDemande, message: string | null): Promise<IssueAction> {
      const r = await changerStatut.executeMutation({ input: { numero, statut, message } });
      return lireResultat(r.data?.demandeChangerStatut, r.error);
    },
  };
}

export type ActionsDemande = ReturnType<typeof useActionsDemande>;

// ——— shared by the action buttons of one screen (provided by components/actions/ZoneActions.vue)

export interface DemandeMotif {
  titre: string;
  description: string;
  libelleConfirmer: string;
  executer: (motif: string) => Promise<IssueAction>;
}

/** An action that asks to be confirmed first, with a warning (my pending draft changes that row or block). */
export interface DemandeConfirmation {
  titre: string;
  description: string;
  avertissement: string;
  libelleConfirmer: string;
  /** Announced once it is done. */
  messageReussite: string;
  executer: () => Promise<IssueAction>;
}

export interface ContexteActions {
  numero: string;
  actions: ActionsDemande;
  /** After a success: re-read the demande and announce `message`. */
  reussi: (message: string) => void;
  /** A refused action without a modal (row or block validation): the server's message and code. */
  echoue: (refus: Pick<Echec, "message" | "code">) => void;
  /** Opens the screen's single « motif » modal. */
  demanderMotif: (demande: DemandeMotif) => void;
  /** Opens the screen's single confirmation modal. */
  demanderConfirmation: (demande: DemandeConfirmation) => void;
  /** Keys of the rows my own pending draft adds, changes or deletes in this block (empty without a draft). */
  lignesBrouillon: (bloc: string) => ReadonlySet<string>;
  ouvrirStatut: () => void;
}

export const CLE_ACTIONS: InjectionKey<ContexteActions> = Symbol("actions-demande");

export function useContexteActions(): ContexteActions {
  const contexte = inject(CLE_ACTIONS);
  if (!contexte) throw new Error("Les boutons d’action doivent être placés dans <ZoneActions>.");
  return contexte;
}
