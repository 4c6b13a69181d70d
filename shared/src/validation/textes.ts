import { texte, texteRequis } from './champs.js';

/** Reason given when rejecting a row or unlocking a block. */
export const motifSchema = texteRequis('motif', { requis: 'indiquez le motif' });
/** Message sent to the supplier with a statut change. */
export const messageFournisseurSchema = texte('messageFournisseur');
/** Optional comment of a confirmed version. */
export const commentaireSchema = texte('commentaire');
