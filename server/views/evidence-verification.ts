// What the public verification page of locked evidence shows (docs/decisions/026-locked-evidence.md), /bukti/{id} and
// /en/bukti/{id} (site/pages/[...lang]/bukti/[id].astro). Anyone sees every file's hash and each changed figure, but a
// figure behind fewer than k ratings only as "kurang dari k penilaian"; the exact values and the files are for an
// account whose scope covers the lock (decision 050). The page's rate limit is a Hono middleware in front of it
// (evidencePageLimit in server/routes/evidence.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { parseLockScope, withheldSides } from '../../core/domain/evidence-lock.ts';
import { belowMinimumWords } from '../../core/domain/small-cells.ts';
import { TIME_ZONES, type TimeZone } from '../../core/domain/time-zones.ts';
import { evidenceStrings } from '../../core/i18n/i18n-evidence.ts';
import type { Lang } from '../../core/i18n/i18n.ts';
import type { AppDeps } from '../deps.ts';
import { accountOfToken } from '../middleware/session.ts';
import { mayReadLockFiles, verifyLock, type Verification } from '../routes/evidence.ts';

interface VerificationDeps {
  db: Kysely<Database>;
  now: () => Date;
  asnThresholds?: AppDeps['asnThresholds'];
  requireAdminTwoFactor?: boolean | undefined;
}

/**
 * A lock as its verification page shows it to the reader of `sessionToken` (the session cookie), or undefined for an
 * unknown or malformed id. `exact` when the reader's account may read the lock's files (decision 050), else the public
 * view; `checkedAt` the moment the live files were made again.
 */
export async function verificationView(deps: VerificationDeps, id: string, sessionToken: string | undefined): Promise<{ v: Verification; exact: boolean; checkedAt: Date } | undefined> {
  const v = await verifyLock(deps, id);
  if (!v) return undefined;
  const { user } = await accountOfToken(deps, sessionToken);
  return { v, exact: await mayReadLockFiles(deps.db, user, v.lock.scope), checkedAt: deps.now() };
}

/** A time in the lock's unit's or region's zone, with its abbreviation (WIB, WITA, WIT), and the UTC instant. */
export function evidenceTime(iso: string, lang: Lang, zone: TimeZone = 'Asia/Jakarta'): string {
  const local = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return `${local} ${TIME_ZONES[zone].abbreviation} (${iso})`;
}

/** A figure as the page shows it: decimals in the reader's language, a percentage with %, an empty cell as "–". */
function figureText(value: string | null, percent: boolean, lang: Lang): string {
  const e = evidenceStrings(lang);
  if (value === null || value === '') return '–';
  if (value === 'true' || value === 'false') return value === 'true' ? e.yes : e.no;
  const m = /^-?\d+(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const decimals = Math.min(m[1]?.length ?? 0, 4);
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value));
  return percent ? `${text} %` : text;
}

/** One changed figure's row: `exact` false (the public) shows a figure behind fewer than k ratings as the words only. */
export function figureRow(f: Verification['figures'][number], v: Pick<Verification, 'minPublicRatings'>, lang: Lang, exact: boolean) {
  const words = belowMinimumWords(v.minPublicRatings, lang);
  const withheld = exact ? { locked: false, live: false } : withheldSides(f, v.minPublicRatings);
  return {
    name: `${f.figure}${f.unit ? ` · ${f.unit}` : ''}`,
    file: f.file,
    row: f.row || '–',
    locked: withheld.locked ? words : figureText(f.locked, f.percent, lang),
    live: withheld.live ? words : figureText(f.live, f.percent, lang),
    withheld,
  };
}

/** One moderation since the lock, as a line. */
export function moderationLine(m: Verification['moderations'][number], v: Pick<Verification, 'timeZone'>, lang: Lang): string {
  const e = evidenceStrings(lang);
  const at = m.decidedAt ?? m.requestedAt;
  const who = `${e.by} ${m.requestedBy ?? '–'}${m.decision === 'approved' && m.decidedBy ? `, ${e.approvedBy} ${m.decidedBy}` : ''}`;
  const note = [m.note, m.decisionReason].filter(Boolean).map((x) => `“${x}”`).join(' · ');
  return `${evidenceTime(at, lang, v.timeZone)} · ${m.unitSlug}: ${m.action === 'exclude' ? e.excluded : e.restored} (${m.reason}), ${e.ratingOf} ${m.localDate}, ${who}${note ? ` — ${note}` : ''}`;
}

/** The lock's scope in words. */
export function scopeText(scope: string, lang: Lang): string {
  const e = evidenceStrings(lang);
  const parsed = parseLockScope(scope);
  if (parsed.kind === 'unit') return `${e.scopeUnit}: ${parsed.slug}`;
  if (parsed.kind === 'region') return `${e.scopeRegion}: ${parsed.code}`;
  return e.scopeAll;
}
