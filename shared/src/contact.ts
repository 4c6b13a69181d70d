import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

/** Metropolitan France and the overseas départements and collectivités. */
export const REGIONS_TELEPHONE_FR: readonly CountryCode[] = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC'];

/** True when the number parses as a valid French (or overseas) number, national or international form. */
export function telephoneFrancais(s: string): boolean {
  if (typeof s !== 'string' || s.trim() === '') return false;
  return REGIONS_TELEPHONE_FR.some((region) => {
    const numero = parsePhoneNumberFromString(s, region);
    return numero !== undefined && numero.isValid() && numero.country !== undefined && REGIONS_TELEPHONE_FR.includes(numero.country);
  });
}

const email = z.string().email();

/** Same rule as zod's `.email()`, so the SPA, the API and the import agree. */
export function emailValide(s: string): boolean {
  return email.safeParse(s).success;
}
