/**
 * A command action loaded when the command runs: registering a command (its options, for
 * parsing and `--help`) then costs only commander, and each command imports only what it uses
 * (the server, charts, text analysis, ClickHouse… are not loaded by `entente dyad`).
 */
export function lazy<M>(
  load: () => Promise<M>,
  name: keyof M & string,
): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    const action = (await load())[name] as (...a: unknown[]) => unknown;
    await action(...args);
  };
}
