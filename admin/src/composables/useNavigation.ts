import { readonly, shallowRef } from "vue";

/** The shell's navigation state: a page loading, or a page whose code could not be loaded. */
const enCours = shallowRef(true);
const echec = shallowRef<{ cible: string } | null>(null);

export function useNavigation() {
  return {
    enCours: readonly(enCours),
    echec: readonly(echec),
    commencer: () => {
      enCours.value = true;
    },
    terminer: () => {
      enCours.value = false;
    },
    echouer: (cible: string) => {
      echec.value = { cible };
      enCours.value = false;
    },
    effacerEchec: () => {
      echec.value = null;
    },
  };
}
