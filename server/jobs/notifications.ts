// Digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md). `sendUnitDigests` queues the unit
// staff's digest: on schedule, each account whose next window is due (07:00 in its region's zone; daily or weekly as
// it chose), or now for an administrator (the run route, `npm run notify`). Each mail is queued in the transaction
// that claims its window (digest_window_to), so a window is sent once whatever restarts or other processes do; the
// scheduler's only state is that column. The figures come from server/views/unit-digest.ts (the scores route's own).
import { addLocalDays, dueDigestWindow, immediateDigestWindow, isNewlyOverdue, KIND_RULES, OVERDUE_ALERT_DAYS, WAIT_ALERT_LOOKBACK_DAYS, WAIT_ALERT_WORKING_DAYS, waitedTooLong, type DigestRunKind, type DigestWindow, type Frequency, type NotificationKind } from '../../core/domain/notifications.ts';
import { composeMail, mailLink, type MailBlock } from '../../core/domain/mail.ts';
import { fmtDate } from '../../core/i18n/format.ts';
import { digestWords } from '../../core/i18n/i18n-mail-digests.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { workingDaysBetween } from '../../core/domain/working-days.ts';
import { unsubscribeToken } from '../../core/domain/unsubscribe-token.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { laporHandoffsDue } from '../../db/queries/lapor.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { alertsSent, claimDigestWindow, evaluatorRecipients, overdueFollowUpAlerts, pendingReviewAlerts, recordAlert, staffDigestRecipients, unansweredCommentAlerts, unitRegionsBySlug, unsubscribeSecret } from '../../db/queries/notifications.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import type { AppDeps } from '../deps.ts';
import { unitDigestMail } from '../mail/digest.ts';
import { mailBase, queueMail } from '../mail/queue.ts';
import { freshUnsubscribeSecret } from '../views/notification-preferences.ts';
import { unitDigest, type UnitDigest } from '../views/unit-digest.ts';

export { DIGEST_RUN_KINDS, type DigestRunKind } from '../../core/domain/notifications.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'publicUrl' | 'mailBaseUrl'>;

export interface DigestRun {
  /** Mails queued, and accounts passed over (turned off, or their window already sent). */
  queued: number;
  skipped: number;
}

/**
 * Queues unit digests. `scheduled`: each staff account's next due window by its own frequency. `now`: the given
 * cadence for every staff account (of one unit) that has not turned the digest off, covering the last 7 days (or 1)
 * up to yesterday; the account's next scheduled window then starts after it.
 */
/**
 * A pass of the scheduler runs beside the requests in the same process. Queries on SQLite run synchronously, and a chain
 * of awaits on them never gives the event loop a turn, so each recipient waits for a turn first: a request that
 * arrived meanwhile (a health check, a rating) is answered before the next unit's figures are read.
 */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function sendUnitDigests(deps: Deps, run: { mode: 'scheduled' } | { mode: 'now'; kind: DigestRunKind; unit?: string }): Promise<DigestRun> {
  const { db } = deps;
  const now = deps.now();
  const kind = 'unit-digest';
  const recipients = await staffDigestRecipients(db, kind, run.mode === 'now' ? run.unit : undefined);
  const secret = await unsubscribeSecret(db, freshUnsubscribeSecret, now);
  const base = mailBase(deps);
  const digests = new Map<string, Promise<UnitDigest | undefined>>();
  const digestOf = (slug: string, window: DigestWindow) => {
    const key = `${slug} ${window.from} ${window.to}`;
    if (!digests.has(key)) {
      digests.set(key, findUnitBySlug(db, slug).then((unit) => (unit ? unitDigest(db, unit, window, now) : undefined)));
    }
    return digests.get(key)!;
  };
  let queued = 0;
  let skipped = 0;
  for (const r of recipients) {
    const frequency = (r.frequency ?? KIND_RULES[kind].defaults) as Frequency;
    const tz = isTimeZone(r.timezone) ? r.timezone : 'Asia/Jakarta';
    let window: DigestWindow | null;
    let cadence: 'weekly' | 'daily';
    if (run.mode === 'scheduled') {
      window = dueDigestWindow(frequency, r.windowTo, tz, now);
      cadence = frequency === 'daily' ? 'daily' : 'weekly';
    } else {
      cadence = run.kind === 'daily-digest' ? 'daily' : 'weekly';
      window = frequency === 'off' ? null : immediateDigestWindow(cadence === 'daily' ? 1 : 7, tz, now);
    }
    if (!window || !r.unitSlug) {
      skipped++;
      continue;
    }
    // A unit's figures are read synchronously on SQLite: let waiting requests in between two recipients.
    await yieldToRequests();
    const digest = await digestOf(r.unitSlug, window);
    if (!digest) {
      skipped++;
      continue;
    }
    const mail = unitDigestMail(digest, { lang: 'id', base, cadence, unsubscribeToken: unsubscribeToken(secret, r.userId, kind) });
    const claimedTo = r.windowTo !== null && r.windowTo > window.to ? r.windowTo : window.to;
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claimDigestWindow(trx, r.userId, kind, frequency, r.windowTo, claimedTo, now))) return false;
      await queueMail(trx, deps, { kind: cadence === 'daily' ? 'daily-digest' : 'weekly-digest', recipient: r.email, language: 'id' }, mail);
      return true;
    });
    if (sent) queued++;
    else skipped++;
  }
  return { queued, skipped };
}

