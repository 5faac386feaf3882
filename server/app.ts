// Composes the route modules into one application. Routes stay thin: validation in core/domain, SQL in db/queries.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './deps.ts';
import { compression } from './middleware/compression.ts';
import { sameOriginGuard } from './middleware/csrf.ts';
import { refuseNulInUrl } from './middleware/url-text.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { apiTokenRoutes } from './routes/api-tokens.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminIntegrityRoutes } from './routes/admin-integrity.ts';
import { formPageTickets, formTicketRoutes } from './routes/form-tickets.ts';
import { authRoutes } from './routes/auth.ts';
import { commentReviewRoutes } from './routes/comment-review.ts';
import { laporRoutes } from './routes/lapor.ts';
import { complianceRoutes } from './routes/compliance.ts';
import { rtlRegisterRoutes } from './routes/rtl-register.ts';
import { twoFactorRoutes } from './routes/two-factor.ts';
import { passwordRoutes } from './routes/password.ts';
import { handleError } from './middleware/errors.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { exportRoutes } from './routes/exports.ts';
import { improvementRoutes } from './routes/improvement.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { reportFileRoutes } from './routes/report-files.ts';
import { reportRoutes } from './routes/reports.ts';
import { healthRoutes } from './routes/health.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { permitRoutes } from './routes/permits.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { regionRoutes } from './routes/regions.ts';
import { scoreRoutes } from './routes/scores.ts';
import { searchRoutes } from './routes/search.ts';
import { staffRoutes } from './routes/staff.ts';
import { staffToolRoutes } from './routes/staff-tools.ts';
import { unitPublicRoutes } from './routes/unit-public.ts';
import { unitRoutes } from './routes/units.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { evidencePageLimit } from './middleware/evidence-page-limit.ts';
import { openApiDocument } from './openapi.ts';
import { publicationApiRoutes, publicationPageHeaders } from './publication/routes.ts';
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from './security-headers.ts';
import { sitePageNotFound, siteRoutes } from './site.ts';
import { clientDir } from './astro-pages.ts';

export function createApp(deps: AppDeps) {
  // A module serving more than one resource answers a sub-app per resource.
  const scores = scoreRoutes(deps);
  const permits = permitRoutes(deps);
  const publication = publicationApiRoutes(deps);
  const rtlRegister = rtlRegisterRoutes(deps);
  const adminIntegrity = adminIntegrityRoutes(deps);
  const compliance = complianceRoutes(deps);
  const evaluation = evaluationRoutes(deps);
  const openData = openDataRoutes(deps);
  const notifications = notificationRoutes(deps);
  // Each module is mounted at the resource it serves, its paths relative to it (docs/decisions/058). Within a resource
  // the order is the order a request meets them: the admin guard (admin.ts) before every other /admin route, the
  // report's PDF before the report's data. tests/api/route-table.test.ts holds the table.
  const api = new Hono<AppEnv>()
    .use('*', refuseNulInUrl())
    .use('*', sameOriginGuard(deps.trustProxy))
    .use('*', sessionMiddleware(deps))
    .route('/', healthRoutes(deps)) // /health and /meta: the server's own state
    .route('/auth', authRoutes(deps))
    .route('/auth', twoFactorRoutes(deps))
    .route('/auth', passwordRoutes(deps))
    .route('/tokens', apiTokenRoutes(deps))
    .route('/regions', regionRoutes(deps))
    .route('/units', unitRoutes(deps))
    .route('/units', formTicketRoutes(deps))
    .route('/units', ratingRoutes(deps))
    .route('/units', scores.units)
    .route('/units', unitPublicRoutes(deps))
    .route('/units', permits.units)
    .route('/units', publication.units)
    .route('/units', rtlRegister.units)
    .route('/receipts', receiptRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/scoreboard', scores.scoreboard)
    .route('/permit-times', permits.permitTimes)
    .route('/holidays', permits.holidays)
    .route('/improvement', improvementRoutes(deps))
    .route('/privacy-contact', adminIntegrity.privacyContact)
    .route('/staff', staffRoutes(deps))
    .route('/staff', staffToolRoutes(deps))
    .route('/staff', publication.staff)
    .route('/staff', rtlRegister.staff)
    .route('/admin', adminRoutes(deps)) // first: its guard covers the /admin routes after it
    .route('/admin', adminIntegrity.admin)
    .route('/admin', publication.admin)
    .route('/admin', compliance.admin)
    .route('/admin', notifications.admin)
    .route('/account', notifications.account)
    .route('/notifications', notifications.unsubscribe)
    .route('/integrity', evaluation.integrity)
    .route('/evaluation', evaluation.evaluation)
    .route('/review', commentReviewRoutes(deps))
    .route('/review', laporRoutes(deps))
    .route('/exports', exportRoutes(deps))
    .route('/reports', reportFileRoutes(deps)) // before reportRoutes: /reports/skm/{slug}.pdf is not a slug
    .route('/reports', reportRoutes(deps))
    .route('/evidence', evidenceRoutes(deps))
    .route('/compliance', compliance.compliance)
    .route('/open-data', openData.openData)
    .route('/catalog.jsonld', openData.catalog)
    .route('/webhooks', webhookRoutes(deps));
  api.onError(handleError);

  const app = new Hono();
  app.use('*', compression());
  app.use('*', securityHeaders({ csp: contentSecurityPolicy(deps.distDir ? inlineScriptHashes(clientDir(deps.distDir)) : []), trustProxy: deps.trustProxy }));
  app.use('/api/*', async (c, next) => {
    await next();
    // Answers are private and live unless a route says otherwise (the public badge is cacheable).
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.route('/api', api);
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app.routes), 200));
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` } }, 404));
  if (deps.distDir) {
    // The verification pages of locked evidence (docs/decisions/026) and the publication kit's pages (034) are Astro
    // pages rendered on demand (054); in front of them only the verification's rate limit and the screen script's cache.
    for (const path of ['/bukti/:id', '/en/bukti/:id']) app.use(path, evidencePageLimit(deps));
    app.route('/', publicationPageHeaders());
    app.use('*', formPageTickets(deps));
    // The pages show what the API answers, asked inside this process (docs/decisions/030).
    app.route('/', siteRoutes(deps));
    app.notFound(sitePageNotFound({ ...deps, distDir: deps.distDir }));
  }
  app.onError(handleError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
