/*
 * Text hygiene (SPEC §10), one rule for every text the product stores or filters on.
 * Control characters are refused: NUL truncates C strings, ESC sequences drive terminals, and
 * neither belongs in a name or in a CSV cell. A lone UTF-16 surrogate has no UTF-8 form (it
 * would be stored as garbage). Multi-line free texts keep newline and tab.
 */

// C0, DEL and C1 controls; with the u flag \p{Cs} only matches a surrogate that is not paired.
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
const INTERDITS_LIGNE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex
const INTERDITS_MULTILIGNE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/u;
const SURROGATE = /^\p{Cs}$/u;

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * What is wrong with the text's characters (French, for « <label> : … »), or null.
 * `multiligne`: newline and tab are allowed (carriage returns are expected normalised first).
 */
export function caractereInterdit(s: string, multiligne = false): string | null {
  const m = (multiligne ? INTERDITS_MULTILIGNE : INTERDITS_LIGNE).exec(s);
  if (!m) return null;
  return SURROGATE.test(m[0])
    ? `caractère invalide (${codePoint(m[0])}, moitié isolée d'une paire UTF-16)`
    : `caractère de contrôle interdit (${codePoint(m[0])})`;
}

/** Windows and old Mac line ends become \n in multi-line texts. */
export function normaliserFinsDeLigne(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

/** NFC: « é » typed as one code point or as e + accent is one value (search, uniqueness, length). */
export function normaliserNfc(s: string): string {
  return s.normalize("NFC");
}
