import { nextTick, type App } from "vue";
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { useSession } from "~/composables/useSession";
import { useNavigation } from "~/composables/useNavigation";
import { deplacerFocus, estEchecChargement, titrePage } from "~/lib/navigation";
import { destinationApresConnexion } from "~/lib/redirection";
import { onNonAuthentifie } from "~/modules/urql";

// Every page is lazy: the initial bundle holds only the shell (layout, router, session).
export const routes: RouteRecordRaw[] = [
  {
    path: "/connexion",
    name: "connexion",
    component: () => import("~/pages/ConnexionPage.vue"),
    meta: { public: true, title: "Connexion" },
  },
  // The home: the work queue for gestionnaires, the list for auditeurs (the session is loaded by then).
  {
    path: "/",
    name: "accueil",
    component: () => import("~/pages/ATraiterPage.vue"),
    beforeEnter: () => ({ name: useSession().moi.value?.role === "GESTIONNAIRE" ? "a-traiter" : "demandes" }),
  },
  {
    path: "/a-traiter",
    name: "a-traiter",
    component: () => import("~/pages/ATraiterPage.vue"),
    meta: { title: "À traiter" },
  },
  {
    path: "/demandes",
    name: "demandes",
    component: () => import("~/pages/DemandesPage.vue"),
    meta: { title: "Demandes de financement" },
  },
  {
    path: "/demandes/:numero",
    name: "demande",
    component: () => import("~/pages/DemandePage.vue"),
    props: true,
    meta: { title: "Demande" },
  },
  {
    path: "/demandes/:numero/modifier",
    name: "demande-modifier",
    component: () => import("~/pages/DemandeModificationPage.vue"),
    props: true,
    meta: { title: "Modification de la demande" },
  },
  {
    path: "/transmissions",
    name: "transmissions",
    component: () => import("~/pages/TransmissionsPage.vue"),
    meta: { title: "Transmissions des certificats" },
  },
  {
    path: "/journal",
    name: "journal",
    component: () => import("~/pages/JournalPage.vue"),
    meta: { title: "Journal d’audit" },
  },
  {
    path: "/tableau-de-bord",
    name: "tableau-de-bord",
    component: () => import("~/pages/TableauDeBordPage.vue"),
    meta: { title: "Tableau de bord" },
  },
  {
    path: "/:pathMatch(.*)*",
    name: "introuvable",
    component: () => import("~/pages/IntrouvablePage.vue"),
    meta: { public: true, title: "Page introuvable" },
  },
];

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  useNavigation().commencer();
  const session = useSession();
  const moi = await session.charger();
  if (to.name === "connexion" && moi) return destinationApresConnexion(to.query.redirect);
  if (!to.meta.public && !moi) return { name: "connexion", query: { redirect: to.fullPath } };
  return true;
});

router.afterEach((to, from, echec) => {
  const navigation = useNavigation();
  navigation.terminer();
  if (echec) return;
  navigation.effacerEchec();
  document.title = titrePage(to);
  if (deplacerFocus(to, from)) void nextTick(() => focaliserTitre());
});

// A page's code that cannot load (server stopped, chunks renamed by a redeploy): say so, offer to reload.
router.onError((erreur, to) => {
  if (!estEchecChargement(erreur)) throw erreur;
  useNavigation().echouer(to.fullPath);
});

/** Focus on the page's h1 (the content when the page has none yet, e.g. while it loads). */
function focaliserTitre(): void {
  const main = document.getElementById("contenu");
  const h1 = main?.querySelector<HTMLElement>("h1");
  const cible = h1 ?? main;
  if (!cible) return;
  if (h1 && !h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
  cible.focus({ preventScroll: true });
}

export function install(app: App): void {
  app.use(router);
  onNonAuthentifie(() => {
    useSession().oublier();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: "connexion", query: { redirect: current.fullPath } });
  });
}