/** What every alert of one pass shares: the clock, the unsubscribe secret and the links' base. */
interface AlertPass { deps: Deps; now: Date; secret: string; base: string }

async function alertPass(deps: Deps): Promise<AlertPass> {
  const now = deps.now();
  return { deps, now, secret: await unsubscribeSecret(deps.db, freshUnsubscribeSecret, now), base: mailBase(deps) };
}

/**
 * Queues one alert mail, once: recorded in notification_alerts_sent (`subjectKey`: what it is about) in the transaction
 * that queues the mail, with the kind's one-click unsubscribe and the preferences link. False when it was sent before.
 */
async function queueAlertOnce(
  pass: AlertPass,
  to: { userId: string; email: string; kind: NotificationKind; subjectKey: string },
  content: { subject: string; blocks: MailBlock[]; reason: string },
): Promise<boolean> {
  const { deps, now, secret, base } = pass;
  const lang = 'id' as const;
  const mail = composeMail({
    language: lang,
    ...content,
    unsubscribeUrl: mailLink(base, '/api/notifications/unsubscribe', { token: unsubscribeToken(secret, to.userId, to.kind) }),
    preferencesUrl: mailLink(base, '/akun'),
  });
  return deps.db.transaction().execute(async (trx) => {
    if (!(await recordAlert(trx, to.userId, to.kind, to.subjectKey, now))) return false;
    await queueMail(trx, deps, { kind: to.kind, recipient: to.email, language: lang }, mail);
    return true;
  });
}

/**
 * Alerts unit staff once per follow-up item that became overdue (in the last OVERDUE_ALERT_DAYS days, by the unit's
 * own date), for accounts that chose "immediately" (the default). Each alert is recorded in notification_alerts_sent
 * in the transaction that queues it, so it goes once whatever restarts or other processes do. Daily and weekly
 * bundles of alerts are not built yet: those accounts see the items in their digest.
 */
export async function sendFollowUpAlerts(deps: Deps): Promise<DigestRun> {
  const { db } = deps;
  const now = deps.now();
  const kind = 'followup-overdue';
  // The widest span of local dates across Indonesia's zones; each row is then judged by its unit's own today.
  const rows = await overdueFollowUpAlerts(db, addLocalDays(todayIn('Asia/Jakarta', now), -OVERDUE_ALERT_DAYS), todayIn('Asia/Jayapura', now));
  if (!rows.length) return { queued: 0, skipped: 0 };
  const pass = await alertPass(deps);
  let queued = 0;
  let skipped = 0;
  for (const r of rows) {
    await yieldToRequests();
    const frequency = (r.frequency ?? KIND_RULES[kind].defaults) as Frequency;
    const today = todayIn(isTimeZone(r.timezone) ? r.timezone : 'Asia/Jakarta', now);
    if (frequency !== 'immediately' || !isNewlyOverdue(r.dueDate, today)) {
      skipped++;
      continue;
    }
    const lang = 'id' as const;
    const w = digestWords[lang];
    const sent = await queueAlertOnce(pass, { userId: r.userId, email: r.email, kind, subjectKey: r.followUpId }, {
      subject: w.overdueSubject(r.unitName),
      blocks: [
        { kind: 'paragraph', text: w.overdueText(r.problem, fmtDate(lang, r.dueDate)) },
        { kind: 'action', label: w.overdueAction, url: mailLink(pass.base, '/dasbor') },
      ],
      reason: w.reasonDigest(r.unitName),
    });
    if (sent) queued++;
    else skipped++;
  }
  return { queued, skipped };
}

