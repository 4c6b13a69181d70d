import http from "node:http";
import net from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { arreterServeur } from "../src/exploitation/arret.js";
import { creerLogger } from "../src/exploitation/logger.js";

const muet = creerLogger("warn", new Writable({ write: (_m, _e, f) => f() }) as never);

/** A server whose handler waits for the whole body, then answers 200. */
async function serveur() {
  const s = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.end("fini"));
  });
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return { s, port: (s.address() as net.AddressInfo).port };
}

/** A request whose body is sent later (`finir`), in flight meanwhile. */
async function requeteEnVol(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((r) => socket.once("connect", () => r()));
  let reponse = "";
  socket.on("data", (b) => (reponse += b));
  socket.on("error", () => {});
  const fermee = new Promise<void>((r) => socket.once("close", () => r()));
  socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
  await new Promise((r) => setTimeout(r, 50));
  return { finir: () => socket.write("cd"), fermee, reponse: () => reponse };
}

describe("graceful shutdown of one server", () => {
  it("waits for the request in flight, closes idle keep-alive connections, then runs the steps in order", async () => {
    const { s, port } = await serveur();
    // A keep-alive connection idle after its request (would hold close() until its own timeout).
    const repos = net.connect(port, "127.0.0.1");
    await new Promise<void>((r) => repos.once("connect", () => r()));
    const premiere = new Promise<void>((r) => repos.once("data", () => r()));
    repos.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    await premiere;
    const reposFermee = new Promise<void>((r) => repos.once("close", () => r()));
    const vol = await requeteEnVol(port);
    const etapes: string[] = [];
    const arret = arreterServeur(s, 5_000, muet, [
      () => void etapes.push("boîte d'envoi"),
      async () => void etapes.push("base"),
    ]);
    await reposFermee;
    expect(etapes).toEqual([]);
    vol.finir();
    expect(await arret).toBe(true);
    expect(vol.reponse()).toMatch(/^HTTP\/1\.1 200[\s\S]*fini$/);
    expect(etapes).toEqual(["boîte d'envoi", "base"]);
  });

  it("cuts what is still running after the delay and says so", async () => {
    const { s, port } = await serveur();
    const vol = await requeteEnVol(port);
    const etapes: string[] = [];
    expect(await arreterServeur(s, 100, muet, [() => void etapes.push("base")])).toBe(false);
    await vol.fermee;
    expect(vol.reponse()).toBe("");
    expect(etapes).toEqual(["base"]);
  });
});
