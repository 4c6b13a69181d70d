const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALEURS = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Decoded size, without decoding (to refuse huge contents early). */
export function tailleBase64(s: string): number {
  const t = s.replace(/\s+/g, "");
  const remplissage = t.endsWith("==") ? 2 : t.endsWith("=") ? 1 : 0;
  return Math.floor((t.length * 3) / 4) - remplissage;
}

/**
 * Strict standard base64 (whitespace ignored, padding optional) → bytes; null if malformed.
 * Written by hand so it runs the same in Node and browsers, without Buffer or atob.
 */
export function decoderBase64(s: string): Uint8Array | null {
  const t = s.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  const corps = t.replace(/=+$/, "");
  if (corps.length % 4 === 1 || (t.length !== corps.length && t.length % 4 !== 0)) return null;
  const octets = new Uint8Array(Math.floor((corps.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < corps.length; i += 4) {
    const a = VALEURS.get(corps[i] ?? "") ?? 0;
    const b = VALEURS.get(corps[i + 1] ?? "") ?? 0;
    const c = VALEURS.get(corps[i + 2] ?? "A") ?? 0;
    const d = VALEURS.get(corps[i + 3] ?? "A") ?? 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    octets[o++] = (n >> 16) & 0xff;
    if (i + 2 < corps.length) octets[o++] = (n >> 8) & 0xff;
    if (i + 3 < corps.length) octets[o++] = n & 0xff;
  }
  return octets;
}

/** Bytes → standard base64 (for the example document and exports). */
export function encoderBase64(octets: Uint8Array): string {
  let r = "";
  for (let i = 0; i < octets.length; i += 3) {
    const a = octets[i] ?? 0;
    const b = octets[i + 1];
    const c = octets[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    r += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    r += b === undefined ? "=" : ALPHABET[(n >> 6) & 63]!;
    r += c === undefined ? "=" : ALPHABET[n & 63]!;
  }
  return r;
}
