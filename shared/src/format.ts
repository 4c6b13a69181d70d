/** 'dd/mm/yyyy'; '' when absent. Date-only values are stored at UTC midnight, so UTC parts are read. */
export function formatDate(d: Date | string | null | undefined): string {
  if (d === null || d === undefined || d === "") return "";
  if (typeof d === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.trim());
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
    d = new Date(d);
  }
  if (Number.isNaN(d.getTime())) return "";
  const jj = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${jj}/${mm}/${d.getUTCFullYear()}`;
}

/** A real calendar date written yyyy-mm-dd. */
export function dateIsoValide(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const PARIS = "Europe/Paris";
const PARTIES_PARIS = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partiesParis(d: Date): Record<string, number> {
  return Object.fromEntries(
    PARTIES_PARIS.formatToParts(d)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  );
}

/**
 * An instant as the agency reads it, on screen and in exports alike: 'dd/mm/yyyy hh:mm', Paris
 * time. ISO text (as the API sends it) is read too; '' for a missing or invalid instant.
 */
export function formatDateHeureParis(d: Date | string | null | undefined): string {
  const instant = typeof d === "string" ? new Date(d) : d;
  if (!d || !instant || Number.isNaN(instant.getTime())) return "";
  const p = partiesParis(instant);
  const deux = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${deux(p.day)}/${deux(p.month)}/${p.year} ${deux(p.hour)}:${deux(p.minute)}`;
}

/**
 * The Paris wall-clock time of an instant, as a Date whose UTC parts are that time: a
 * spreadsheet date has no time zone, so an XLSX cell must hold what the agency reads.
 */
export function heureMurParis(d: Date): Date {
  const p = partiesParis(d);
  return new Date(Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
}

/** The 'yyyy-mm-dd' day of an instant, Paris time (what « today » means to the agency). */
export function jourParis(d: Date): string {
  const p = partiesParis(d);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * Midnight, Paris time, of a 'yyyy-mm-dd' day (plus `jours` days): where a period of whole
 * days starts or ends, whatever the daylight saving time.
 */
export function debutJourParis(jour: string, jours = 0): Date {
  const [a, m, j] = jour.split("-").map(Number);
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

/** A count with its noun agreed as French does: « 0 erreur », « 1 erreur », « 3 erreurs ». */
export function compte(n: number, singulier: string, pluriel: string): string {
  return `${n} ${n > 1 ? pluriel : singulier}`;
}
