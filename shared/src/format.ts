const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** '2 920,00 €' (French typography: Intl puts non-breaking spaces). */
export function formatMontant(centimes: number): string {
  // Dividing integer cents by 100 only feeds the display; amounts are never computed in floats.
  return EUROS.format(centimes / 100);
}

/** '2920.00', for CSV exports. */
export function montantCsv(centimes: number): string {
  const signe = centimes < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(centimes));
  return `${signe}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Euros → integer cents, reading the decimal text (no float arithmetic).
 * Accepts '2920', '2920.5', '2920.00', '2920,00' or a number with at most 2 decimals;
 * negative, malformed or more than 2 decimals → null.
 */
export function parseMontant(v: string | number): number | null {
  let texte: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    texte = String(v);
  } else if (typeof v === 'string') {
    texte = v.trim();
  } else {
    return null;
  }
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(texte);
  if (!m) return null;
  const centimes = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(centimes) ? centimes : null;
}

/** 'dd/mm/yyyy'. Date-only values are stored at UTC midnight, so UTC parts are read. */
export function formatDate(d: Date | string): string {
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.trim());
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    d = new Date(d);
  }
  if (Number.isNaN(d.getTime())) return '';
  const jj = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${jj}/${mm}/${d.getUTCFullYear()}`;
}

/** A real calendar date written yyyy-mm-dd. */
export function dateIsoValide(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
