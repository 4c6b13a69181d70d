// Which fields a request selects below a path of its current field (e.g. the list's
// edges › node › administrateurs), so that a hot read loads only the columns they show.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** Names of the fields selected under `chemin` (fragments followed); null when not selected. */
export function champsSelectionnes(info: GraphQLResolveInfo, chemin: string[]): Set<string> | null {
  let ensembles: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const nom of chemin) {
    ensembles = champs(info, ensembles)
      .filter((c) => c.name.value === nom)
      .flatMap((c) => (c.selectionSet ? [c.selectionSet] : []));
    if (!ensembles.length) return null;
  }
  return new Set(champs(info, ensembles).map((c) => c.name.value));
}

function champs(info: GraphQLResolveInfo, ensembles: SelectionSetNode[]): FieldNode[] {
  return ensembles.flatMap((e) =>
    e.selections.flatMap((s): FieldNode[] => {
      if (s.kind === "Field") return [s];
      const fragment = s.kind === "InlineFragment" ? s : info.fragments[s.name.value];
      return fragment ? champs(info, [fragment.selectionSet]) : [];
    }),
  );
}

/**
 * The columns behind a selection when every selected field shows one column of the same name
 * (`simples`: GraphQL field → column); null as soon as one field needs more (then every column is read).
 */
export function colonnesDe(selection: Set<string>, simples: Record<string, string>): string[] | null {
  const out: string[] = [];
  for (const champ of selection) {
    if (champ === "__typename") continue;
    const colonne = simples[champ];
    if (!colonne) return null;
    out.push(colonne);
  }
  return out;
}
