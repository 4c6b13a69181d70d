import { texte, texteRequis } from "./champs.js";

// The workflow's free texts span several lines (newline and tab kept).

/** Reason given when rejecting a row or unlocking a block. */
export const motifSchema = texteRequis("motif", { requis: "indiquez le motif", multiligne: true });
/** Message sent to the supplier with a statut change. */
export const messageFournisseurSchema = texte("messageFournisseur", { multiligne: true });
/** Optional comment of a confirmed version. */
export const commentaireSchema = texte("commentaire", { multiligne: true });