/**
 * Alerts unit staff once per public comment that has waited for a reply more than 3 working days (weekends and the
 * holiday calendar not counted, by the unit's own date; comments of the last WAIT_ALERT_LOOKBACK_DAYS days), for
 * accounts that chose "immediately" — the followup-overdue pattern: recorded in notification_alerts_sent in the
 * transaction that queues the mail. The mail names the date and the wait, never the comment's text.
 */
export async function sendReplyOverdueAlerts(deps: Deps): Promise<DigestRun> {
  const { db } = deps;
  const now = deps.now();
  const kind = 'reply-overdue';
  // The widest span of local dates across Indonesia's zones (more than 3 working days is at least 4 calendar days).
  const from = addLocalDays(todayIn('Asia/Jakarta', now), -WAIT_ALERT_LOOKBACK_DAYS);
  const latest = todayIn('Asia/Jayapura', now);
  const rows = await unansweredCommentAlerts(db, from, addLocalDays(latest, -WAIT_ALERT_WORKING_DAYS));
  if (!rows.length) return { queued: 0, skipped: 0 };
  const holidays = await holidaySet(db, from, latest);
  const pass = await alertPass(deps);
  let queued = 0;
  let skipped = 0;
  for (const r of rows) {
    const frequency = (r.frequency ?? KIND_RULES[kind].defaults) as Frequency;
    const today = todayIn(isTimeZone(r.timezone) ? r.timezone : 'Asia/Jakarta', now);
    if (frequency !== 'immediately' || !waitedTooLong(r.localDate, today, holidays)) {
      skipped++;
      continue;
    }
    const lang = 'id' as const;
    const w = digestWords[lang];
    const sent = await queueAlertOnce(pass, { userId: r.userId, email: r.email, kind, subjectKey: r.responseId }, {
      subject: w.replySubject(r.unitName),
      blocks: [
        { kind: 'paragraph', text: w.replyText(fmtDate(lang, r.localDate), workingDaysBetween(r.localDate, today, holidays)) },
        { kind: 'action', label: w.replyAction, url: mailLink(pass.base, '/dasbor') },
      ],
      reason: w.reasonDigest(r.unitName),
    });
    if (sent) queued++;
    else skipped++;
  }
  return { queued, skipped };
}

/**
 * Alerts evaluators whose scope holds the unit (their region and below; national ones everything) and administrators
 * once per comment held for review more than 3 working days (SP4N-LAPOR! asks 3), by the unit's own date and holiday
 * calendar, for accounts that chose "immediately" — the same pattern and once-only table as the other alerts.
 */
export async function sendReviewWaitingAlerts(deps: Deps): Promise<DigestRun> {
  const { db } = deps;
  const now = deps.now();
  const kind = 'review-waiting';
  const from = addLocalDays(todayIn('Asia/Jakarta', now), -WAIT_ALERT_LOOKBACK_DAYS);
  const latest = todayIn('Asia/Jayapura', now);
  const rows = await pendingReviewAlerts(db, from, addLocalDays(latest, -WAIT_ALERT_WORKING_DAYS));
  if (!rows.length) return { queued: 0, skipped: 0 };
  const holidays = await holidaySet(db, from, latest);
  const regions = new Map<string, Promise<Set<string>>>();
  const covers = (region: string, unitRegion: string) => {
    if (!regions.has(region)) regions.set(region, regionAndDescendants(db, region).then((codes) => new Set(codes)));
    return regions.get(region)!.then((codes) => codes.has(unitRegion));
  };
  const pass = await alertPass(deps);
  let queued = 0;
  let skipped = 0;
  for (const r of rows) {
    // Outside the account's scope: not its comment to review, so not counted either.
    if (r.role === 'evaluator' && r.userRegion !== null && !(await covers(r.userRegion, r.unitRegion))) continue;
    const frequency = (r.frequency ?? KIND_RULES[kind].defaults) as Frequency;
    const today = todayIn(isTimeZone(r.timezone) ? r.timezone : 'Asia/Jakarta', now);
    if (frequency !== 'immediately' || !waitedTooLong(r.localDate, today, holidays)) {
      skipped++;
      continue;
    }
    const lang = 'id' as const;
    const w = digestWords[lang];
    const sent = await queueAlertOnce(pass, { userId: r.userId, email: r.email, kind, subjectKey: r.responseId }, {
      subject: w.reviewSubject(r.unitName),
      blocks: [
        { kind: 'paragraph', text: w.reviewText(fmtDate(lang, r.localDate), workingDaysBetween(r.localDate, today, holidays)) },
        { kind: 'action', label: w.reviewAction, url: mailLink(pass.base, '/evaluasi') },
      ],
      reason: w.reasonReviewer,
    });
    if (sent) queued++;
    else skipped++;
  }
  return { queued, skipped };
}

