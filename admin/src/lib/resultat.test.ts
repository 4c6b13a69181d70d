import { CombinedError } from "@urql/core";
import { describe, expect, it } from "vitest";
import {
  echecDepuis,
  echecReseau,
  lireResultat,
  MESSAGE_RESEAU,
  type ProblemeServeur,
  problemesVersChamps,
} from "~/lib/resultat";

const probleme = (p: Partial<ProblemeServeur>): ProblemeServeur => ({
  champ: "numeroCarteCPX",
  message: "m",
  path: ["input", "valeurs", "numeroCarteCPX"],
  code: "REQUIS",
  gravite: "ERREUR",
  ...p,
});

const CHAMPS = ["finessJuridique", "numeroCarteCPX", "nomAdminTechnique"];

describe("problemesVersChamps", () => {
  it("puts each error on the field named at the end of its path, first message wins", () => {
    const champs = problemesVersChamps(
      [
        probleme({ message: "CPX requis" }),
        probleme({ message: "second" }),
        probleme({
          champ: "finessJuridique",
          path: ["input", "valeurs", "finessJuridique"],
          code: "DOUBLON_FINESS",
          message: "déjà demandé",
        }),
      ],
      CHAMPS,
    );
    expect(champs).toEqual({ numeroCarteCPX: "CPX requis", finessJuridique: "déjà demandé" });
  });

  it("ignores warnings and fields the pop-in does not have", () => {
    const champs = problemesVersChamps(
      [
        probleme({ gravite: "AVERTISSEMENT", message: "clé" }),
        probleme({ champ: "numero", path: ["input", "numero"], message: "inconnu" }),
      ],
      CHAMPS,
    );
    expect(champs).toEqual({});
  });

  it("falls back on the problem's field name when the path is elsewhere", () => {
    expect(
      problemesVersChamps([probleme({ path: [], champ: "nomAdminTechnique", message: "lettres" })], CHAMPS),
    ).toEqual({ nomAdminTechnique: "lettres" });
  });
});

describe("echecDepuis", () => {
  it("maps a validation error onto the fields", () => {
    const e = echecDepuis(
      {
        __typename: "ErreurValidation",
        code: "VALIDATION",
        message: "1 erreur à corriger.",
        problemes: [probleme({ message: "Numéro de carte CPX : obligatoire…" })],
      },
      CHAMPS,
    );
    expect(e).toMatchObject({
      ok: false,
      type: "VALIDATION",
      champs: { numeroCarteCPX: "Numéro de carte CPX : obligatoire…" },
    });
  });

  // The SPA adds a title per error type; the text and code are the server's (issue 11, item 3).
  it("shows a conflict's and a lock's message and code as the server wrote them", () => {
    const conflit =
      "La demande a été modifiée par quelqu’un d’autre (version 5) depuis le début de vos modifications (version 3).";
    const e = echecDepuis({
      __typename: "ErreurConflit",
      code: "CONFLIT_VERSION",
      message: conflit,
      versionActuelle: 5,
    });
    expect(e).toMatchObject({
      type: "CONFLIT",
      code: "CONFLIT_VERSION",
      message: conflit,
      versionActuelle: 5,
      titre: "Une nouvelle version a été enregistrée entre-temps",
    });
    const verrou =
      "Le bloc « Pièces justificatives » a été validé et verrouillé par un gestionnaire : il ne peut plus être modifié.";
    expect(
      echecDepuis({ __typename: "ErreurVerrouillage", code: "BLOC_VERROUILLE", message: verrou, bloc: "PIECES" }),
    ).toMatchObject({ type: "VERROUILLAGE", code: "BLOC_VERROUILLE", message: verrou, bloc: "PIECES" });
  });

  it("keeps the server's message for state, authorisation and not-found errors", () => {
    const message = "Une demande décidée ne peut plus être modifiée.";
    expect(echecDepuis({ __typename: "ErreurEtat", code: "STATUT_NON_MODIFIABLE", message })).toMatchObject({
      type: "ETAT",
      message,
      titre: "Modification impossible",
    });
    expect(echecDepuis({ __typename: "ErreurAutorisation", code: "NON_AUTORISE", message: "Non." })).toMatchObject({
      type: "AUTORISATION",
      message: "Non.",
    });
    expect(
      echecDepuis({ __typename: "ErreurIntrouvable", code: "INTROUVABLE", message: "Introuvable." }),
    ).toMatchObject({ type: "INTROUVABLE" });
  });

  it("has a message for an unreachable server", () => {
    expect(echecReseau()).toMatchObject({ type: "RESEAU", message: MESSAGE_RESEAU });
  });
});

// One reader for every mutation: drafts, gestionnaire actions, batches, login.
describe("lireResultat", () => {
  it("gives the success member", () => {
    const lot = { numero: "LOT-20261125-001" };
    expect(lireResultat({ __typename: "LotTransmissionCreerSucces", lot })).toEqual({
      ok: true,
      valeur: { __typename: "LotTransmissionCreerSucces", lot },
    });
  });

  it("puts field problems, and a refusal's own path, on the fields", () => {
    expect(
      lireResultat({
        __typename: "ErreurValidation",
        code: "VALIDATION",
        message: "Données invalides",
        path: null,
        problemes: [probleme({ champ: "motif", message: "Motif : indiquez le motif.", path: ["input", "motif"] })],
      }),
    ).toMatchObject({
      ok: false,
      type: "VALIDATION",
      code: "VALIDATION",
      message: "Données invalides",
      champs: { motif: "Motif : indiquez le motif." },
    });
    const message = "Statut : tous les blocs doivent être validés.";
    expect(
      lireResultat({ __typename: "ErreurEtat", code: "DECIDEE", message, path: ["input", "statut"] }),
    ).toMatchObject({ ok: false, code: "DECIDEE", message, champs: { statut: message } });
    expect(
      lireResultat({
        __typename: "ErreurEtat",
        code: "LOT_VIDE",
        message: "Aucune demande à transmettre.",
        path: null,
      }),
    ).toMatchObject({ ok: false, code: "LOT_VIDE", message: "Aucune demande à transmettre.", champs: {} });
  });

  it("reads a request-level refusal (its message and code) and an unreachable server", () => {
    const refus = new CombinedError({
      graphQLErrors: [{ message: "Fichier : 10 Mo au maximum.", extensions: { code: "TROP_GRAND" } }],
    });
    expect(lireResultat(undefined, refus)).toMatchObject({
      ok: false,
      code: "TROP_GRAND",
      message: "Fichier : 10 Mo au maximum.",
      champs: {},
    });
    expect(lireResultat(null, new CombinedError({ networkError: new Error("down") }))).toMatchObject({
      ok: false,
      type: "RESEAU",
      message: MESSAGE_RESEAU,
    });
  });
});
