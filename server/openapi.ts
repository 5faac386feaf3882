// GET /api/openapi.json: an OpenAPI 3.1 document of every route, built from the router itself so it cannot miss one.
// Summaries are written here; the request bodies are generated from the routes' own valibot schemas (request-bodies.ts,
// decision 056); everything else says what it is.
import { REQUEST_BODIES, requestBodyJsonSchema } from './request-bodies.ts';

const SUMMARIES: Record<string, string> = {
  'GET /api/health': 'Health of the server and its database (503 when the database does not answer)',
  'GET /api/meta': 'Whether this portal runs in demo mode',
  'GET /api/privacy-contact': 'The data-protection contact an administrator set for the privacy page (null when none)',
  'GET /api/regions': 'Regions with their time zones and parents',
  'GET /api/units': 'Units, searchable by name, region (with sub-regions) and kind; paginated',
  'GET /api/search': 'Units by the words residents use (names, kinds, services, regions, everyday words such as ktp or rumah sakit; typos forgiven), best first, each with this year’s IKM and grade (q required; region narrows; limit ≤ 50)',
  'GET /api/units/{slug}': 'One unit with its services and their service standards',
  'POST /api/units/{slug}/ratings': "Submit an SKM rating (idempotent by key); also the rating page's plain HTML form",
  'POST /api/units/{slug}/permit-reports': "Report a permit's processing time (idempotent by key); also the permit page's plain HTML form",
  'POST /api/receipts/{receipt}/subscribe': "Leave an email address to be told once when the unit replies to the rating's comment (404 receipt_not_found, 400 validation_failed, 409 reply_not_possible, 429 too_many_requests per client); kept apart from the rating, deleted once the reply mail is queued or after 90 days; also the receipt page's plain HTML form (303 to the receipt)",
  'GET /api/units/{slug}/scores': 'IKM, grade, interval, elements, services and trend for a period',
  'GET /api/units/{slug}/permit-times': 'Permit processing times per permit service for a period',
  'GET /api/units/{slug}/comments': 'Public, redacted comments with the unit’s replies; paginated',
  'GET /api/units/{slug}/follow-ups': 'The unit’s follow-up plan items',
  'GET /api/units/{slug}/badge.svg': 'An SVG badge "IKM 91,67 · A · 2026-Q3 · 1.124 responden" for a website (latest closed quarter, or period=…; lang=id|en); cacheable, embeddable cross-origin; logged as a website publication',
  'GET /api/admin/units/{slug}/frame-origins': 'The origins allowed to frame the unit’s widget /widget/{slug} (admin)',
  'PUT /api/admin/units/{slug}/frame-origins': 'Replace the origins allowed to frame the unit’s widget: https://host[:port] each, at most 20 (admin; audited)',
  'GET /api/staff/units/{slug}/poster.pdf': 'The one-page A4 results poster (PDF: IKM, grade, nine elements, follow-up items under way, QR code to rate) for the latest closed quarter or period=… (lang=id|en; staff of the unit, admin); logged as a print publication',
  'POST /api/staff/units/{slug}/responses/{id}/replies': 'Publish the unit’s reply to a comment (staff of the unit, admin); a resident who left an address on the receipt is mailed once, in the same transaction, and the address is deleted',
  'GET /api/scoreboard': 'Units ranked by shrunk IKM, and those with too little data',
  'GET /api/permit-times': 'Permit times of every permit service in a region',
  'GET /api/improvement': 'Units ranked by improvement against the previous period',
  'GET /api/holidays': 'The holiday calendar',
  'GET /api/openapi.json': 'This document',
  'POST /api/auth/login': 'Sign in (session cookie)',
  'POST /api/auth/logout': 'Sign out',
  'GET /api/auth/me': 'The signed-in account',
  'GET /api/auth/2fa': 'Whether two-factor sign-in is available, required and on for the signed-in account',
  'POST /api/auth/2fa/setup': 'Start enrolling an authenticator app with the current password: a new secret, its otpauth:// URI and a QR code (SVG)',
  'POST /api/auth/2fa/enable': 'Confirm enrolment with a code and the current password; answers ten single-use recovery codes, once',
  'POST /api/auth/2fa/verify': 'Second step of signing in: a code (or a recovery code) for the pending sign-in (session cookie)',
  'POST /api/auth/2fa/disable': 'Turn two-factor sign-in off with the password or a current code',
  'GET /api/exports/{file}': 'Export a dataset: {responses|permit-reports|scores|asn-evidence}.{csv|xlsx|ndjson}',
  'GET /api/reports/skm/{slug}': 'Data of the printable SKM report of a unit',
  'GET /api/reports/skm/{slug}.pdf': 'The SKM report of a unit as a PDF (lang=id|en), as filed: chapters, sample, results with charts, analysis, follow-up plans, sign-off (evaluator of the region, admin, staff of the unit)',
  'GET /api/reports/skm.zip': 'The SKM report PDFs of every unit in the account’s scope (region=… narrows it; lang=id|en) as one ZIP (evaluator, admin)',
  'GET /api/integrity/excluded': 'Excluded ratings per unit and reason, and who moderated what (waiting, excluded, restored, lifted), within the account’s scope',
  'GET /api/evaluation/moderation-requests': 'Staff moderation requests on closed quarters (status pending|decided|all), within the account’s scope (evaluator, admin)',
  'POST /api/evaluation/moderation-requests/{id}/approve': 'Approve a waiting moderation request, with a reason: it takes effect (evaluator of the region, admin)',
  'POST /api/evaluation/moderation-requests/{id}/reject': 'Reject a waiting moderation request, with a reason (evaluator of the region, admin)',
  'POST /api/evaluation/responses/{id}/lift': 'Put an excluded rating back into the score, with a written reason (evaluator of the region, admin)',
  'GET /api/evaluation/held-back': 'Ratings and permit reports held back beyond their address’s share of a unit’s period, and each unit’s busiest address share (evaluator, admin)',
  'POST /api/evaluation/permit-reports/{id}/lift': 'Make a held-back permit report count, with a written reason (evaluator of the region, admin)',
  'GET /api/review/comments': 'Comments waiting for review (or reviewed) in the account’s region: evaluators and admins; paginated',
  'POST /api/review/comments/{id}': 'Publish or withhold a comment that names a person or alleges misconduct (audited)',
  'POST /api/evidence/locks': 'Lock a period’s evidence for a unit, a region or the account’s whole scope: an immutable snapshot (ASN evidence CSV, scores CSV, SKM report data per unit) with a SHA-256 of each; locking again adds a version (evaluator of the region, admin; audited)',
  'GET /api/evidence/locks/{id}': 'A locked evidence snapshot (public): its files and hashes, who locked it and when, every version, and whether the live figures have changed since (which files)',
  'GET /api/compliance': 'Compliance board of a year (year=…, region=…; format=json|csv|xlsx, sep=comma|semicolon): per unit, quarters surveyed with an adequate sample, publication media, RTL planned/done/share/median days, scored by the ZI and PEKPPP scales, with evidence links (evaluators: their region; staff: their unit; admin: all)',
  'GET /api/compliance/pack': 'Evidence pack of a unit and year (unit=…, year=…): a ZIP with the locked SKM reports, the RTL register with its evidence files, the publication log, posters when available, and manifest.json with each file’s SHA-256',
  'GET /api/admin/compliance-thresholds': 'The compliance board’s scale rows (item, op, bound, score) (admin)',
  'PUT /api/admin/compliance-thresholds': 'Replace the scale rows of each item named, validated against the item’s scale (admin; audited)',
  'POST /api/staff/units/{slug}/follow-ups/{id}/evidence': 'Upload evidence for a follow-up item: multipart/form-data field "file", a PDF or an image (PNG, JPEG, WebP) checked by its bytes, at most 5 MB; stored with its SHA-256',
  'GET /api/units/{slug}/follow-ups/{id}/evidence/{fileId}': 'Download an evidence file of a follow-up item (public), with X-Content-SHA256',
  'POST /api/staff/units/{slug}/publications': 'Record by hand a medium the unit published its results on, with an evidence link (source manual)',
  'GET /api/staff/units/{slug}/publications': 'The unit’s publication log of a year (year=…)',
  'GET /api/evidence/{id}/files/{name}': 'Download a file of a locked evidence snapshot, as stored; its SHA-256 in X-Content-SHA256 and Repr-Digest. The files are exact at any n, so only an administrator, an evaluator whose region covers the lock, or the unit\'s staff for a lock of their unit may download them (decision 050); the public verification page shows every hash',
  'GET /api/open-data/{period}/datapackage.json': 'Open data (public): the Frictionless Tabular Data Package of a closed quarter (2026-Q3) or year (2026), every column typed and explained; aggregates only',
  'GET /api/open-data/{period}/scores.csv': 'Open data (public): a row per unit for a closed quarter or year: IKM, 95 % interval, grade, the nine element averages, sample target, BPS and Kemendagri region codes',
  'GET /api/catalog.jsonld': 'Open data (public): the DCAT catalogue (JSON-LD) of every published period, for CKAN and other harvesters',
};

