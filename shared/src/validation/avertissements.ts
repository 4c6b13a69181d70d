import { avertissement, type Probleme } from "../probleme.js";
import { finessCleValide, finessFormatValide, normaliserFiness } from "../finess.js";
import { telephoneFrancais } from "../contact.js";
import { libelleChamp } from "../limites.js";

/** A well-formed FINESS whose Luhn key is wrong: real data has such numbers, so only a warning. */
export function avertissementCleFiness(champ: string, valeur: unknown): Probleme[] {
  if (typeof valeur !== "string") return [];
  const finess = normaliserFiness(valeur);
  if (!finessFormatValide(finess) || finessCleValide(finess)) return [];
  return [
    avertissement(
      "CLE_FINESS",
      champ,
      `${libelleChamp(champ)} : la clé de contrôle de ${finess} est incorrecte, vérifiez le numéro.`,
    ),
  ];
}

export function avertissementTelephone(champ: string, valeur: unknown): Probleme[] {
  if (typeof valeur !== "string" || valeur.trim() === "" || telephoneFrancais(valeur)) return [];
  return [
    avertissement(
      "TELEPHONE",
      champ,
      `${libelleChamp(champ)} : numéro non reconnu comme un numéro français (métropole ou outre-mer), vérifiez-le.`,
    ),
  ];
}

/** Reads a field of a value that may not have been validated yet. */
export function champDe(v: unknown, champ: string): unknown {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>)[champ] : undefined;
}
