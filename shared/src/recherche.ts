// One normalised form of searched text for both databases: SQLite's LIKE ignores ASCII case only,
// PostgreSQL's not at all, neither ignores accents. Stored columns (`logicielRecherche`…) hold the
// normalised value and the filters compare it with the normalised search text.

/** Accented letters of French (and neighbours) and their base: the migration's backfill replaces exactly these. */
export const LETTRES_ACCENTUEES: Readonly<Record<string, string>> = {
  à: "a",
  â: "a",
  ä: "a",
  á: "a",
  ã: "a",
  å: "a",
  ç: "c",
  é: "e",
  è: "e",
  ê: "e",
  ë: "e",
  í: "i",
  ì: "i",
  î: "i",
  ï: "i",
  ñ: "n",
  ó: "o",
  ò: "o",
  ô: "o",
  ö: "o",
  õ: "o",
  ú: "u",
  ù: "u",
  û: "u",
  ü: "u",
  ý: "y",
  ÿ: "y",
  œ: "oe",
  æ: "ae",
};

/**
 * LIKE's wildcards (and PostgreSQL's default escape) become private-use characters on both sides:
 * a search for `%` or `_` finds only that character, and no query needs an ESCAPE clause.
 */
export const JOKERS_LIKE: Readonly<Record<string, string>> = { "%": "\uE000", _: "\uE001", "\\": "\uE002" };

const ACCENTS = new RegExp(`[${Object.keys(LETTRES_ACCENTUEES).join("")}]`, "g");

/** « LogiSanté 50% » → « logisante 50\uE000 »: lower case, accents removed, LIKE wildcards neutralised. */
export function normaliserRecherche(texte: string): string {
  return texte
    .normalize("NFC")
    .toLowerCase()
    .replace(ACCENTS, (c) => LETTRES_ACCENTUEES[c]!)
    .replace(/[%_\\]/g, (c) => JOKERS_LIKE[c]!);
}
