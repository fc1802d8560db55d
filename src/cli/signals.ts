/**
 * Ctrl-C and kill during a command: the temporary paths the library's writer has open are removed and the
 * process exits with 128 + the signal number, so the previous output stays as it was and nothing is left behind.
 * (A synchronous step finishes first: Node runs the handler when the step returns.)
 */
import { removePendingOutputs } from "../io/output-writer";

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Install the handlers (once, by the command line's entry point). */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.once(signal, () => {
      removePendingOutputs();
      process.stderr.write(`segment: interrupted (${signal}); the previous output is unchanged\n`);
      process.exit(code);
    });
  }
}
