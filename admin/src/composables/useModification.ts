import {
  type AdministrateurValeurs,
  type BeneficiaireValeurs,
  CHAMPS_ADMINISTRATEUR,
  CHAMPS_BENEFICIAIRE,
  CHAMPS_COORDONNEES,
  CHAMPS_INFORMATIONS_MODIFIABLES,
  type CoordonneesValeurs,
  type InformationsValeurs,
  type TypePiece,
} from "@segur/shared";
import type { AnyVariables, Client, TypedDocumentNode } from "@urql/core";
import { computed, inject, type InjectionKey, ref, shallowRef } from "vue";
import type { Bloc } from "~/gql/graphql";
import { client as clientApp } from "~/modules/urql";
import { type Apercu, apercuDepuisDemande, type Demande, ordonnerApercu } from "~/lib/brouillon";
import { BROUILLON_QUERY, DEMANDE_QUERY } from "~/graphql/brouillon";
import {
  ADMINISTRATEUR_AJOUTER,
  ADMINISTRATEUR_MODIFIER,
  ADMINISTRATEUR_SUPPRIMER,
  BENEFICIAIRE_AJOUTER,
  BENEFICIAIRE_MODIFIER,
  BENEFICIAIRE_SUPPRIMER,
  BROUILLON_ABANDONNER,
  BROUILLON_CONFIRMER,
  BROUILLON_REBASER,
  COORDONNEES_MODIFIER,
  INFORMATIONS_MODIFIER,
  OPERATION_ANNULER,
  PIECE_AJOUTER,
  PIECE_SUPPRIMER,
} from "~/graphql/modification";
import {
  type Echec,
  echecDepuis,
  echecReseau,
  type Issue,
  lireResultat,
  type ResultatUnion,
  type Succes,
} from "~/lib/resultat";

export type ModificationClient = Pick<Client, "query" | "mutation">;

export interface Dependances {
  client?: () => ModificationClient;
}

export type EtatChargement = "chargement" | "pret" | "introuvable" | "erreur";

const CHAMPS_ADMINISTRATEUR_SERVEUR = [...CHAMPS_ADMINISTRATEUR];
const CHAMPS_BENEFICIAIRE_SERVEUR = [...CHAMPS_BENEFICIAIRE];
const CHAMPS_COORDONNEES_SERVEUR = [...CHAMPS_COORDONNEES];
const CHAMPS_PIECE_SERVEUR = ["fichier", "type"];
const CHAMPS_INFORMATIONS_SERVEUR = [...CHAMPS_INFORMATIONS_MODIFIABLES];

/**
 * State of the modification screen for one demande: the saved demande, my draft (server-side)
 * and every staging operation. Each operation answers an Issue (the new draft, or why not)
 * and never drops the draft on failure.
 */
