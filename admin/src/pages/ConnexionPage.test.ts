import { flushPromises, mount } from "@vue/test-utils";
import type { Client } from "@urql/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory, createRouter } from "vue-router";
import { useSession } from "~/composables/useSession";
import { install as installDsfr } from "~/modules/dsfr";
import { client } from "~/modules/urql";
import ConnexionPage from "./ConnexionPage.vue";

function mutationRepondant(data: unknown) {
  const mutation = vi.fn(() => ({ toPromise: () => Promise.resolve({ data }) }));
  client.value = { mutation } as unknown as Client;
  return mutation;
}

async function monter(url = "/connexion") {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: "/connexion", name: "connexion", component: ConnexionPage },
      { path: "/demandes/:numero?", name: "demandes", component: { template: "<p>Demandes</p>" } },
    ],
  });
  await router.push(url);
  await router.isReady();
  const wrapper = mount(ConnexionPage, { global: { plugins: [router, installDsfr] }, attachTo: document.body });
  return { wrapper, router };
}

async function remplir(wrapper: Awaited<ReturnType<typeof monter>>["wrapper"], email: string, motDePasse: string) {
  await wrapper.get('input[name="email"]').setValue(email);
  await wrapper.get('input[name="motDePasse"]').setValue(motDePasse);
  await wrapper.get("form").trigger("submit");
}

describe("ConnexionPage", () => {
  beforeEach(() => {
    useSession().oublier();
    document.body.innerHTML = "";
  });

  it("renders the DSFR login form in French", async () => {
    const { wrapper } = await monter();

    expect(wrapper.get("h1").text()).toBe("Connexion au back office");
    expect(wrapper.get('label[for="' + wrapper.get('input[name="email"]').attributes("id") + '"]').text()).toContain(
      "Adresse électronique",
    );
    expect(wrapper.get('input[name="motDePasse"]').attributes("type")).toBe("password");
    expect(wrapper.get('button[type="submit"]').text()).toContain("Se connecter");
  });

  it("shows French errors on the fields when submitted empty, without calling the server", async () => {
    const mutation = mutationRepondant(null);
    const { wrapper } = await monter();

    await wrapper.get("form").trigger("submit");

    await vi.waitFor(() => {
      expect(wrapper.text()).toContain("Saisissez votre adresse électronique.");
      expect(wrapper.text()).toContain("Saisissez votre mot de passe.");
    });
    const email = wrapper.get('input[name="email"]');
    expect(email.attributes("aria-invalid")).toBe("true");
    // The error text is announced with the field.
    expect(document.getElementById(email.attributes("aria-describedby")!)?.textContent).toContain(
      "Saisissez votre adresse électronique.",
    );
    expect(mutation).not.toHaveBeenCalled();
  });

  it("rejects a malformed e-mail address", async () => {
    mutationRepondant(null);
    const { wrapper } = await monter();

    await remplir(wrapper, "camille.martin", "secret");

    await vi.waitFor(() =>
      expect(wrapper.text()).toContain(
        "Le format de l’adresse électronique n’est pas valide. Format attendu : nom@domaine.fr",
      ),
    );
    expect(wrapper.get('input[name="motDePasse"]').attributes("aria-invalid")).toBeUndefined();
  });

  it("shows the server's authentication error in an alert", async () => {
    mutationRepondant({
      connexion: {
        __typename: "ErreurAuthentification",
        code: "IDENTIFIANTS_INVALIDES",
        message: "Adresse électronique ou mot de passe incorrect.",
      },
    });
    const { wrapper } = await monter();

    await remplir(wrapper, "camille.martin@asp.example", "mauvais");

    await vi.waitFor(() => expect(wrapper.find(".fr-alert--error").exists()).toBe(true));
    expect(wrapper.get(".fr-alert--error").text()).toContain("Adresse électronique ou mot de passe incorrect.");
  });

  it("opens the session and goes to the requested page", async () => {
    const mutation = mutationRepondant({
      connexion: {
        __typename: "ConnexionSucces",
        moi: { nom: "Camille Martin", email: "camille.martin@asp.example", role: "AUDITEUR", numeroEditeur: null },
      },
    });
    const { wrapper, router } = await monter("/connexion?redirect=/demandes/FINMS2007720M0");

    await remplir(wrapper, " camille.martin@asp.example ", "secret");

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe("/demandes/FINMS2007720M0"));
    expect(mutation).toHaveBeenCalledWith(expect.anything(), {
      input: { email: "camille.martin@asp.example", motDePasse: "secret" },
    });
    expect(useSession().moi.value?.nom).toBe("Camille Martin");
    await flushPromises();
  });
});
