/** Where `entente serve` listens by default (the command shows them in --help). */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;
