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
  'POST /api/auth/password-reset': 'Ask for a password reset link by mail ("Lupa kata sandi?"): the same 202 for every address, known or not; a known, enabled account is mailed a single-use link to /atur-sandi valid 1 hour (throttled per address and per client); also the /lupa-sandi page\'s plain HTML form',
  'POST /api/auth/password': 'Choose a password with the token of an invitation (72 h) or reset (1 h) link, once; ends every session of the account; also the /atur-sandi page\'s plain HTML form',
  'PUT /api/auth/password': 'Change the signed-in account\'s password with the current one (limited like sign-in); ends the account\'s other sessions',
  'POST /api/admin/users': 'Invite an account (admin; audited): no password is taken; the account is mailed a single-use link valid 72 hours to choose its own (answers invitation.expiresAt)',
  'GET /api/tokens': 'The signed-in account’s live API tokens: name, created, expires, last used; never the token (session only, not with a token)',
  'POST /api/tokens': 'Create an API token ({name, expiresAt?, password}: the current password re-authenticates): answers {id, token} once, the token `rpr_…` is stored as its SHA-256 only; at most 20 live per account (session only; audited). Also the account page’s plain HTML form, answered with the page showing the token once',
  'DELETE /api/tokens/{id}': 'Revoke one of the account’s API tokens (session only; audited)',
  'POST /api/tokens/{id}/revoke': 'Revoke one of the account’s API tokens: the account page’s plain HTML form (303 back to /akun), or 204 (session only; audited)',
  'GET /api/account/notifications': 'The signed-in account’s choice per kind of alert or digest (immediately, daily, weekly, off), defaults where it chose none (issue 27 item 3)',
  'PUT /api/account/notifications': 'Change the signed-in account’s choices: {preferences: {kind: frequency}}; kinds of another role or frequencies a kind does not allow are refused (400)',
  'POST /api/account/notifications': 'The plain HTML form of /akun: one field per kind (kind=frequency), answered with 303 back to /akun',
  'GET /api/notifications/unsubscribe': 'A mail’s unsubscribe link opened in a browser: 303 to the confirmation page /berhenti-langganan (changes nothing)',
  'POST /api/notifications/unsubscribe': 'One-click unsubscribe (RFC 8058, List-Unsubscribe=One-Click) with the mail’s signed token (?token=…): turns that kind off for the account, no session needed; 404 for a bad token',
  'POST /api/admin/notifications/run': 'Send a digest now: {kind: weekly-digest|daily-digest, unit?} to every staff account (of the unit) that has not turned it off; answers how many were queued and skipped (admin; audited)',
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
  'GET /api/review/lapor': 'SP4N-LAPOR! hand-offs waiting to be forwarded (3 working days from the hold) or answered by the agency (5 working days from forwarding) in the account’s region, soonest due first, each with its due day and whether it is overdue (dueBy=YYYY-MM-DD narrows); evaluators and admins',
  'GET /api/review/comments/{id}/lapor': 'A held comment’s SP4N-LAPOR! hand-off: the complaint (judul, isi, tanggal kejadian, lokasi, instansi, kategori, anonim, rahasia), as copyable text too, its tracking number, the agency’s answer and what is due; evaluators of the region and admins',
  'GET /api/review/comments/{id}/lapor.json': 'The prepared SP4N-LAPOR! complaint as a JSON file (Content-Disposition: attachment), to file by hand on lapor.go.id (no connector: its API is not public)',
  'POST /api/review/comments/{id}/lapor': 'Prepare (or, until forwarded, prepare again) the SP4N-LAPOR! complaint of a comment held because it alleges misconduct; `{}` takes the draft (anonim and rahasia on); audited',
  'POST /api/review/comments/{id}/lapor/tracking': 'Record LAPOR!’s tracking number of a prepared complaint and the day it was filed (default today); audited',
  'POST /api/review/comments/{id}/lapor/answer': 'Record the agency’s answer on LAPOR! (day and summary) to a forwarded complaint; audited',
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
  'POST /api/webhooks': 'Register a signed webhook endpoint (Standard Webhooks 1.0) for events of a unit, a region or every unit: answers {id, secret}, the whsec_ secret shown once (admin: any unit; evaluator: inside their region, their whole region by default; staff: their own unit, not review.queued). Events: period.closed, reply.published, comment.awaiting_reply, review.queued, followup.overdue, evidence.locked. Deliveries carry webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>, keyed by the base64 after whsec_); retried with the same webhook-id; 410 disables; private addresses refused in production (decision 064)',
  'GET /api/webhooks': 'The account’s webhook endpoints (an administrator: every one), without secrets',
  'PATCH /api/webhooks/{id}': 'Pause ({paused: true}) or resume an endpoint; resuming also lifts a disabling by 410 (audited)',
  'POST /api/webhooks/{id}/rotate': 'A new whsec_ secret, shown once; the old one keeps signing beside it (a second signature) for 24 h (audited)',
  'DELETE /api/webhooks/{id}': 'Delete an endpoint and its delivery log (audited)',
  'GET /api/webhooks/{id}/deliveries': 'The endpoint’s delivery log, newest first: type, tries, last status and error, delivered or failed',
  'POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver': 'Send a delivery again with its own webhook-id, its retry schedule started afresh (audited)',
};

