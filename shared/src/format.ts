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

const PARIS = 'Europe/Paris';
const PARTIES_PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function partiesParis(d: Date): Record<string, number> {
  return Object.fromEntries(PARTIES_PARIS.formatToParts(d).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** An instant as the agency reads it: 'dd/mm/yyyy hh:mm', Paris time. */
export function formatDateHeureParis(d: Date): string {
  const p = partiesParis(d);
  const deux = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${deux(p.day)}/${deux(p.month)}/${p.year} ${deux(p.hour)}:${deux(p.minute)}`;
}

/**
 * Midnight, Paris time, of a 'yyyy-mm-dd' day (plus `jours` days): where a period of whole
 * days starts or ends, whatever the daylight saving time.
 */
export function debutJourParis(jour: string, jours = 0): Date {
  const [a, m, j] = jour.split('-').map(Number);
  const minuitUtc = Date.UTC(a!, m! - 1, j! + jours);
  let instant = minuitUtc;
  // Paris is UTC+1 or +2: correct by the wall-clock difference, twice for the DST change days.
  for (let i = 0; i < 2; i++) {
    const p = partiesParis(new Date(instant));
    const mur = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    instant -= mur - minuitUtc;
  }
  return new Date(instant);
}
