// The request bodies in GET /api/openapi.json say what the routes accept (decision 056): a body the route's valibot
// schema accepts passes the documented JSON Schema, a body it rejects for want of a required field fails it, and every
// route that reads a JSON body documents one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/openapi.ts';
import { REQUEST_BODIES } from '../../server/request-bodies.ts';
import { createApp } from '../../server/app.ts';

const uuid = '0b6c2f7e-3f7a-4c1e-9d6a-2f1e8b7c6d5a';
const answers = { U1: 4, U2: 3, U3: 4, U4: 2, U5: 3, U6: 4, U7: 1, U8: 4, U9: 3 };
const followUp = {
  period: '2026-Q3', element: 'U7', problem: 'Antrean lama', action: 'Tambah loket', responsible: 'Kepala seksi',
  dueDate: '2026-12-31', status: 'rencana', progress: 0, evidenceUrl: null,
};

/** A body each route accepts, as a client would send it (JSON, before any path parameter is merged in). */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'POST /api/units/{slug}/ratings': {
    idempotencyKey: uuid, service: 'ktp-el', answers, respondent: { gender: 'P', age: 34, education: 'S1', occupation: 'Wirausaha' },
    comment: 'Pelayanan cepat', visitCode: 'K7Q2-MX4D', channel: 'web', browserToken: 'abcdefgh12', ticket: 't', website: '',
  },
  'POST /api/units/{slug}/permit-reports': { idempotencyKey: uuid, service: 'pbg', submittedOn: '2026-08-03', completedOn: null, visitCode: 'K7Q2MX4D' },
  'POST /api/receipts/{receipt}/subscribe': { email: 'warga@example.id', lang: 'id' },
  'POST /api/auth/login': { email: 'admin@example.go.id', password: 'rahasia-sekali' },
  'POST /api/auth/2fa/setup': { password: 'rahasia-sekali' },
  'POST /api/auth/2fa/enable': { code: '123456', password: 'rahasia-sekali' },
  'POST /api/auth/2fa/verify': { code: 'abcd-efgh-ijkl-mnop' },
  'POST /api/auth/2fa/disable': { code: '123456' },
  'POST /api/auth/password-reset': { email: 'staf@contoh.go.id' },
  'POST /api/auth/password': { token: 'x4Jq0mZ9aT1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW', password: 'kalimat sandi saya' },
  'PUT /api/auth/password': { currentPassword: 'sandi-lama-123', password: 'kalimat sandi saya' },
  'POST /api/tokens': { name: 'Dasbor Bappeda', expiresAt: '2027-06-30', password: 'rahasia-sekali' },
  'POST /api/evaluation/moderation-requests/{id}/approve': { reason: 'Spam yang jelas' },
  'POST /api/evaluation/moderation-requests/{id}/reject': { reason: 'Keluhan yang sah' },
  'POST /api/evaluation/responses/{id}/lift': { reason: 'Bukan spam' },
  'POST /api/evaluation/permit-reports/{id}/lift': { reason: 'Alamat kantor bersama' },
  'POST /api/review/comments/{id}': { decision: 'withhold', reason: 'Menyebut nama petugas' },
  'POST /api/review/comments/{id}/lapor': { judul: 'Pungli di loket KTP', isi: 'Petugas minta uang', tanggalKejadian: '2026-08-13', lokasi: 'Dukcapil', instansi: 'Pemerintah Kota Gorontalo', kategori: 'Pungutan Liar', anonim: true, rahasia: true },
  'POST /api/review/comments/{id}/lapor/tracking': { trackingNumber: 'LAPOR-5123456', forwardedOn: '2026-08-14' },
  'POST /api/review/comments/{id}/lapor/answer': { answeredOn: '2026-08-19', summary: 'Petugas ditegur' },
  'POST /api/evidence/locks': { period: '2026-Q3', region: '33.74' },
  'PUT /api/admin/units/{slug}/frame-origins': { origins: ['https://semarangkota.go.id', 'http://localhost:8080'] },
  'PUT /api/admin/compliance-thresholds': { rows: [{ item: 'zi_skm_frequency', op: 'ge', bound: 4, score: 1 }] },
  'POST /api/staff/units/{slug}/publications': { medium: 'website', publishedOn: '2026-10-05', period: '2026-Q3', note: null, evidenceUrl: 'https://contoh.go.id/ikm' },
  'PUT /api/admin/settings': { asnPermitVerifiedOnly: true, dataProtectionContact: { name: 'PPID', email: 'ppid@contoh.go.id', phone: null }, minPublicRatings: 5 },
  'PUT /api/admin/units/{slug}/limits': { visitCodesPerDay: 200, evidenceQuotaMb: null, evidenceMbPerDay: 50 },
  'PUT /api/admin/units/{slug}/kiosk-cap': { kioskCap: 3 },
  'PUT /api/admin/regions/{code}': { name: 'Kota Semarang', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: '33', kemendagriCode: '33.74' },
  'PUT /api/admin/units/{slug}': { name: 'Dukcapil Kota Semarang', kind: 'dukcapil', regionCode: '33.74', address: null },
  'PUT /api/admin/units/{slug}/services/{service}': { name: 'KTP-el', isPermit: false, sla: { value: 1, unit: 'working_days', startsAt: null }, declaredUsers: 1200 },
  'POST /api/admin/users': { email: 'staf@contoh.go.id', name: 'Staf', role: 'staff', unitSlug: 'dukcapil-semarang', regionCode: null },
  'PATCH /api/admin/users/{id}': { disabled: true },
  'PUT /api/admin/holidays/{date}': { name: 'Hari Kemerdekaan', kind: 'libur_nasional' },
  'POST /api/admin/officials': { nip: '198001012005011001', name: 'Budi', position: 'Kepala Dinas', unitSlug: 'dukcapil-semarang', from: '2025-01-01', to: null },
  'PATCH /api/admin/officials/{id}': { to: '2026-12-31' },
  'PUT /api/admin/targets': { unitSlug: 'dukcapil-semarang', indicator: 'ikm', year: 2026, value: 85 },
  'POST /api/staff/units/{slug}/follow-ups': followUp,
  'PATCH /api/staff/units/{slug}/follow-ups/{id}': { status: 'berjalan', progress: 40 },
  'POST /api/staff/units/{slug}/visit-codes': { count: 50 },
  'POST /api/staff/units/{slug}/kiosks': { name: 'Loket 1' },
  'POST /api/staff/units/{slug}/responses/{id}/replies': { body: 'Terima kasih atas masukannya' },
  'POST /api/staff/units/{slug}/responses/{id}/hide': { reason: 'spam', note: '' },
  'POST /api/staff/units/{slug}/responses/{id}/restore': {},
  'POST /api/webhooks': { url: 'https://hooks.contoh.go.id/rapor', events: ['reply.published', 'evidence.locked'], unit: 'dukcapil-semarang' },
  'PATCH /api/webhooks/{id}': { paused: true },
  'PUT /api/account/notifications': { preferences: { 'unit-digest': 'weekly', 'score-alert': 'off' } },
  'POST /api/admin/notifications/run': { kind: 'weekly-digest', unit: 'dpmptsp-kota-gorontalo' },
};

