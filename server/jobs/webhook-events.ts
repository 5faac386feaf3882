// The time-based webhook events (issue 27 item 5, docs/decisions/064), looked for every `scanMs` by server/main.ts:
// period.closed (a unit's quarter closed, within 7 days after its closing date), comment.awaiting_reply (a unit's
// public comments of one day still without a reply after more than 3 working days, looked back 14 days) and
// followup.overdue (an item not done after its due date, looked back 30 days). Each is queued once: a mark (webhook_marks) is written in the
// transaction that queues it, so a restart or a second process neither repeats nor skips one. Nothing is read unless
// an active endpoint subscribes to the event.
import type { Kysely } from 'kysely';
import { closingDate, parsePeriodCode, periodCodeOf, previousPeriod } from '../../core/domain/periods.ts';
import { isTimeZone, todayIn } from '../../core/domain/time-zones.ts';
import { workingDaysBetween } from '../../core/domain/working-days.ts';
import type { Database } from '../../core/schema.ts';
import { holidaySet } from '../../db/queries/holidays.ts';
import { markOnce, openFollowUpsDue, subscribedEventTypes, unansweredCommentCounts, unitsWithTimeZones } from '../../db/queries/webhooks.ts';
import type { AppDeps } from '../deps.ts';
import { commentsAwaitingReply, followUpOverdue, periodClosed } from '../webhooks/events.ts';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const today = (timezone: string, at: Date) => todayIn(isTimeZone(timezone) ? timezone : 'Asia/Jakarta', at);

/** Queues the time-based events due at `at`; answers how many events (not deliveries) were newly marked. */
export async function scanTimedEvents(db: Kysely<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, at: Date): Promise<number> {
  const wanted = await subscribedEventTypes(db);
  if (!['period.closed', 'comment.awaiting_reply', 'followup.overdue'].some((t) => wanted.has(t))) return 0;
  let marked = 0;
  const once = async (key: string, queue: (trx: Parameters<typeof periodClosed>[0]) => Promise<unknown>) => {
    await db.transaction().execute(async (trx) => {
      if (!(await markOnce(trx, key, at))) return;
      marked++;
      await queue(trx);
    });
  };
  const units = await unitsWithTimeZones(db);
  if (wanted.has('period.closed')) {
    for (const unit of units) {
      const day = today(unit.timezone, at);
      const previous = previousPeriod(parsePeriodCode(periodCodeOf(day, 'quarter')));
      const closes = closingDate(previous.from);
      if (day >= closes && day <= shift(closes, 7)) await once(`period.closed:${previous.code}:${unit.id}`, (trx) => periodClosed(trx, deps, unit, previous.code, at));
    }
  }
  if (wanted.has('comment.awaiting_reply')) {
    const zones = new Map<string, typeof units>();
    for (const unit of units) zones.set(unit.timezone, [...(zones.get(unit.timezone) ?? []), unit]);
    for (const [zone, members] of zones) {
      const day = today(zone, at);
      const holidays = await holidaySet(db, shift(day, -30), day);
      const bySlug = new Map(members.map((u) => [u.id, u]));
      for (const row of await unansweredCommentCounts(db, members.map((u) => u.id), shift(day, -14), shift(day, -4))) {
        if (workingDaysBetween(row.localDate, day, holidays) <= 3) continue;
        const unit = bySlug.get(row.unitId)!;
        await once(`comment.awaiting_reply:${unit.id}:${row.localDate}`, (trx) => commentsAwaitingReply(trx, deps, unit, row.localDate, Number(row.n), at));
      }
    }
  }
  if (wanted.has('followup.overdue')) {
    // Due in the last 30 days, before the latest "today" anywhere (a day ahead of UTC covers Indonesia's zones);
    // refined per unit below. Older items were told about when they fell due (or before webhooks existed).
    const utc = at.toISOString().slice(0, 10);
    for (const item of await openFollowUpsDue(db, shift(utc, -30), shift(utc, 1))) {
      if (item.dueDate >= today(item.timezone, at)) continue;
      await once(`followup.overdue:${item.id}`, (trx) => followUpOverdue(trx, deps, { id: item.unitId, slug: item.slug }, item, at));
    }
  }
  return marked;
}

/** Runs scanTimedEvents now and every `scanMs` until stopped. */
export function startTimedEventJob(db: Kysely<Database>, deps: Pick<AppDeps, 'publicUrl' | 'mailBaseUrl'>, scanMs: number, now: () => Date, log = (line: string) => console.log(line)) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    timer = undefined;
    running = scanTimedEvents(db, deps, now())
      .catch((error: unknown) => log(`[rapor] Webhook (peristiwa berkala / timed events): ${String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, scanMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
