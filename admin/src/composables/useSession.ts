// The enums alone: the whole of @segur/shared (zod schemas) stays out of the initial bundle.
import { ROLES_LABELS } from "@segur/shared/enums";
import type { Client } from "@urql/core";
import { computed, readonly, shallowRef } from "vue";
import { CONNEXION_MUTATION, DECONNEXION_MUTATION, MOI_QUERY } from "~/graphql/session";
import type { ConnexionInput, MoiQuery } from "~/gql/graphql";
import type { Issue } from "~/lib/resultat";
import { client, resetClient } from "~/modules/urql";

export type Moi = NonNullable<MoiQuery["moi"]>;

/** Logging in: who I am now, or the server's refusal (field errors on email / motDePasse). */
export type ConnexionIssue = Issue<Moi>;

const CHAMPS_CONNEXION = ["email", "motDePasse"];

export type SessionClient = Pick<Client, "query" | "mutation">;

/**
 * Session state bound to a client. `useSession()` is the app-wide instance; tests build their own.
 * `onChangementUtilisateur` runs when the user changes, so cached data of the previous one is dropped.
 */
export function createSession(getClient: () => SessionClient, onChangementUtilisateur: () => void = () => {}) {
  const moi = shallowRef<Moi | null>(null);
  /** True once the server answered, so the router guard asks only once. */
  const charge = shallowRef(false);
  let enCours: Promise<Moi | null> | null = null;

  function charger(options: { force?: boolean } = {}): Promise<Moi | null> {
    if (charge.value && !options.force) return Promise.resolve(moi.value);
    enCours ??= (async () => {
      try {
        const result = await getClient().query(MOI_QUERY, {}, { requestPolicy: "network-only" }).toPromise();
        moi.value = result.data?.moi ?? null;
        // A network failure is not an answer: ask again on the next navigation.
        charge.value = result.data !== undefined;
        return moi.value;
      } finally {
        enCours = null;
      }
    })();
    return enCours;
  }

  async function connecter(input: ConnexionInput): Promise<ConnexionIssue> {
    // The answers' reader comes with the (lazy) login page: the initial bundle stays small.
    const [{ lireResultat }, result] = await Promise.all([
      import("~/lib/resultat"),
      getClient().mutation(CONNEXION_MUTATION, { input }).toPromise(),
    ]);
    const issue = lireResultat(result.data?.connexion, result.error, CHAMPS_CONNEXION);
    if (!issue.ok) return issue;
    onChangementUtilisateur();
    moi.value = issue.valeur.moi;
    charge.value = true;
    return { ok: true, valeur: issue.valeur.moi };
  }

  /** Logs out on the server; the local session is dropped even if the server can't be reached. */
  async function deconnecter(): Promise<void> {
    try {
      await getClient().mutation(DECONNEXION_MUTATION, {}).toPromise();
    } finally {
      oublier();
    }
  }

  /** Drops the local session (e.g. the server said it expired). */
  function oublier(): void {
    moi.value = null;
    charge.value = true;
    onChangementUtilisateur();
  }

  return {
    moi: readonly(moi),
    charge: readonly(charge),
    connecte: computed(() => moi.value !== null),
    roleLabel: computed(() => (moi.value ? ROLES_LABELS[moi.value.role] : "")),
    charger,
    connecter,
    deconnecter,
    oublier,
  };
}

export type Session = ReturnType<typeof createSession>;

let session: Session | undefined;

export function useSession(): Session {
  session ??= createSession(() => client.value, resetClient);
  return session;
}
