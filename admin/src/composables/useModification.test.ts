import { describe, expect, it, vi } from "vitest";
import { brouillonExemple, demandeExemple, VALEURS_ADMIN } from "~/lib/brouillon.fixtures";
import { createModification, type ModificationClient } from "~/composables/useModification";
import { createAppClient } from "~/modules/urql";

const NUMERO = "FINMS2007720M0";

/** A client answering queries and mutations from queues, recording what was asked. */
function fakeClient(reponses: { query?: unknown[]; mutation?: unknown[] }) {
  const repondre = (file: unknown[] = []) =>
    vi.fn(() => {
      const suivante = file.shift();
      return { toPromise: () => (suivante instanceof Error ? Promise.reject(suivante) : Promise.resolve(suivante)) };
    });
  const client = { query: repondre(reponses.query), mutation: repondre(reponses.mutation) };
  return client as typeof client & ModificationClient;
}

const variablesDe = (mock: ReturnType<typeof vi.fn>, appel = 0) => (mock.mock.calls[appel] as unknown[])[1];

describe("createModification — loading", () => {
  it("loads the demande then my draft, which the tables show", async () => {
    const brouillon = brouillonExemple();
    const client = fakeClient({ query: [{ data: { demande: demandeExemple() } }, { data: { brouillon } }] });
    const m = createModification(NUMERO, { client: () => client });

    await m.charger();

    expect(m.etat.value).toBe("pret");
    expect(m.nombreModifications.value).toBe(2);
    expect(m.apercu.value?.administrateurs.map((l) => [l.cle, l.etat])).toEqual([
      ["330058066", "MODIFIEE"],
      ["750712184", "AJOUTEE"],
    ]);
    expect(m.brouillonRepris.value).toEqual({ nombre: 2, creeLe: brouillon.creeLe });
    expect(variablesDe(client.query, 1)).toEqual({ numero: NUMERO });
  });

  it("shows the saved demande when I have no draft", async () => {
    const client = fakeClient({ query: [{ data: { demande: demandeExemple() } }, { data: { brouillon: null } }] });
    const m = createModification(NUMERO, { client: () => client });

    await m.charger();

    expect(m.nombreModifications.value).toBe(0);
    expect(m.brouillonRepris.value).toBeNull();
    expect(m.apercu.value?.administrateurs.every((l) => l.etat === "INCHANGEE")).toBe(true);
  });

  it("does not ask for a draft when I may not modify (auditeur, décidée)", async () => {
    const client = fakeClient({ query: [{ data: { demande: { ...demandeExemple(), droits: { modifier: false } } } }] });
    const m = createModification(NUMERO, { client: () => client });

    await m.charger();

    expect(m.modifiable.value).toBe(false);
    expect(client.query).toHaveBeenCalledTimes(1);
  });

  it("tells an unknown demande from an unreachable server", async () => {
    const introuvable = createModification(NUMERO, {
      client: () => fakeClient({ query: [{ data: { demande: null } }] }),
    });
    await introuvable.charger();
    expect(introuvable.etat.value).toBe("introuvable");

    const hors = createModification(NUMERO, {
      client: () => fakeClient({ query: [{ error: { networkError: new Error("ECONNREFUSED") } }] }),
    });
    await hors.charger();
    expect(hors.etat.value).toBe("erreur");
  });
});

async function chargee(mutation: unknown[], query: unknown[] = []) {
  const client = fakeClient({
    query: [{ data: { demande: demandeExemple() } }, { data: { brouillon: brouillonExemple() } }, ...query],
    mutation,
  });
  const m = createModification(NUMERO, { client: () => client });
  await m.charger();
  return { client, m };
}

