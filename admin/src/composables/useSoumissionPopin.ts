import { type Ref, ref, watch } from "vue";
import type { Echec, Issue } from "~/lib/resultat";

/** Fields are checked at the first submit, then live (see useSoumissionPopin). */
export const AVANT_SOUMISSION = { validateOnModelUpdate: false, validateOnBlur: false };

/** What useSoumissionPopin needs of vee-validate's useForm(). */
interface FormulaireVee<TSortie> {
  handleSubmit(soumis: (valeurs: TSortie) => Promise<void>, invalide?: () => void): (e?: Event) => Promise<unknown>;
  setFieldError(champ: string, message: string): void;
  submitCount: Ref<number>;
  validate(): Promise<unknown>;
  values: object;
}

/**
 * The submit of a row pop-in (administrateur, bénéficiaire, coordonnées): the whole form is
 * validated live once submitted (rules tie fields together), the server's answer puts field
 * errors under their fields and any other refusal in the alert (`erreurServeur`), which every
 * new attempt clears first.
 */
export function useSoumissionPopin<TSortie>(
  form: FormulaireVee<TSortie>,
  options: {
    enregistrer: (valeurs: TSortie) => Promise<Issue<unknown>>;
    enregistre: (valeurs: TSortie) => void;
    /** After a refused attempt (by the rules or the server), e.g. focus the first error. */
    apresRefus?: () => void;
  },
) {
  watch(
    () => form.values,
    () => {
      if (form.submitCount.value > 0) void form.validate();
    },
    { deep: true },
  );

  const erreurServeur = ref<Pick<Echec, "titre" | "message" | "code"> | null>(null);

  const envoyer = form.handleSubmit(async (valeurs) => {
    const issue = await options.enregistrer(valeurs);
    if (issue.ok) {
      options.enregistre(valeurs);
      return;
    }
    for (const [champ, message] of Object.entries(issue.champs)) form.setFieldError(champ, message);
    if (issue.type !== "VALIDATION" || Object.keys(issue.champs).length === 0)
      erreurServeur.value = { titre: issue.titre, message: issue.message, code: issue.code };
    options.apresRefus?.();
  }, options.apresRefus);

  function soumettre(e?: Event): Promise<unknown> {
    erreurServeur.value = null;
    return envoyer(e);
  }

  return { erreurServeur, soumettre };
}
