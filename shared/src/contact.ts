import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** Metropolitan France and the overseas départements and collectivités. */
export const REGIONS_TELEPHONE_FR: readonly CountryCode[] = [
  "FR",
  "GP",
  "MQ",
  "GF",
  "RE",
  "YT",
  "PM",
  "BL",
  "MF",
  "WF",
  "PF",
  "NC",
];

// libphonenumber costs ~20 µs a number and an import file repeats the same few numbers
// (one per contact, many rows): results are kept per exact text. A pure function of its
// input, so a per-process cache changes no result; bounded, emptied when full.
const TELEPHONES_MAX = 10_000;
const telephones = new Map<string, boolean>();

/** True when the number parses as a valid French (or overseas) number, national or international form. */
export function telephoneFrancais(s: string): boolean {
  if (typeof s !== "string" || s.trim() === "") return false;
  let valide = telephones.get(s);
  if (valide === undefined) {
    if (telephones.size >= TELEPHONES_MAX) telephones.clear();
    telephones.set(s, (valide = telephoneFrancaisCalcule(s)));
  }
  return valide;
}

// The common French forms (0X XX XX XX XX, +33 X XX XX XX XX, with spaces, dots or hyphens
// between pairs): libphonenumber's French plan (its national pattern [1-9]\d{8}) accepts them
// all, as the tests check over every prefix; it is asked only for the other forms.
const FRANCAIS_COURANT = /^(?:0|\+33 ?)[1-9](?:[ .-]?\d{2}){4}$/;

function telephoneFrancaisCalcule(s: string): boolean {
  if (FRANCAIS_COURANT.test(s)) return true;
  return REGIONS_TELEPHONE_FR.some((region) => {
    const numero = parsePhoneNumberFromString(s, region);
    return (
      numero !== undefined &&
      numero.isValid() &&
      numero.country !== undefined &&
      REGIONS_TELEPHONE_FR.includes(numero.country)
    );
  });
}

export const ATTENDU_EMAIL = "adresse email valide attendue (exemple : prenom.nom@domaine.fr)";

/** RFC 5321: 64 octets for the local part, 63 per domain label; 150 in all is our field limit. */
export const EMAIL_LIMITES = { localMax: 64, labelMax: 63, domaineMax: 253, totalMax: 150 } as const;

// Dot-atom of RFC 5322 (no quoted local parts). ASCII only: an accented local part needs
// SMTPUTF8 on every relay on the way, which many servers lack; an accented domain does not
// (it travels as punycode), so it is accepted.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;
// Characters a URL would read as port, path, credentials… rather than as part of a host name.
const HORS_NOM_DE_DOMAINE = /[\s/?#@:[\]\\%]/;
// Labels of LABEL without "xn--" (URL checks punycode), the last one letters only.
const DOMAINE_ASCII_SIMPLE = /^(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,}$/;

/** ASCII (punycode) form of a domain, or null when it is not a host name. Works in Node and browsers. */
export function domaineAscii(domaine: string): string | null {
  if (domaine === "" || HORS_NOM_DE_DOMAINE.test(domaine)) return null;
  // Already lowercase ASCII labels ending in a letter TLD: URL would return it unchanged
  // (no case, IDNA or IPv4 processing applies), and parsing a URL is the costly part.
  if (DOMAINE_ASCII_SIMPLE.test(domaine)) return domaine;
  try {
    return new URL(`http://${domaine}`).hostname;
  } catch {
    return null;
  }
}

/**
 * What is wrong with an email address (French, for « <label> : … »), or null when an SMTP
 * server would accept it (SPEC §10).
 */
export function problemeEmail(s: string): string | null {
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return ATTENDU_EMAIL;
  const local = s.slice(0, at);
  const domaine = s.slice(at + 1);
  // Code points are never more than UTF-16 units: count them only for a long text.
  if (s.length > EMAIL_LIMITES.totalMax && [...s].length > EMAIL_LIMITES.totalMax)
    return `adresse email de ${EMAIL_LIMITES.totalMax} caractères au maximum attendue`;
  if (!LOCAL.test(local)) {
    return /[\u0080-\uffff]/.test(local)
      ? "adresse email sans accent avant le « @ » attendue (le nom de domaine peut en avoir)"
      : ATTENDU_EMAIL;
  }
  if (local.length > EMAIL_LIMITES.localMax)
    return `adresse email valide attendue : ${EMAIL_LIMITES.localMax} caractères au maximum avant le « @ »`;
  const ascii = domaineAscii(domaine);
  const labels = ascii?.split(".") ?? [];
  if (ascii === null || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1)!)) {
    return "adresse email valide attendue : nom de domaine invalide après le « @ » (exemple : prenom.nom@domaine.fr)";
  }
  if (labels.some((l) => l.length > EMAIL_LIMITES.labelMax) || ascii.length > EMAIL_LIMITES.domaineMax) {
    return `adresse email valide attendue : ${EMAIL_LIMITES.labelMax} caractères au maximum entre deux points du nom de domaine`;
  }
  return null;
}

/** The one email rule of the SPA, the API and the import. */
export function emailValide(s: string): boolean {
  return typeof s === "string" && problemeEmail(s) === null;
}
