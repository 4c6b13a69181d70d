import { strFromU8, unzipSync } from "fflate";

/*
 * A workbook read back part by part (tests): each cell's type, value, number format and
 * boldness resolved through styles.xml, whatever the writer's style ids, shared or inline
 * strings.
 */

export interface CelluleLue {
  type: "texte" | "nombre";
  valeur: string;
  format: string | null;
  gras: boolean;
}

export interface ClasseurLu {
  parties: string[];
  feuille: string;
  colonnes: { min: number; max: number; largeur: number }[];
  volet: string;
  cellules: Record<string, CelluleLue>;
  lignes: number;
}

const deXml = (t: string) =>
  t.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === "lt"
      ? "<"
      : e === "gt"
        ? ">"
        : e === "quot"
          ? '"'
          : e === "apos"
            ? "'"
            : e === "amp"
              ? "&"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

const attr = (balise: string, nom: string) => new RegExp(`\\b${nom}="([^"]*)"`).exec(balise)?.[1];

/** The text of an `<si>` or `<is>`: its `<t>` runs joined. */
const texteDe = (xml: string) =>
  [...xml.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>|<t(?: [^>]*)?\/>/g)].map((m) => deXml(m[1] ?? "")).join("");

export function lireClasseur(octets: Uint8Array): ClasseurLu {
  const zip = unzipSync(octets);
  const partie = (p: string) => {
    if (!zip[p]) throw new Error(`partie absente : ${p}`);
    return strFromU8(zip[p]);
  };
  const partages = zip["xl/sharedStrings.xml"]
    ? [...partie("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texteDe(m[1]!))
    : [];
  const styles = partie("xl/styles.xml");
  const formats = new Map(
    [...styles.matchAll(/<numFmt [^>]*>/g)].map((m) => [attr(m[0], "numFmtId")!, deXml(attr(m[0], "formatCode")!)]),
  );
  const polices = [...styles.matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) =>
    /<b\/>|<b val="(1|true)"\/>/.test(m[1] ?? ""),
  );
  const xfs = [
    .../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g),
  ].map((m) => ({
    format: attr(m[0], "numFmtId") ? (formats.get(attr(m[0], "numFmtId")!) ?? `#${attr(m[0], "numFmtId")}`) : null,
    gras: polices[Number(attr(m[0], "fontId") ?? 0)] ?? false,
  }));
  const feuille = partie("xl/worksheets/sheet1.xml");
  const cellules: Record<string, CelluleLue> = {};
  for (const m of feuille.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = m[1]!;
    const contenu = m[2] ?? "";
    const t = attr(a, "t");
    const style = xfs[Number(attr(a, "s") ?? 0)]!;
    const v = /<v>([\s\S]*?)<\/v>/.exec(contenu)?.[1];
    const valeur =
      t === "s"
        ? partages[Number(v)]!
        : t === "inlineStr"
          ? texteDe(/<is>([\s\S]*?)<\/is>/.exec(contenu)![1]!)
          : deXml(v ?? "");
    cellules[attr(a, "r")!] = {
      type: t === "s" || t === "inlineStr" || t === "str" ? "texte" : "nombre",
      valeur,
      ...style,
    };
  }
  return {
    parties: Object.keys(zip).sort(),
    feuille: deXml(attr(/<sheet [^>]*>/.exec(partie("xl/workbook.xml"))![0], "name")!),
    colonnes: [...feuille.matchAll(/<col [^>]*>/g)].map((m) => ({
      min: Number(attr(m[0], "min")),
      max: Number(attr(m[0], "max")),
      largeur: Number(attr(m[0], "width")),
    })),
    volet: /<pane [^>]*>/.exec(feuille)![0],
    cellules,
    lignes: [...feuille.matchAll(/<row /g)].length,
  };
}
