/**
 * Run the API on a TCP port with @hono/node-server. The store is always opened read-only, so
 * `entente dyad`, `report` and the other read commands can run beside the server.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { serve } from "@hono/node-server";
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { openStore } from "../store/open.js";
import { createApp } from "./app.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./defaults.js";
import { serialStore } from "./serial-store.js";

export interface ServeOptions {
  /** Default 127.0.0.1. Any other address than 127.0.0.1, localhost or ::1 needs a token. */
  readonly host?: string;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  readonly storePath: string;
  readonly casesDir: string;
  readonly token?: string;
  readonly readOnly?: boolean;
  readonly webDir?: string;
  /** Cache computed answers (default true). */
  readonly cache?: boolean;
}

export interface RunningServer {
  /** http://127.0.0.1:8787/ (with the port actually bound). */
  readonly url: string;
  /**
   * The addresses a browser can open: `url`, or for a wildcard host (0.0.0.0, ::) loopback and
   * each address of the machine's network interfaces.
   */
  readonly urls: readonly string[];
  close(): Promise<void>;
}

export { DEFAULT_HOST, DEFAULT_PORT };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
/** Shortest token accepted: guessing must not be practical. */
export const MIN_TOKEN_LENGTH = 16;
/**
 * Printable ASCII without spaces: what an Authorization header carries unchanged and what the
 * bearer check (`Bearer +(\S+)`) reads back (sixteen spaces would be a "token" no client sends).
 */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;
/** Addresses that listen on every interface of the machine. */
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Refuse settings that would expose the store (checked before anything is opened). */
export function checkServeOptions(opts: Pick<ServeOptions, "host" | "port" | "token">): void {
  const host = opts.host ?? DEFAULT_HOST;
  if (opts.token !== undefined && !TOKEN_CHARS.test(opts.token)) {
    throw new BadInputError(
      "bad_token",
      "The token has spaces or characters that are not printable ASCII",
      { hint: "Use letters, digits and punctuation only, e.g. `openssl rand -hex 32`" },
    );
  }
  if (opts.token !== undefined && opts.token.length < MIN_TOKEN_LENGTH) {
    throw new BadInputError(
      "weak_token",
      `The token is ${opts.token.length} characters; at least ${MIN_TOKEN_LENGTH} are needed`,
      { hint: "Generate one, e.g. `openssl rand -hex 32`" },
    );
  }
  if (!LOOPBACK.has(host.toLowerCase()) && !opts.token) {
    throw new BadInputError(
      "insecure_host",
      `Refusing to listen on ${host} without a token: anyone who can reach it could read the store and change cases`,
      {
        hint: "Keep the default --host 127.0.0.1, or set --token (or ENTENTE_TOKEN) to require Authorization: Bearer <token>",
      },
    );
  }
  const port = opts.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BadInputError("bad_port", `Port ${port} is not a port number`, {
      hint: "Use a whole number from 1 to 65535 (0: any free port)",
    });
  }
}

/** http://ADDRESS:PORT/ for loopback and every interface address (IPv6 too when listening on ::). */
export function machineUrls(port: number, ipv6: boolean): string[] {
  const out = [`http://127.0.0.1:${port}/`];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      if (a.family === "IPv4") out.push(`http://${a.address}:${port}/`);
      // Link-local IPv6 addresses need a zone id that browsers do not accept in URLs.
      else if (ipv6 && !a.address.toLowerCase().startsWith("fe80:")) {
        out.push(`http://[${a.address}]:${port}/`);
      }
    }
  }
  return [...new Set(out)];
}

/**
 * The links to print: each URL, with `#token=…` when there is a token (the dashboard moves it
 * from the fragment into session storage; a fragment is never sent to the server).
 */
export function serverLinks(urls: readonly string[], token: string | undefined): string[] {
  return urls.map((u) => (token ? `${u}#token=${encodeURIComponent(token)}` : u));
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  checkServeOptions(opts);
  const host = opts.host ?? DEFAULT_HOST;
  // Serialised: close() then waits for statements still running for requests in progress.
  const store = serialStore(await openStore(opts.storePath, { readOnly: true }));
  try {
    const app = createApp({
      store,
      casesDir: opts.casesDir,
      readOnly: opts.readOnly ?? false,
      version: packageVersion(),
      ...defined({ token: opts.token, webDir: opts.webDir, cache: opts.cache }),
    });
    const server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? DEFAULT_PORT });
    const address = await new Promise<AddressInfo>((ok, fail) => {
      server.once("error", fail);
      server.once("listening", () => {
        server.off("error", fail);
        ok(server.address() as AddressInfo);
      });
    });
    const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const url = `http://${host === "localhost" ? "localhost" : shown}:${address.port}/`;
    let closing: Promise<void> | null = null;
    return {
      url,
      urls: WILDCARD.has(host) ? machineUrls(address.port, host !== "0.0.0.0") : [url],
      close() {
        closing ??= (async () => {
          await new Promise<void>((ok) => {
            server.close(() => ok());
            // Idle keep-alive connections would hold close() open; busy ones get a few seconds.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
            if ("closeAllConnections" in server) {
              setTimeout(() => server.closeAllConnections(), 3000).unref();
            }
          });
          await store.close();
        })();
        return closing;
      },
    };
  } catch (e) {
    await store.close();
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new BadInputError("port_in_use", `Port ${opts.port} on ${host} is in use`, {
        hint: "Stop the other server or choose another --port",
      });
    }
    throw e;
  }
}
