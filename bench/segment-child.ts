/**
 * One `segment run` in this process, for bench/segment.bench.ts: prints, as its last stdout line,
 * `{"ms": wall time of main(), "peakMb": this process's peak RSS, "summary": the --json summary}`.
 *   node --import tsx bench/segment-child.ts <segment run arguments…>
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
  const code = await main(["run", ...process.argv.slice(2), "--json", "--quiet"]);
  const ms = performance.now() - t0;
  process.stdout.write = write;
  if (code !== 0) process.exit(code);
  const summary = JSON.parse(writes.join(""));
  console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, summary }));
})();
