/*
 * Amounts are integer cents held in a bigint: 64-bit in the database, exact in JavaScript,
 * never a float and never a 32-bit GraphQL Int (SPEC §10: any accepted amount is readable everywhere).
 */

/** Default maximum of an imported amount: 100 000 000,00 € (SPEC §10), i.e. 10^10 cents. */
export const MONTANT_MAX_CENTIMES_DEFAUT = 10_000_000_000n;

const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** '2 920,00 €' (French typography: Intl puts non-breaking spaces). */
export function formatMontant(centimes: bigint): string {
  const negatif = centimes < 0n;
  const abs = negatif ? -centimes : centimes;
  // Intl groups the whole euros (bigint, exact at any size); the cents are written as they are.
  const cents = String(abs % 100n).padStart(2, "0");
  const texte = EUROS.formatToParts(abs / 100n)
    .map((p) => (p.type === "fraction" ? cents : p.value))
    .join("");
  return negatif ? `-${texte}` : texte;
}

/** The API's decimal text ('2920.00'), as the screens show it; unreadable text is shown as it is. */
export function formatMontantDecimal(decimal: string): string {
  const centimes = parseMontant(decimal);
  return centimes === null ? decimal : formatMontant(centimes);
}

function decimal(centimes: bigint, separateur: string): string {
  const signe = centimes < 0n ? "-" : "";
  const abs = centimes < 0n ? -centimes : centimes;
  return `${signe}${abs / 100n}${separateur}${String(abs % 100n).padStart(2, "0")}`;
}

/** '2920.00': the API's and the JSON files' decimal text (GraphQL scalar `Montant`). */
export function montantDecimal(centimes: bigint): string {
  return decimal(centimes, ".");
}

/** '2920,00': a CSV cell for a French spreadsheet (decimal comma, no grouping, no €). */
export function montantCsv(centimes: bigint): string {
  return decimal(centimes, ",");
}

/**
 * Euros → integer cents, reading the decimal text (no float arithmetic).
 * Accepts '2920', '2920.5', '2920.00', '2920,00' or a number with at most 2 decimals;
 * negative, malformed or more than 2 decimals → null. The maximum is the import's rule (`montantCentimes`).
 */
export function parseMontant(v: string | number): bigint | null {
  let texte: string;
  if (typeof v === "number") {
    // String(1e21) is '1e+21' and String(0.1 + 0.2) has 17 decimals: both are refused below.
    if (!Number.isFinite(v)) return null;
    texte = String(v);
  } else if (typeof v === "string") {
    texte = v.trim();
  } else {
    return null;
  }
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(texte);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}
