/**
 * Ctrl-C and kill during a command: once the library has a temporary path open (a private copy of an input, an
 * output being written), SIGINT/SIGTERM/SIGHUP remove those paths and exit with 128 + the signal number, so the
 * previous output stays as it was and nothing is left behind. Before that, a signal stops the process at once (the
 * default): nothing has been written yet. A synchronous write finishes first; Node runs the handler when it returns.
 */
import { onPendingOutputs, removePendingOutputs } from "../io/output-writer";

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Arrange the clean-up (once, by the command line's entry point). */
export function cleanUpOnSignals(): void {
  let installed = false;
  onPendingOutputs(() => {
    if (installed) return;
    installed = true;
    for (const [signal, code] of Object.entries(EXIT_CODES)) {
      process.once(signal, () => {
        removePendingOutputs();
        process.stderr.write(`segment: interrupted (${signal}); the previous output is unchanged\n`);
        process.exit(code);
      });
    }
  });
}
