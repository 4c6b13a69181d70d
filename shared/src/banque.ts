import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";

/** Electronic format: no spaces, upper case. */
export function normaliserIban(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

/** Country structure and mod-97 key (ibantools). */
export function ibanValide(s: string): boolean {
  const iban = electronicFormatIBAN(normaliserIban(s));
  return iban !== null && isValidIBAN(iban);
}

/** 8 or 11 characters, bank code, known country, location (ibantools). */
export function bicValide(s: string): boolean {
  const bic = s.trim().toUpperCase();
  return (bic.length === 8 || bic.length === 11) && isValidBIC(bic);
}

/** Display form: groups of four characters. */
export function formatIban(s: string): string {
  return normaliserIban(s).replace(/(.{4})(?=.)/g, "$1 ");
}