const app = createApp({ db: undefined as never, now: () => new Date() });
const doc = openApiDocument(app.routes) as { paths: Record<string, Record<string, any>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

function documented(key: string): object | undefined {
  const [method = '', path = ''] = key.split(' ');
  return doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}

/** The route's own parse, with the path parameters it merges in (PUT /admin/units/{slug} parses { ...body, slug }). */
function routeAccepts(key: string, body: Record<string, unknown>): boolean {
  const { schema, fromPath = [] } = REQUEST_BODIES[key]!;
  const merged = { ...body, ...Object.fromEntries(fromPath.map((f) => [f, f === 'code' ? '33.74' : 'a-slug'])) };
  return v.safeParse(schema, merged).success;
}

/** The route's own handler: app.route() wraps a sub-app's handlers in its error handler, keeping the original here. */
function unwrapped(handler: Function): Function {
  const inner = (handler as Function & { __COMPOSED_HANDLER?: Function }).__COMPOSED_HANDLER;
  return inner ? unwrapped(inner) : handler;
}

describe('the request bodies of the OpenAPI document', () => {
  it('has an example for every body the routes parse, and each is accepted by its route', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(REQUEST_BODIES).sort());
    expect(Object.keys(EXAMPLES).filter((k) => !routeAccepts(k, EXAMPLES[k]!))).toEqual([]);
  });

  it('accepts, in the documented JSON Schema, every body the route accepts', () => {
    const refused = Object.entries(EXAMPLES).flatMap(([key, body]) => {
      const schema = documented(key);
      if (!schema) return [`${key}: no documented body`];
      return ajv.validate(schema, body) ? [] : [`${key}: ${ajv.errorsText(ajv.errors)}`];
    });
    expect(refused).toEqual([]);
  });

  it('refuses, in the documented JSON Schema, a body the route refuses for want of a required field', () => {
    const accepted = Object.entries(EXAMPLES).flatMap(([key, body]) => {
      const schema = documented(key);
      if (!schema) return [];
      return Object.keys(body).flatMap((field) => {
        const { [field]: _dropped, ...without } = body;
        return !routeAccepts(key, without) && ajv.validate(schema, without) ? [`${key} without ${field}`] : [];
      });
    });
    expect(accepted).toEqual([]);
  });

  it('documents a body for every route that reads a JSON body', () => {
    // A route reads a body when its handler calls readJsonBody or a helper of the route files that does. The handlers
    // come from the app's own table, so the paths are the mounted ones (docs/decisions/058).
    const files = [...readdirSync('server/routes').map((f) => join('server/routes', f)), 'server/publication/routes.ts'];
    const helpers = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\n\s*(?:async )?function (\w+)[<(][\s\S]*?\n\s*\}/g)].filter((m) => m[0].includes('readJsonBody(')).map((m) => m[1]!));
    const reading = app.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)).flatMap((r) => {
      const handler = String(unwrapped(r.handler));
      const reads = /\breadJsonBody\b/.test(handler) || helpers.some((h) => new RegExp(`\\b${h}\\(c\\b`).test(handler));
      return reads ? [`${r.method} ${r.path.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, '{$1}')}`] : [];
    });
    expect(reading.length).toBeGreaterThan(30);
    expect(reading.filter((key) => !documented(key))).toEqual([]);
  });
});
