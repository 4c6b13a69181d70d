import type { App } from "vue";
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { useSession } from "~/composables/useSession";
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
  { path: "/", redirect: "/demandes" },
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
  const session = useSession();
  const moi = await session.charger();
  if (to.name === "connexion" && moi) return destinationApresConnexion(to.query.redirect);
  if (!to.meta.public && !moi) return { name: "connexion", query: { redirect: to.fullPath } };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} — Ségur — Back office` : "Ségur — Back office";
});

export function install(app: App): void {
  app.use(router);
  onNonAuthentifie(() => {
    useSession().oublier();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: "connexion", query: { redirect: current.fullPath } });
  });
}
