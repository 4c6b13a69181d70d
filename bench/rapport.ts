// One line per figure, aligned; the same columns as docs/performance.md.
import type { Mesure } from "./mesure.js";
import type { MesureHttp } from "./http.js";

const ms = (v: number) => (Number.isNaN(v) ? "—" : v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(1) : v.toFixed(0));

export const ENTETE = `${"scénario".padEnd(64)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"plancher".padStart(9)} ${"ratio".padStart(7)} ${"SQL/op".padStart(7)}`;
export const ENTETE_HTTP = `${"scénario".padEnd(46)} ${"conn.".padStart(5)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"erreurs".padStart(8)} ${"RSS serveur Mo (tous / le plus gros)".padStart(37)}`;

export function ligneScenario(r: { nom: string; produit: Mesure; plancher?: Mesure; debit?: string }): string {
  if (r.produit.echec) return `${r.nom.padEnd(64)} ÉCHEC : ${r.produit.echec}`;
  const ratio =
    r.plancher && r.plancher.p50 > 0
      ? `${(r.produit.p50 / r.plancher.p50).toFixed(r.produit.p50 / r.plancher.p50 < 10 ? 1 : 0)}×`
      : "—";
  return `${r.nom.padEnd(64)} ${ms(r.produit.p50).padStart(8)} ${ms(r.produit.p95).padStart(8)} ${(r.plancher ? ms(r.plancher.p50) : "—").padStart(9)} ${ratio.padStart(7)} ${String(Math.round((r.produit.requetes ?? NaN) * 10) / 10).padStart(7)}${r.debit ? `   (${r.debit})` : ""}`;
}

export const ligneHttp = (h: MesureHttp) =>
  `${h.nom.padEnd(46)} ${String(h.connexions).padStart(5)} ${h.reqParS.toFixed(0).padStart(8)} ${ms(h.p50).padStart(8)} ${ms(h.p95).padStart(8)} ${String(h.erreurs).padStart(8)} ${(h.rssServeurMo === null ? "—" : `${h.rssServeurMo.total} / ${h.rssServeurMo.processus}`).padStart(37)}`;