export function createModification(numero: string, deps: Dependances = {}) {
  const getClient = deps.client ?? (() => clientApp.value);
  const demande = shallowRef<Demande | null>(null);
  const brouillon = shallowRef<Apercu | null>(null);
  const etat = ref<EtatChargement>("chargement");
  /** Draft found when the page opened (« Vous avez 2 modifications non confirmées… »). */
  const brouillonRepris = shallowRef<{ nombre: number; creeLe: string } | null>(null);
  const occupe = ref(false);

  /** What the tables show: my draft's preview, or the saved demande when I have no draft. */
  const apercu = computed<Apercu | null>(() => {
    const d = demande.value;
    if (!d) return brouillon.value;
    return brouillon.value ? ordonnerApercu(brouillon.value, d) : apercuDepuisDemande(d);
  });
  const nombreModifications = computed(() => brouillon.value?.nombreModifications ?? 0);
  const modifiable = computed(() => demande.value?.droits.modifier === true);

  async function chargerDemande(): Promise<boolean> {
    const r = await getClient().query(DEMANDE_QUERY, { numero }, { requestPolicy: "network-only" }).toPromise();
    if (r.data === undefined) {
      etat.value = "erreur";
      return false;
    }
    if (!r.data.demande) {
      etat.value = "introuvable";
      return false;
    }
    demande.value = r.data.demande;
    return true;
  }

  async function chargerBrouillon(): Promise<void> {
    if (!modifiable.value) {
      brouillon.value = null;
      return;
    }
    const r = await getClient().query(BROUILLON_QUERY, { numero }, { requestPolicy: "network-only" }).toPromise();
    brouillon.value = r.data?.brouillon ?? null;
  }

  async function charger(): Promise<void> {
    etat.value = "chargement";
    try {
      if (!(await chargerDemande())) return;
      await chargerBrouillon();
      const b = brouillon.value;
      brouillonRepris.value =
        b && b.nombreModifications > 0 ? { nombre: b.nombreModifications, creeLe: b.creeLe } : null;
      etat.value = "pret";
    } catch {
      etat.value = "erreur";
    }
  }

  /** Runs one mutation whose result union is aliased `resultat`; a draft in the answer replaces mine. */
  async function executer<R extends ResultatUnion & { brouillon?: Apercu }, V extends AnyVariables>(
    document: TypedDocumentNode<{ resultat: R }, V>,
    variables: V,
    champs: readonly string[],
  ): Promise<Issue<Succes<R>>> {
    occupe.value = true;
    try {
      const r = await getClient().mutation(document, variables).toPromise();
      const issue = lireResultat(r.data?.resultat, r.error, champs);
      if (issue.ok && issue.valeur.brouillon) brouillon.value = issue.valeur.brouillon;
      return issue;
    } catch {
      return echecReseau();
    } finally {
      occupe.value = false;
    }
  }

  const versApercu = (i: Issue<unknown>): Issue<Apercu> => (i.ok ? { ok: true, valeur: brouillon.value! } : i);

  // ---- administrateurs techniques -------------------------------------------------------------
  const ajouterAdministrateur = async (valeurs: AdministrateurValeurs) =>
    versApercu(await executer(ADMINISTRATEUR_AJOUTER, { input: { numero, valeurs } }, CHAMPS_ADMINISTRATEUR_SERVEUR));

  const modifierAdministrateur = async (
    finessJuridique: string,
    { finessJuridique: _identite, ...valeurs }: AdministrateurValeurs,
  ) =>
    versApercu(
      await executer(
        ADMINISTRATEUR_MODIFIER,
        { input: { numero, finessJuridique, valeurs } },
        CHAMPS_ADMINISTRATEUR_SERVEUR,
      ),
    );

  const supprimerAdministrateur = async (finessJuridique: string) =>
    versApercu(await executer(ADMINISTRATEUR_SUPPRIMER, { input: { numero, finessJuridique } }, []));

  // ---- other blocks ---------------------------------------------------------------------------
  const modifierCoordonnees = async (valeurs: CoordonneesValeurs) =>
    versApercu(await executer(COORDONNEES_MODIFIER, { input: { numero, valeurs } }, CHAMPS_COORDONNEES_SERVEUR));

  /** Only the fields given change (the contact email, or the scénario). */
  const modifierInformations = async (valeurs: Partial<InformationsValeurs>) =>
    versApercu(await executer(INFORMATIONS_MODIFIER, { input: { numero, valeurs } }, CHAMPS_INFORMATIONS_SERVEUR));

  const ajouterBeneficiaire = async (valeurs: BeneficiaireValeurs) =>
    versApercu(await executer(BENEFICIAIRE_AJOUTER, { input: { numero, valeurs } }, CHAMPS_BENEFICIAIRE_SERVEUR));

  const modifierBeneficiaire = async (cle: string, valeurs: BeneficiaireValeurs) =>
    versApercu(await executer(BENEFICIAIRE_MODIFIER, { input: { numero, cle, valeurs } }, CHAMPS_BENEFICIAIRE_SERVEUR));

  const supprimerBeneficiaire = async (cle: string) =>
    versApercu(await executer(BENEFICIAIRE_SUPPRIMER, { input: { numero, cle } }, []));

  const supprimerPiece = async (cle: string) =>
    versApercu(await executer(PIECE_SUPPRIMER, { input: { numero, cle } }, []));

  /** The file goes as a GraphQL multipart request: urql's fetchExchange builds it from the File in the variables. */
  const ajouterPiece = async (type: TypePiece, fichier: File) =>
    versApercu(await executer(PIECE_AJOUTER, { input: { numero, type, fichier } }, CHAMPS_PIECE_SERVEUR));

  /** « Annuler » of one row: it is back as saved. */
  const annulerOperation = async (bloc: Bloc, cle: string) =>
    versApercu(await executer(OPERATION_ANNULER, { input: { numero, bloc, cle } }, []));

  // ---- the whole draft ------------------------------------------------------------------------
  /** After a conflict: my changes on the latest version; `retirees` no longer applied and were dropped. */
  async function rebaser(): Promise<Issue<{ retirees: number; version: number }>> {
    const avant = nombreModifications.value;
    const i = await executer(BROUILLON_REBASER, { input: { numero } }, []);
    if (!i.ok) return i;
    await chargerDemande();
    const b = brouillon.value!;
    return { ok: true, valeur: { retirees: Math.max(0, avant - b.nombreModifications), version: b.versionBase } };
  }

  async function abandonner(): Promise<Issue<true>> {
    const i = await executer(BROUILLON_ABANDONNER, { input: { numero } }, []);
    if (!i.ok) return i;
    brouillon.value = null;
    brouillonRepris.value = null;
    return { ok: true, valeur: true };
  }

  /** Confirms every staged change at once; on failure the draft stays as it was. */
  async function confirmer(commentaire: string | null): Promise<Issue<{ version: number }>> {
    const b = brouillon.value;
    if (!b)
      return echecDepuis({
        __typename: "ErreurEtat",
        code: "BROUILLON_VIDE",
        message: "Aucune modification à confirmer.",
      });
    const i = await executer(BROUILLON_CONFIRMER, { input: { numero, versionBase: b.versionBase, commentaire } }, [
      "commentaire",
    ]);
    if (!i.ok) {
      // A conflict means the saved demande moved: show the draft's fresh state (aJour = false).
      if (i.type === "CONFLIT") await chargerBrouillon().catch(() => {});
      return i;
    }
    const { confirmation } = i.valeur;
    brouillon.value = null;
    brouillonRepris.value = null;
    await chargerDemande().catch(() => false);
    return { ok: true, valeur: { version: confirmation.version.numero } };
  }

  return {
    // Read-only views (computed) so that only this composable changes its state.
    demande: computed(() => demande.value),
    brouillon: computed(() => brouillon.value),
    brouillonRepris: computed(() => brouillonRepris.value),
    etat: computed(() => etat.value),
    occupe: computed(() => occupe.value),
    apercu,
    nombreModifications,
    modifiable,
    charger,
    ajouterAdministrateur,
    modifierAdministrateur,
    supprimerAdministrateur,
    modifierCoordonnees,
    modifierInformations,
    ajouterBeneficiaire,
    modifierBeneficiaire,
    supprimerBeneficiaire,
    ajouterPiece,
    supprimerPiece,
    annulerOperation,
    rebaser,
    abandonner,
    confirmer,
  };
}

export type Modification = ReturnType<typeof createModification>;
export type { Echec };

/** What the page shares with its blocks: the state and actions, and the aria-live announcer. */
export interface ContexteModification {
  modification: Modification;
  /** Says something in the page's aria-live region (« Ligne 330058066 supprimée… »). */
  annoncer: (message: string) => void;
}

export const CLE_CONTEXTE_MODIFICATION: InjectionKey<ContexteModification> = Symbol("contexte-modification");

export function useContexteModification(): ContexteModification {
  const contexte = inject(CLE_CONTEXTE_MODIFICATION);
  if (!contexte) throw new Error("useContexteModification() hors de la page de modification");
  return contexte;
}
