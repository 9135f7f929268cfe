/** Polls `get` every 50 ms until it gives a value; throws after `ms` (for watch's asynchronous rebuilds). */
export async function waitFor<T>(what: string, get: () => T | undefined, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
