/** 2 département characters (digits, or 2A/2B for Corsica) then 7 digits. */
const FORMAT_FINESS = /^(?:\d{2}|2[AB])\d{7}$/;

export function finessFormatValide(s: string): boolean {
  return FORMAT_FINESS.test(s);
}

/**
 * Luhn key over the nine characters. Corsican départements read 2A as 21 and 2B as 22,
 * which makes a ten-digit string (checked against real Corsican FINESS numbers).
 */
export function finessCleValide(s: string): boolean {
  if (!finessFormatValide(s)) return false;
  const chiffres = s.replace(/^2A/, "21").replace(/^2B/, "22");
  let somme = 0;
  for (let i = 0; i < chiffres.length; i++) {
    let d = Number(chiffres[chiffres.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    somme += d;
  }
  return somme % 10 === 0;
}

/** Canonical form used for comparisons: trimmed, upper case (2a → 2A). */
export function normaliserFiness(s: string): string {
  return s.trim().toUpperCase();
}