/** The plain HTML forms of the rating and permit pages post here too, for residents without JavaScript (decision 030). */
const FORM_BODIES: Record<string, object> = {
  'POST /api/auth/password-reset': {
    type: 'object',
    description: "The /lupa-sandi page's form fields (email, lang). Answers 303 to /lupa-sandi?terkirim=1 for every address, or the page again (text/html) with the error.",
  },
  'POST /api/auth/password': {
    type: 'object',
    description: "The /atur-sandi page's form fields (token, password, passwordAgain, lang). Answers 303 to /atur-sandi?selesai=1, or the page again (text/html) with the errors.",
  },
  'POST /api/tokens': {
    type: 'object',
    description: "The /akun page's API token form (lang, name, expiresAt, password), judged by the JSON body's schema. Answers the page (text/html, 201) showing the new token once, or the page again with the errors beside the fields.",
  },
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
/** Query parameters of a route that takes others than the period's (which param-less GET routes get by default). */
const QUERY_PARAMS: Record<string, object[]> = {
  'GET /api/review/lapor': [{ name: 'dueBy', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'only hand-offs due on or before this day (overdue ones included)' }],
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** Error answers a route documents beyond the default (each with its code). */
const laporErrors = {
  '400': errorResponse('`validation_failed`: a field is malformed, or a date is in the future or before the step it follows'),
  '403': errorResponse('`forbidden`: the comment’s unit is outside the account’s region'),
  '404': errorResponse('`comment_not_found`: no such commented rating'),
  '409': errorResponse('`lapor_not_misconduct`, `lapor_not_prepared`, `lapor_not_forwarded`, `lapor_already_forwarded` or `lapor_already_answered`: the steps go prepare → tracking number → answer'),
};
const RESPONSES: Record<string, Record<string, object>> = {
  'POST /api/auth/password-reset': {
    '202': { description: 'Accepted, whatever the address (no account enumeration)' },
    '429': errorResponse('`too_many_reset_requests`: 3 an hour per address, 10 an hour per client (Retry-After)'),
  },
  'POST /api/auth/password': {
    '403': errorResponse('`account_disabled`: the link\'s account is disabled'),
    '404': errorResponse('`token_unknown`: no such link'),
    '410': errorResponse('`token_used` or `token_expired`: the link was used already (or another link of the account set the password) or has expired'),
    '429': errorResponse('`too_many_attempts`: 30 tries in 15 minutes per client'),
  },
  'PUT /api/auth/password': {
    '401': errorResponse('`not_signed_in`, or `invalid_credentials`: the current password is not right'),
  },
  'POST /api/admin/users': {
    '400': errorResponse('`password_not_accepted`: the account chooses its own password from the invitation; `validation_failed`'),
    '409': errorResponse('`email_taken`'),
  },
  'GET /api/tokens': { '403': errorResponse('`token_not_allowed`: API tokens are managed with a session, never with a token') },
  'GET /api/review/comments/{id}/lapor': laporErrors,
  'GET /api/review/comments/{id}/lapor.json': laporErrors,
  'POST /api/review/comments/{id}/lapor': laporErrors,
  'POST /api/review/comments/{id}/lapor/tracking': laporErrors,
  'POST /api/review/comments/{id}/lapor/answer': laporErrors,
  'GET /api/evidence/{id}/files/{name}': {
    '401': errorResponse('`not_signed_in`: the files of locked evidence are not public (decision 050)'),
    '403': errorResponse('`evidence_restricted`: the account\'s scope does not cover the lock'),
    '404': errorResponse('`evidence_file_not_found`: no such lock or file'),
  },
};

/** What a GET answers a bearer token that does not work (decision 065); public GETs too: a credential shown must be valid. */
const TOKEN_REFUSALS = {
  '401': errorResponse('With `Authorization: Bearer`: `token_invalid`, `token_revoked`, `token_expired` or `account_disabled` (and WWW-Authenticate: Bearer error="invalid_token"); without: `not_signed_in` where the route needs an account'),
};

export function openApiDocument(routes: { method: string; path: string }[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path.includes('*')) continue;
    // A parameter whose pattern ends in a file extension ("{[a-z0-9-]+\\.pdf}") keeps it: /reports/skm/{slug}.pdf.
    const path = r.path.replace(/:([a-zA-Z]+)(\{[^}]*\})?/g, (_m, name: string, pattern = '') => `{${name}}${/\\(\.[a-z]+)\}$/.exec(pattern)?.[1] ?? ''}`);
    const key = `${r.method} ${path}`;
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const isPrivate = /^\/api\/(staff|admin|exports|reports|integrity|evaluation|review|compliance|tokens)\//.test(path) || path === '/api/tokens' || path === '/api/compliance' || path === '/api/auth/me' || path.startsWith('/api/account/') || (path === '/api/auth/password' && r.method === 'PUT') || path === '/api/evidence/locks' || path === '/api/evidence/{id}/files/{name}' || path.startsWith('/api/webhooks') || (path.startsWith('/api/auth/2fa') && path !== '/api/auth/2fa/verify');
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: SUMMARIES[key] ?? (path.startsWith('/api/admin/') ? 'Administration (admin only)' : path.startsWith('/api/staff/') ? 'Unit workspace (staff of the unit, admin)' : key),
      parameters: [...params, ...(QUERY_PARAMS[key] ?? (r.method === 'GET' && !params.length && path !== '/api/health' && !/^\/api\/(account|notifications)\//.test(path) ? periodParams : []))],
      ...(REQUEST_BODIES[key] ? { requestBody: { required: true, content: {
        'application/json': { schema: requestBodyJsonSchema(REQUEST_BODIES[key]) },
        ...(FORM_BODIES[key] ? { 'application/x-www-form-urlencoded': { schema: FORM_BODIES[key] } } : {}),
      } } } : {}),
      // An API token reads every GET route its account's session may read (decision 065), token management excepted.
      ...(isPrivate ? { security: r.method === 'GET' && !path.startsWith('/api/tokens') ? [{ session: [] }, { apiToken: [] }] : [{ session: [] }] } : {}),
      responses: {
        '200': { description: 'OK' },
        ...(r.method === 'GET' ? TOKEN_REFUSALS : { '403': errorResponse('`token_read_only`: a request with an API token only reads; also `cross_origin_refused` and the route’s own refusals') }),
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
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'rapor_session' },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'rpr_ followed by 43 base64url characters',
          description: 'An API token made on /akun or with POST /api/tokens (docs/decisions/065). `Authorization: Bearer rpr_…` reads every GET (and HEAD) route the token’s account may read, in its scope, exactly as its session would; public GET routes need none, but a token shown must be valid. Any other method with a token answers 403 `token_read_only`; token management answers 403 `token_not_allowed`. A revoked, expired or unknown token, or one whose account is disabled, answers 401 with its code. Every use is audited and sets the token’s last use.',
        },
      },
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
