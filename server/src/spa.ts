import fs from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
};

// Per process and safe: the built SPA's files, identical on every instance (never data).
const cache = new Map<string, { brut: Buffer; gzip: Buffer | null; type: string }>();

async function lire(fichier: string) {
  let entree = cache.get(fichier);
  if (!entree) {
    const brut = await fs.readFile(fichier);
    const type = TYPES[path.extname(fichier)] ?? "application/octet-stream";
    const compressible = /text|javascript|json|svg/.test(type);
    entree = { brut, gzip: compressible ? gzipSync(brut) : null, type };
    cache.set(fichier, entree);
  }
  return entree;
}

/** Serves the built SPA: hashed assets cached for a year, index.html for client-side routes. */
export async function servirSpa(racine: string, url: URL, request: Request): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const relatif = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let fichier = path.join(racine, relatif);
  if (!fichier.startsWith(path.resolve(racine))) return null;
  const stat = await fs.stat(fichier).catch(() => null);
  const estAsset = url.pathname.startsWith("/assets/");
  if (!stat?.isFile()) {
    if (estAsset || path.extname(relatif)) return null;
    fichier = path.join(racine, "index.html");
  }
  const { brut, gzip, type } = await lire(fichier).catch(() => ({ brut: null, gzip: null, type: "" }));
  if (!brut) return null;
  const headers = new Headers({
    "content-type": type,
    "cache-control": estAsset ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (type.startsWith("text/html")) {
    headers.set(
      "content-security-policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'",
    );
    headers.set("referrer-policy", "same-origin");
  }
  const gz = gzip && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  if (gz) headers.set("content-encoding", "gzip");
  headers.set("vary", "accept-encoding");
  return new Response(request.method === "HEAD" ? null : new Uint8Array(gz ? gzip! : brut), { headers });
}
