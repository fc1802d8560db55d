/**
 * One `segment drift` in this process, for bench/drift.bench.ts: prints, as its last stdout line,
 * `{"ms": wall time of main(), "cpuMs": its CPU time (user + system), "peakMb": this process's peak RSS, "summary": the --json summary, "code": exit code}`.
 *   node --import tsx bench/drift-child.ts <segment drift arguments…>
 */
import { main } from "../src/cli/segment";

(async () => {
  const writes: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    writes.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await main(["drift", ...process.argv.slice(2), "--json", "--quiet"]);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write = write;
  if (code !== 0 && code !== 3) process.exit(code);
  console.log(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakMb: process.resourceUsage().maxRSS / 1024,
      code,
      summary: JSON.parse(writes.join("")),
    }),
  );
})();