/** The plain HTML forms of the rating and permit pages post here too, for residents without JavaScript (decision 030). */
const FORM_BODIES: Record<string, object> = {
  'POST /api/units/{slug}/ratings': {
    type: 'object',
    description: "The /nilai page's form fields (idempotencyKey, lang, channel, service, U1…U9, gender, age, education, occupation, comment, visitCode, website), judged by the JSON body's schema. Answers 303 to /tanda-terima/{receipt}, or the page again (text/html) with the errors beside the fields.",
  },
  'POST /api/units/{slug}/permit-reports': {
    type: 'object',
    description: "The /izin page's form fields (idempotencyKey, lang, service, submittedOn, selesai = yes|no, completedOn, website), judged by the JSON body's schema. Answers 303 to the report's result page, or the page again (text/html) with the errors beside the fields.",
  },
};

const periodParams = ['period', 'from', 'to'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** Error answers a route documents beyond the default (each with its code). */
const RESPONSES: Record<string, Record<string, object>> = {
  'GET /api/evidence/{id}/files/{name}': {
    '401': errorResponse('`not_signed_in`: the files of locked evidence are not public (decision 050)'),
    '403': errorResponse('`evidence_restricted`: the account\'s scope does not cover the lock'),
    '404': errorResponse('`evidence_file_not_found`: no such lock or file'),
  },
};

export function openApiDocument(routes: { method: string; path: string }[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path.includes('*')) continue;
    // A parameter whose pattern ends in a file extension ("{[a-z0-9-]+\\.pdf}") keeps it: /reports/skm/{slug}.pdf.
    const path = r.path.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, (_m, name: string, pattern = '') => `{${name}}${/\\(\.[a-z]+)\}$/.exec(pattern)?.[1] ?? ''}`);
    const key = `${r.method} ${path}`;
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const isPrivate = /^\/api\/(staff|admin|exports|reports|integrity|evaluation|review|compliance)\//.test(path) || path === '/api/compliance' || path === '/api/auth/me' || path === '/api/evidence/locks' || path === '/api/evidence/{id}/files/{name}' || (path.startsWith('/api/auth/2fa') && path !== '/api/auth/2fa/verify');
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: SUMMARIES[key] ?? (path.startsWith('/api/admin/') ? 'Administration (admin only)' : path.startsWith('/api/staff/') ? 'Unit workspace (staff of the unit, admin)' : key),
      parameters: [...params, ...(r.method === 'GET' && !params.length && path !== '/api/health' ? periodParams : [])],
      ...(REQUEST_BODIES[key] ? { requestBody: { required: true, content: {
        'application/json': { schema: requestBodyJsonSchema(REQUEST_BODIES[key]) },
        ...(FORM_BODIES[key] ? { 'application/x-www-form-urlencoded': { schema: FORM_BODIES[key] } } : {}),
      } } } : {}),
      ...(isPrivate ? { security: [{ session: [] }] } : {}),
      responses: {
        '200': { description: 'OK' },
        ...RESPONSES[key],
        default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Rapor API', version: '1', description: 'Public-service ratings (SKM, PermenPANRB 14/2017). The fixed parts follow the HTTP contract v1.' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rapor_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } } } },
        },
      },
    },
  };
}
