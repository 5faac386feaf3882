// `npm start`: builds the site if it is missing, opens and migrates the database (data/demo.db in demo mode,
// data/rapor.db in production, unless DATABASE_URL names one), seeds the demo world into an empty database in demo
// mode or refuses a live start on a database holding demo accounts (server/startup.ts), and serves the site and the
// API from one process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import { connect, openReader } from '../db/connect.ts';
import { configureGroupCommit } from '../db/group-commit.ts';
import { purgeAbuseData } from '../db/queries/integrity.ts';
import { purgeSentMail } from '../db/queries/outbox.ts';
import { purgeReplySubscriptions } from '../db/queries/reply-subscriptions.ts';
import { purgeExpiredSessions } from '../db/queries/sessions.ts';
import { purgeAccountTokens } from '../db/queries/account-tokens.ts';
import { purgeSignInData } from '../db/queries/two-factor.ts';
import { KNOWN_DEVICE_MS } from '../core/domain/two-factor.ts';
import { createApp } from './app.ts';
import { clientDir } from './astro-pages.ts';
import { answerClientErrors, gateBodies, MAX_CONNECTIONS, SERVER_TIMEOUTS } from './body-gate.ts';
import { EnvError, readEnv } from './env.ts';
import { startNotificationScheduler } from './jobs/notifications.ts';
import { startOutboxWorker } from './jobs/outbox.ts';
import { startWebhookWorker } from './jobs/webhooks.ts';
import { startTimedEventJob } from './jobs/webhook-events.ts';
import { webhookSecretBox } from './webhooks/secrets.ts';
import { RETRY_SCHEDULE_MS } from '../core/domain/webhooks.ts';
import { purgeOldDeliveries } from '../db/queries/webhooks.ts';
import { createMailTransport } from './mail/transport.ts';
import { prepareDatabase, StartRefused } from './startup.ts';

/** Sent mail stays in the outbox this long (for support questions), then goes with the hourly purge. */
const SENT_MAIL_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

