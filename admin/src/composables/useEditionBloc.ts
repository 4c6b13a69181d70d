import { computed, nextTick, shallowRef } from "vue";
import {
  type Apercu,
  blocVerrouille,
  type BlocModifiable,
  type LigneApercu,
  libelleBloc,
  modificationsParBloc,
  repartirLignes,
} from "~/lib/brouillon";
import type { Echec, Issue } from "~/lib/resultat";
import { type ContexteModification, useContexteModification } from "~/composables/useModification";

interface Focusable {
  focus: () => void;
}

export interface OptionsEditionBloc<L extends LigneApercu> {
  bloc: BlocModifiable;
  /** « la ligne 330058066 », « la pièce facture.pdf » (announcements, buttons' labels). */
  libelle: (ligne: L) => string;
  /** The block's rows in the draft preview (blocks with several rows). */
  lignes?: (apercu: Apercu) => readonly L[];
  /** Short name of a deleted row in « Lignes supprimées » (« 330058067 — BOUVI »). */
  nomSupprimee?: (ligne: L) => string;
  supprimer?: (modification: ContexteModification["modification"], cle: string) => Promise<Issue<Apercu>>;
  /** Id of the element that takes the focus when a row leaves the table (usually « Ajouter »). */
  idApresRetrait?: string;
}

/**
 * What every editable block does: its state (locked, read-only, pending changes), its rows
 * (visible and deleted), open its pop-in (and give the focus back on close), delete a row,
 * revert a row's pending change; failures are kept for the block's alert, success is
 * announced in the page's live region.
 */
export function useEditionBloc<L extends LigneApercu>(options: OptionsEditionBloc<L>) {
  const { modification, annoncer } = useContexteModification();
  const m = modification;
  const erreur = shallowRef<Echec | null>(null);
  /** The pop-in's subject: a row to modify, or null for « Ajouter »; undefined when closed. */
  const edition = shallowRef<{ ligne: L | null } | null>(null);
  let origine: Focusable | null = null;

  const verrouille = computed(() => (m.demande.value ? blocVerrouille(m.demande.value, options.bloc) : false));
  const lectureSeule = computed(() => !m.modifiable.value || verrouille.value);
  const enAttente = computed(() => (m.apercu.value ? modificationsParBloc(m.apercu.value)[options.bloc] : 0));
  /** Props of the block's <BlocModification> (title, pending changes, lock, last failure). */
  const entete = computed(() => ({
    titre: libelleBloc(options.bloc),
    modifications: enAttente.value,
    verrouille: verrouille.value,
    erreur: erreur.value,
  }));
  const lignes = computed(() => repartirLignes(m.apercu.value && options.lignes ? options.lignes(m.apercu.value) : []));
  const supprimees = computed(() =>
    lignes.value.supprimees.map((l) => ({ cle: l.cle, libelle: (options.nomSupprimee ?? options.libelle)(l) })),
  );

  function ouvrir(ligne: L | null, depuis: Focusable | null = null): void {
    erreur.value = null;
    origine = depuis;
    edition.value = { ligne };
  }

  async function fermer(message?: string): Promise<void> {
    edition.value = null;
    if (message) annoncer(message);
    await nextTick();
    origine?.focus();
  }

  async function supprimer(ligne: L): Promise<void> {
    if (!options.supprimer) return;
    erreur.value = null;
    const issue = await options.supprimer(m, ligne.cle);
    if (!issue.ok) {
      erreur.value = issue;
      return;
    }
    const ajoutee = ligne.etat === "AJOUTEE";
    const nom = options.libelle(ligne);
    annoncer(
      ajoutee
        ? `${majuscule(nom)} a été retirée (elle n’avait pas encore été enregistrée).`
        : `${majuscule(nom)} est supprimée : elle sera retirée à la confirmation. « Annuler » dans « Lignes supprimées » la rétablit.`,
    );
    await nextTick();
    const id = ajoutee ? options.idApresRetrait : `annuler-suppression-${ligne.cle}`;
    if (id) document.getElementById(id)?.focus();
  }

  /** Reverts a row's pending change (modified, added or deleted row). */
  async function annuler(ligne: L): Promise<void> {
    erreur.value = null;
    const issue = await modification.annulerOperation(options.bloc, ligne.cle);
    if (!issue.ok) {
      erreur.value = issue;
      return;
    }
    annoncer(`Modification de ${options.libelle(ligne)} annulée : elle est revenue à sa valeur enregistrée.`);
  }

  /** « Annuler » of a row in « Lignes supprimées ». */
  function annulerSuppression(cle: string): void {
    const ligne = lignes.value.supprimees.find((l) => l.cle === cle);
    if (ligne) void annuler(ligne);
  }

  return {
    modification,
    erreur,
    edition,
    entete,
    verrouille,
    lectureSeule,
    lignes,
    supprimees,
    ouvrir,
    fermer,
    supprimer,
    annuler,
    annulerSuppression,
  };
}

function majuscule(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
