// Digests chosen per account (issue 27 item 3, docs/decisions/062-notifications.md). `sendUnitDigests` queues the unit
// staff's digest: on schedule, each account whose next window is due (07:00 in its region's zone; daily or weekly as
// it chose), or now for an administrator (the run route, `npm run notify`). Each mail is queued in the transaction
// that claims its window (digest_window_to), so a window is sent once whatever restarts or other processes do; the
// scheduler's only state is that column. The figures come from server/views/unit-digest.ts (the scores route's own).
import { dueDigestWindow, immediateDigestWindow, KIND_RULES, type DigestRunKind, type DigestWindow, type Frequency } from '../../core/domain/notifications.ts';
import { isTimeZone } from '../../core/domain/time-zones.ts';
import { unsubscribeToken } from '../../core/domain/unsubscribe-token.ts';
import { claimDigestWindow, staffDigestRecipients, unsubscribeSecret } from '../../db/queries/notifications.ts';
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
  const pass = () => sendUnitDigests(deps, { mode: 'scheduled' });
  const tick = () => (running = running.then(pass, pass));
  let first = true;
  const loop = () => {
    timer = undefined;
    void tick()
      .then((r) => {
        // The first pass always says what it did (a restart that sends nothing says so too).
        if (r.queued || first) log(`[rapor] Ringkasan / digests: ${r.queued} queued.`);
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