async function main(): Promise<void> {
  const env = readEnv();
  const conn = connect(env.databaseUrl);
  const started = Date.now();
  const s = await prepareDatabase(conn, env).catch(async (error: unknown) => {
    await conn.close();
    throw error;
  });
  if (s) {
    console.log(
      `[rapor] Data demo: ${s.regions} wilayah, ${s.units} unit, ${s.services} layanan, ${s.responses} penilaian ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  }
  if (!existsSync(join(clientDir(env.distDir), 'index.html'))) {
    // The build runs in its own process: it needs far more memory than the server is given (docs/decisions/015).
    console.log('[rapor] Membangun situs (pertama kali)… / building the site (first run)…');
    const build = spawnSync(join('node_modules', '.bin', 'astro'), ['build', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '', ASTRO_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) throw new Error(`the site build failed (exit ${build.status}); run "npm run build" to see why`);
  }
  // One batch at a time on SQLite's single writer; on PostgreSQL a few commit in parallel (docs/decisions/035).
  // On SQLite the WAL's sync and its checkpoints leave the request thread; a success still waits for the sync
  // (docs/decisions/041).
  const checkpoints = conn.checkpointOffThread?.();
  const syncWal = conn.syncWal;
  const durable = syncWal && (() => {
    checkpoints?.wrote();
    return syncWal();
  });
  configureGroupCommit(conn.db, { maxBatch: env.writeBatch, concurrency: conn.dialect === 'postgres' ? 4 : 1, durable });
  const reader = openReader(conn);
  const app = createApp({
    db: conn.db, readDb: reader?.db, now: () => new Date(), distDir: env.distDir, trustProxy: env.trustProxy,
    publicUrl: env.publicUrl, mailBaseUrl: env.publicUrl ?? `http://localhost:${env.port}`, demo: env.demo, asnThresholds: env.asnThresholds, requireAdminTwoFactor: env.production,
    webhookKey: env.webhooks.key, refuseNonPublicWebhooks: env.production,
  });
  // Mail leaves only through the outbox (docs/decisions/060): the worker sends what was committed, also what an
  // earlier process left unsent.
  const transport = createMailTransport(env.mail);
  const outbox = startOutboxWorker({
    db: conn.db, transport, now: () => new Date(), pollMs: env.mail.pollMs, leaseMs: env.mail.leaseMs, firstRetryMs: env.mail.firstRetryMs,
  });
  // Webhook deliveries leave only through their outbox too (docs/decisions/064).
  const webhooks = startWebhookWorker({
    db: conn.db, secrets: webhookSecretBox(conn.db, env.webhooks.key), now: () => new Date(), pollMs: env.webhooks.pollMs,
    refuseNonPublic: env.production, retryScale: env.webhooks.firstRetryMs / RETRY_SCHEDULE_MS[0],
  });
  const timedEvents = startTimedEventJob(conn.db, { publicUrl: env.publicUrl, mailBaseUrl: env.publicUrl ?? `http://localhost:${env.port}` }, env.webhooks.scanMs, () => new Date());
  if (env.production && !env.webhooks.key) {
    console.log('[rapor] Webhook: tanpa RAPOR_WEBHOOK_KEY rahasia webhook disegel dengan kunci di basis data / no RAPOR_WEBHOOK_KEY: webhook secrets are sealed with a key kept in the database itself (set it: docs/decisions/064).');
  }
  // Digests due at 07:00 in each account's region's zone (decision 062); its only state is in the database.
  const digests = startNotificationScheduler({
    db: conn.db, now: () => new Date(), publicUrl: env.publicUrl, mailBaseUrl: env.publicUrl ?? `http://localhost:${env.port}`, pollMs: env.mail.digestPollMs,
  });
  // overrideGlobalObjects: false keeps the platform's own Response, as app.request() and every in-process test use:
  // @hono/node-server's faster stand-in keeps header changes made through `res.headers` apart from the headers it was
  // built with and drops them when anything later reads the body (Hono's c.header(), compression), which sent pages
  // without their security headers (issue 24 F5).
  // Bodies in flight are bounded before a request enters the app, headers and whole requests have deadlines, and the
  // connections are capped (issue 24 F1, docs/decisions/042).
  const server = serve({
    fetch: app.fetch, port: env.port, hostname: env.host, overrideGlobalObjects: false,
    serverOptions: SERVER_TIMEOUTS,
    createServer: (options: object, listener: Parameters<typeof gateBodies>[0]) => createServer(options, gateBodies(listener, { trustProxy: env.trustProxy }).listener),
  } as Parameters<typeof serve>[0], (info) => {
    console.log(`[rapor] Database: ${conn.dialect} (${conn.location})`);
    console.log(`[rapor] Proxy: ${env.trustProxy ? `trusted ${env.trustProxy.setting} (client = first untrusted X-Forwarded-For hop from the right)` : 'none trusted (client = socket peer)'}`);
    console.log(
      env.mail.smtpUrl
        ? `[rapor] Surel / mail: ${transport.description}, from ${env.mail.from}`
        : `[rapor] Surel / mail: tanpa RAPOR_SMTP_URL tidak ada surel yang dikirim; setiap surel ditulis sebagai berkas .eml di / no RAPOR_SMTP_URL: no mail is sent, each is written as an .eml file in ${env.mail.dir}`,
    );
    console.log(`[rapor] Portal berjalan di / running at http://localhost:${info.port}/`);
  });
  (server as Server).maxConnections = MAX_CONNECTIONS;
  answerClientErrors(server as Server);
  // Retention (DOMAIN.md §9): address hashes, old salts, throttle events, expired sessions and pending sign-ins,
  // devices unused for 90 days, mail sent more than 30 days ago, and residents' addresses left for a reply more than 90
  // days ago (decision 063), hourly.
  const purge = async () => {
    const at = new Date();
    const result = await purgeAbuseData(conn.db, at);
    const sessions = await purgeExpiredSessions(conn.db, at);
    await purgeSignInData(conn.db, at, KNOWN_DEVICE_MS);
    await purgeSentMail(conn.db, new Date(at.getTime() - SENT_MAIL_KEPT_MS));
    await purgeOldDeliveries(conn.db, new Date(at.getTime() - SENT_MAIL_KEPT_MS));
    // Mail links a week past their expiry (until then a click is told "used" or "expired", not "unknown").
    await purgeAccountTokens(conn.db, new Date(at.getTime() - 7 * 24 * 60 * 60 * 1000));
    await purgeReplySubscriptions(conn.db, at);
    if (result.addressHashesCleared || sessions) console.log(`[rapor] Retensi / retention: ${result.addressHashesCleared} address hashes cleared, ${sessions} sessions ended.`);
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().catch((e: unknown) => console.error('[rapor] retention purge failed:', e)), 60 * 60 * 1000);
  purgeTimer.unref();
  const stop = () => {
    clearInterval(purgeTimer);
    server.close();
    void reader?.close();
    void digests.stop()
      .then(() => Promise.all([outbox.stop(), webhooks.stop(), timedEvents.stop()]))
      .then(() => checkpoints?.stop())
      .then(() => conn.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(`[rapor] Konfigurasi salah / bad configuration: ${error.message}`);
  else if (error instanceof StartRefused) console.error(`[rapor] Tidak dimulai / not started: ${error.message}`);
  else console.error('[rapor] Gagal memulai / failed to start:', error);
  process.exit(1);
});
