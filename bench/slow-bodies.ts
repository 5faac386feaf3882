// Issue 24 F1's acceptance: 3,000 connections that each declare a 16,000-byte rating body and send one byte, against the
// server `npm start` runs (96 MB heap); meanwhile /api/health is asked one request after another. Prints the slowest
// health answer, the failures, the peak RSS, what the slow clients were answered, and the open-file limit.
// `npx tsx bench/slow-bodies.ts [connections] [hold seconds] [stalled-body|trickled-body|slow-headers|idle]`
import { startServer } from '../tests/support/browser.ts';
import { openFileLimit, openSlowClients, rssMiB, watchHealth, type SlowKind } from '../tests/support/slow-clients.ts';

export async function benchSlowBodies(connections = 3000, holdSeconds = 30, only?: SlowKind): Promise<void> {
  console.log(`\nSlow bodies, slow headers, idle connections (issue 24 F1), open-file limit (ulimit -n) ${openFileLimit()}`);
  // One proxy trusted, so that each connection can claim an address of its own, as thousands of attackers would.
  const server = await startServer({ RAPOR_TRUST_PROXY: '1' });
  try {
    const all: [SlowKind, number][] = [['stalled-body', connections], ['trickled-body', 1000], ['slow-headers', 1000], ['idle', connections]];
    const kinds = all.filter(([kind]) => !only || kind === only);
    let first = 0;
    for (const [kind, count] of kinds) {
      const before = rssMiB(server.pid);
      const health = watchHealth(server.url, server.pid);
      const clients = await openSlowClients(server.url, kind, count, { firstAddress: first });
      first += count;
      await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
      const h = await health.stop();
      if (!server.alive()) console.log('  the server process ended');
      const answered = [...clients.statuses].sort().map(([status, n]) => `${n} × ${status}`).join(', ') || 'none yet';
      clients.close();
      console.log(`  ${String(count).padStart(5)} ${kind.padEnd(13)} held ${holdSeconds} s: health ${h.checks} checks, ${h.failures} failed, slowest ${h.worstMs.toFixed(0)} ms; ` +
        `RSS ${before.toFixed(0)} → peak ${h.peakRssMiB.toFixed(0)} MiB; process ${server.alive() ? 'alive' : 'DEAD'}; answered ${answered}; closed ${clients.closed()}`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSlowBodies(Number(process.argv[2] ?? 3000), Number(process.argv[3] ?? 30), process.argv[4] as SlowKind | undefined);
}
