import {
  BLOCS_VERSIONNES,
  CHAMPS_VERSIONNES,
  etatVide,
  type BlocVersionne,
  type Etat,
  type Ligne,
  type Valeur,
} from "./champs.js";

export type Nature = "AJOUT" | "MODIFICATION" | "SUPPRESSION";

export interface Changement {
  bloc: BlocVersionne;
  cle: string;
  nature: Nature;
  champ: string;
  ancienneValeur: Valeur;
  nouvelleValeur: Valeur;
}

/** Field-level differences between two states, in a stable order (block, row key, field). */
export function differences(avant: Etat, apres: Etat): Changement[] {
  const out: Changement[] = [];
  for (const bloc of BLOCS_VERSIONNES) {
    const champs = Object.keys(CHAMPS_VERSIONNES[bloc]);
    const cles = [...new Set([...avant[bloc].keys(), ...apres[bloc].keys()])].sort();
    for (const cle of cles) {
      const a = avant[bloc].get(cle);
      const b = apres[bloc].get(cle);
      if (!a && b) {
        for (const champ of champs)
          if (b[champ] !== null && b[champ] !== undefined)
            out.push({ bloc, cle, nature: "AJOUT", champ, ancienneValeur: null, nouvelleValeur: b[champ] ?? null });
      } else if (a && !b) {
        for (const champ of champs)
          if (a[champ] !== null && a[champ] !== undefined)
            out.push({
              bloc,
              cle,
              nature: "SUPPRESSION",
              champ,
              ancienneValeur: a[champ] ?? null,
              nouvelleValeur: null,
            });
      } else if (a && b) {
        for (const champ of champs) {
          if ((a[champ] ?? null) !== (b[champ] ?? null))
            out.push({
              bloc,
              cle,
              nature: "MODIFICATION",
              champ,
              ancienneValeur: a[champ] ?? null,
              nouvelleValeur: b[champ] ?? null,
            });
        }
      }
    }
  }
  return out;
}

/** A change as stored (and hash-chained). */
export interface ChangementStocke {
  bloc: string;
  cle: string;
  nature: string;
  champ: string;
  ancienneValeur: Valeur;
  nouvelleValeur: Valeur;
}

/**
 * Replays versions' changes: the demande as it was after the last one given. `depart` (changed
 * in place) is the state before the first of them: empty, or a snapshot.
 */
export function rejouer(versions: { changements: ChangementStocke[] }[], depart: Etat = etatVide()): Etat {
  const etat = depart;
  for (const v of versions) {
    // Rows deleted in a version: remove once all their changes are read (a row can be deleted and re-added later).
    const supprimees = new Set<string>();
    for (const c of v.changements) {
      const bloc = c.bloc as BlocVersionne;
      if (!Object.hasOwn(etat, bloc)) continue;
      if (c.nature === "SUPPRESSION") {
        supprimees.add(`${bloc}\u0000${c.cle}`);
        continue;
      }
      let ligne = etat[bloc].get(c.cle);
      if (!ligne) etat[bloc].set(c.cle, (ligne = videPour(bloc)));
      ligne[c.champ] = c.nouvelleValeur;
    }
    for (const k of supprimees) {
      const [bloc, cle] = k.split("\u0000") as [BlocVersionne, string];
      etat[bloc].delete(cle);
    }
  }
  return etat;
}

function videPour(bloc: BlocVersionne): Ligne {
  return Object.fromEntries(Object.keys(CHAMPS_VERSIONNES[bloc]).map((c) => [c, null]));
}
