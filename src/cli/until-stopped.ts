/** Resolves on Ctrl+C (SIGINT) or SIGTERM: the end of a long-running command (watch, preview). */
export function untilStopped(): Promise<void> {
  return new Promise<void>((res) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      res();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
