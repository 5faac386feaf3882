// The API's route table stays as it is unless a change means it (issue 26 item 4, docs/decisions/058): every
// `METHOD path` the app defines, and, for each route, the handlers a request to it runs through, in order (the global
// and per-resource middleware before it, a route registered earlier for the same request — a report's PDF before the
// report's data). Mounting the route modules differently must leave both as they are. After a deliberate change to
// the routes, rewrite the list with `npx vitest run tests/api/route-table.test.ts --project sqlite -u` and read its diff.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';

type Entry = { method: string; path: string };
const name = (r: Entry) => `${r.method} ${r.path}`;

/** A request path the route's pattern matches: `x` for a parameter or a wildcard, `x.pdf` for `:slug{[a-z0-9-]+\.pdf}`. */
function samplePath(pattern: string): string {
  return pattern
    .replace(/:\w+\{[^}]*\\\.(\w+)\}/g, 'x.$1')
    .replace(/:\w+(\{[^}]*\})?/g, 'x')
    .replace(/\*/g, 'x');
}

describe('the route table', () => {
  it('defines the same routes, each reached through the same handlers in the same order', async () => {
    const app = createApp({ db: undefined as never, now: () => new Date() });
    const lines = app.routes.map((r) => {
      if (r.method === 'ALL') return name(r);
      const [matched] = app.router.match(r.method, samplePath(r.path)) as unknown as [[[unknown, Entry], unknown][]];
      return `${name(r)}\n    ${matched.map(([[, entry]]) => name(entry)).join(' → ')}`;
    });
    expect(app.routes.length).toBeGreaterThan(100);
    await expect([...lines].sort().join('\n') + '\n').toMatchFileSnapshot('./route-table.txt');
  });
});