describe("createModification — staging", () => {
  it("adds a certificate request and shows the draft the server answers", async () => {
    const apres = brouillonExemple({ nombreModifications: 3 });
    const { client, m } = await chargee([
      { data: { resultat: { __typename: "AdministrateurAjouterSucces", brouillon: apres } } },
    ]);
    const valeurs = { ...VALEURS_ADMIN, finessJuridique: "130786049" };

    const issue = await m.ajouterAdministrateur(valeurs);

    expect(issue.ok).toBe(true);
    expect(m.nombreModifications.value).toBe(3);
    expect(variablesDe(client.mutation)).toEqual({ input: { numero: NUMERO, valeurs } });
  });

  it("sends a modified row without its FINESS in the values (the FINESS is the row's identity)", async () => {
    const { client, m } = await chargee([
      { data: { resultat: { __typename: "AdministrateurModifierSucces", brouillon: brouillonExemple() } } },
    ]);

    await m.modifierAdministrateur("330058066", { ...VALEURS_ADMIN, numeroCarteCPX: "1" });

    const { finessJuridique: _f, ...valeurs } = { ...VALEURS_ADMIN, numeroCarteCPX: "1" };
    expect(variablesDe(client.mutation)).toEqual({ input: { numero: NUMERO, finessJuridique: "330058066", valeurs } });
  });

  it("answers the server's field errors and keeps the draft", async () => {
    const { m } = await chargee([
      {
        data: {
          resultat: {
            __typename: "ErreurValidation",
            code: "VALIDATION",
            message: "FINESS juridique : une demande de certificat existe déjà…",
            problemes: [
              {
                champ: "finessJuridique",
                code: "DOUBLON_FINESS",
                gravite: "ERREUR",
                message: "FINESS juridique : une demande de certificat existe déjà…",
                path: ["input", "valeurs", "finessJuridique"],
              },
            ],
          },
        },
      },
    ]);

    const issue = await m.ajouterAdministrateur(VALEURS_ADMIN);

    expect(issue).toMatchObject({
      ok: false,
      type: "VALIDATION",
      champs: { finessJuridique: "FINESS juridique : une demande de certificat existe déjà…" },
    });
    expect(m.nombreModifications.value).toBe(2);
  });

  it("survives a network failure", async () => {
    const { m } = await chargee([new Error("ECONNRESET")]);
    const issue = await m.supprimerAdministrateur("330058066");
    expect(issue).toMatchObject({ ok: false, type: "RESEAU" });
    expect(m.occupe.value).toBe(false);
    expect(m.nombreModifications.value).toBe(2);
  });

  it("reverts one row with brouillonOperationAnnuler", async () => {
    const apres = brouillonExemple({ nombreModifications: 1 });
    const { client, m } = await chargee([
      { data: { resultat: { __typename: "BrouillonOperationAnnulerSucces", brouillon: apres } } },
    ]);
    await m.annulerOperation("ADMINISTRATEURS", "330058066");
    expect(variablesDe(client.mutation)).toEqual({
      input: { numero: NUMERO, bloc: "ADMINISTRATEURS", cle: "330058066" },
    });
    expect(m.nombreModifications.value).toBe(1);
  });

  // urql's own multipart upload (issue 11, item 5), through the app's client and its CSRF header.
  it("uploads a pièce as a GraphQL multipart request", async () => {
    const json = (corps: unknown) =>
      new Response(JSON.stringify(corps), { headers: { "content-type": "application/json" } });
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      if (init?.body instanceof FormData)
        return json({
          data: {
            resultat: { __typename: "PieceAjouterSucces", brouillon: brouillonExemple({ nombreModifications: 3 }) },
          },
        });
      const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
      return json(
        operationName === "ModificationDemande"
          ? { data: { demande: demandeExemple() } }
          : { data: { brouillon: brouillonExemple() } },
      );
    });
    const client = createAppClient(fetch);
    const avecFetch = createModification(NUMERO, { client: () => client });
    await avecFetch.charger();
    const fichier = new File(["%PDF-1.4"], "facture.pdf", { type: "application/pdf" });

    const issue = await avecFetch.ajouterPiece("FACTURE", fichier);

    expect(issue.ok).toBe(true);
    expect(avecFetch.nombreModifications.value).toBe(3);
    const [url, init] = fetch.mock.calls.at(-1)!;
    expect(url).toBe("/graphql");
    expect(init).toMatchObject({ method: "POST", credentials: "include" });
    expect(new Headers(init?.headers).get("x-graphql-csrf")).toBe("1");
    const corps = init?.body as FormData;
    const operations = JSON.parse(corps.get("operations") as string);
    expect(operations.query).toContain("pieceAjouter(input: $input)");
    expect(operations.variables).toEqual({ input: { numero: NUMERO, type: "FACTURE", fichier: null } });
    expect(JSON.parse(corps.get("map") as string)).toEqual({ 0: ["variables.input.fichier"] });
    expect((corps.get("0") as File).name).toBe("facture.pdf");
  });
});

describe("createModification — confirmation", () => {
  it("confirms with the draft's versionBase, then shows the saved demande", async () => {
    const { client, m } = await chargee(
      [{ data: { resultat: { __typename: "BrouillonConfirmerSucces", confirmation: { version: { numero: 4 } } } } }],
      [{ data: { demande: { ...demandeExemple(), versionCourante: 4 } } }],
    );

    const issue = await m.confirmer("Correction CPX");

    expect(issue).toEqual({ ok: true, valeur: { version: 4 } });
    expect(variablesDe(client.mutation)).toEqual({
      input: { numero: NUMERO, versionBase: 3, commentaire: "Correction CPX" },
    });
    expect(m.brouillon.value).toBeNull();
    expect(m.demande.value?.versionCourante).toBe(4);
  });

  it("keeps the draft on a conflict and refreshes it (no longer up to date)", async () => {
    const { m } = await chargee(
      [
        {
          data: {
            resultat: { __typename: "ErreurConflit", code: "CONFLIT_VERSION", message: "x", versionActuelle: 4 },
          },
        },
      ],
      [{ data: { brouillon: brouillonExemple({ aJour: false, versionCourante: 4 }) } }],
    );

    const issue = await m.confirmer(null);

    expect(issue).toMatchObject({ ok: false, type: "CONFLIT", versionActuelle: 4 });
    expect(m.brouillon.value?.aJour).toBe(false);
    expect(m.nombreModifications.value).toBe(2);
  });

  it("rebases and says how many changes no longer applied", async () => {
    const { m } = await chargee(
      [
        {
          data: {
            resultat: {
              __typename: "BrouillonRebaserSucces",
              brouillon: brouillonExemple({ nombreModifications: 1, versionBase: 4, versionCourante: 4 }),
            },
          },
        },
      ],
      [{ data: { demande: { ...demandeExemple(), versionCourante: 4 } } }],
    );

    await expect(m.rebaser()).resolves.toEqual({ ok: true, valeur: { retirees: 1, version: 4 } });
    expect(m.demande.value?.versionCourante).toBe(4);
  });

  it("abandons the draft", async () => {
    const { m } = await chargee([{ data: { resultat: { __typename: "BrouillonAbandonnerSucces", abandonne: true } } }]);
    await expect(m.abandonner()).resolves.toEqual({ ok: true, valeur: true });
    expect(m.nombreModifications.value).toBe(0);
    expect(m.apercu.value?.administrateurs.every((l) => l.etat === "INCHANGEE")).toBe(true);
  });
});
