// GET /api/openapi.json lists every API route the app defines, with the contract's request bodies.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { testApp } from '../support/db.ts';

describe('the OpenAPI document', () => {
  it('describes every route of the app, as OpenAPI 3.1', async () => {
    const t = await testApp();
    try {
      const doc = (await (await t.app.request('/api/openapi.json')).json()) as any;
      expect(doc.openapi).toBe('3.1.0');
      const app = createApp({ db: t.db, now: () => new Date() });
      const defined = new Set(app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*')).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, (_m, name: string, pattern = '') => `{${name}}${/\\(\.[a-z]+)\}$/.exec(pattern)?.[1] ?? ''}`)}`));
      const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m} ${path}`)));
      expect(defined.size).toBeGreaterThan(50);
      expect([...defined].filter((d) => !documented.has(d))).toEqual([]);
      expect(doc.paths['/api/units/{slug}/ratings'].post.requestBody.content['application/json'].schema.required).toEqual(['idempotencyKey', 'answers']);
      // A private GET takes the session or an API token (decision 065); a private write, the session only.
      expect(doc.paths['/api/staff/units/{slug}/responses'].get.security).toEqual([{ session: [] }, { apiToken: [] }]);
      expect(doc.paths['/api/staff/units/{slug}/responses/{id}/replies'].post.security).toEqual([{ session: [] }]);
      expect(doc.paths['/api/staff/units/{slug}/responses/{id}/replies'].post.responses['403'].description).toContain('token_read_only');
      expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
      // Token management: a session only, never a token.
      expect(doc.paths['/api/tokens'].get.security).toEqual([{ session: [] }]);
      expect(doc.paths['/api/tokens'].get.responses['403'].description).toContain('token_not_allowed');
      expect(doc.paths['/api/tokens'].post.requestBody.content['application/json'].schema.required).toEqual(['name']);
      expect(doc.paths['/api/exports/{file}'].get.responses['401'].description).toContain('token_revoked');
      // A file route keeps its extension beside the JSON route of the same unit.
      expect(doc.paths['/api/reports/skm/{slug}.pdf'].get.security).toEqual([{ session: [] }, { apiToken: [] }]);
      expect(doc.paths['/api/reports/skm/{slug}'].get.summary).toContain('Data of the printable SKM report');
      // The files of locked evidence need an account whose scope covers the lock (decision 050).
      const lockFile = doc.paths['/api/evidence/{id}/files/{name}'].get;
      expect(lockFile.security).toEqual([{ session: [] }, { apiToken: [] }]);
      expect(lockFile.responses['401'].description).toContain('not_signed_in');
      expect(lockFile.responses['403'].description).toContain('evidence_restricted');
      // The SP4N-LAPOR! hand-off (decision 066): its own query parameter, not a period's; its refusals documented.
      expect(doc.paths['/api/review/lapor'].get.parameters.map((p: any) => p.name)).toEqual(['dueBy']);
      expect(Object.keys(doc.paths['/api/review/comments/{id}/lapor/answer'].post.responses)).toEqual(expect.arrayContaining(['400', '403', '404', '409']));
      // A GET the account may read: its API token may read it too (decision 065).
      expect(doc.paths['/api/review/comments/{id}/lapor.json'].get.security).toEqual([{ session: [] }, { apiToken: [] }]);
    } finally {
      await t.close();
    }
  });
});