/**
 * Alerts the evaluators whose scope holds the unit (their region and below; national ones everything) about open
 * SP4N-LAPOR! hand-offs (decision 066): once when the next step (forwarding within 3 working days of the comment,
 * the agency's answer within 5 of forwarding) falls due, and once when it is overdue — each a subject of its own
 * (`{id}:{step}:due|overdue`) in notification_alerts_sent; for accounts that chose "immediately" (the default).
 * "Due" is judged by the earliest today across Indonesia's zones (never early), "overdue" by the unit's own today.
 */
export async function sendLaporHandoffAlerts(deps: Deps): Promise<DigestRun> {
  const { db } = deps;
  const now = deps.now();
  const kind = 'lapor-handoff-due';
  const handoffs = await laporHandoffsDue(db, now, { dueBy: todayIn('Asia/Jakarta', now) });
  if (!handoffs.length) return { queued: 0, skipped: 0 };
  const subjects = handoffs.map((h) => ({ h, key: `${h.id}:${h.due!.step}:${h.due!.overdue ? 'overdue' : 'due'}` }));
  const sentBefore = await alertsSent(db, kind, subjects.map((x) => x.key));
  const units = await unitRegionsBySlug(db, [...new Set(handoffs.map((h) => h.unit.slug))]);
  const evaluators = await Promise.all((await evaluatorRecipients(db, kind)).map(async (e) => ({ ...e, codes: e.region === null ? null : new Set(await regionAndDescendants(db, e.region)) })));
  const pass = await alertPass(deps);
  let queued = 0;
  let skipped = 0;
  for (const { h, key } of subjects) {
    const due = h.due!;
    for (const e of evaluators) {
      if ((e.codes && !e.codes.has(units.get(h.unit.slug) ?? '')) || sentBefore.has(`${e.userId} ${key}`)) continue;
      const frequency = (e.frequency ?? KIND_RULES[kind].defaults) as Frequency;
      if (frequency !== 'immediately') {
        skipped++;
        continue;
      }
      const lang = 'id' as const;
      const w = digestWords[lang];
      const sent = await queueAlertOnce(pass, { userId: e.userId, email: e.email, kind, subjectKey: key }, {
        subject: w.laporSubject(due.step, due.overdue, h.unit.name),
        blocks: [
          { kind: 'paragraph', text: w.laporText(due.step, fmtDate(lang, due.step === 'forward' ? h.heldOn : h.forwardedOn!), fmtDate(lang, due.dueOn)) },
          { kind: 'action', label: w.laporAction, url: mailLink(pass.base, '/evaluasi') },
        ],
        reason: w.reasonEvaluator,
      });
      if (sent) queued++;
      else skipped++;
    }
  }
  return { queued, skipped };
}

export interface NotificationScheduler {
  /** Runs one scheduled pass now (tests), after any pass in progress. */
  tick(): Promise<DigestRun>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Looks for due digests every `pollMs` (a minute by default), first right away; started and stopped by server/main.ts. */
export function startNotificationScheduler(deps: Deps & { pollMs: number; log?: (line: string) => void }): NotificationScheduler {
  const log = deps.log ?? ((line: string) => console.log(line));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DigestRun> = Promise.resolve({ queued: 0, skipped: 0 });
  let alerts = 0;
  const pass = async () => {
    const digests = await sendUnitDigests(deps, { mode: 'scheduled' });
    alerts = 0;
    for (const send of [sendFollowUpAlerts, sendReplyOverdueAlerts, sendReviewWaitingAlerts, sendLaporHandoffAlerts]) alerts += (await send(deps)).queued;
    return digests;
  };
  const tick = () => (running = running.then(pass, pass));
  let first = true;
  const loop = () => {
    timer = undefined;
    void tick()
      .then((r) => {
        // The first pass always says what it did (a restart that sends nothing says so too).
        if (r.queued || alerts || first) log(`[rapor] Ringkasan / digests: ${r.queued} queued; peringatan / alerts: ${alerts} queued.`);
        first = false;
      })
      .catch((error: unknown) => log(`[rapor] Ringkasan / digests failed: ${String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, deps.pollMs);
      });
  };
  timer = setTimeout(loop, 0);
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
