// The compliance board (issue 18, items 1 and 4; docs/decisions/033-compliance-scoring.md): per unit and year, the
// quarters surveyed with an adequate sample, the media published on, the RTL planned and done, each scored by the
// Zona Integritas and PEKPPP scales in the threshold table; exported as CSV or XLSX, and an evidence pack per unit.
// Evaluators see their region, a unit's staff their unit, administrators everything (the account's scope).
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { Database, PublicationMedium } from '../../core/schema.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import { followUpsOfUnits, lockedReportsOf, readThresholds, replaceThresholds } from '../../db/queries/compliance.ts';
import { newestEvidenceLocks } from '../../db/queries/evidence.ts';
import { unitsForExport } from '../../db/queries/exports.ts';
import { EVIDENCE_CHUNK_CHARS, followUpEvidenceList, followUpEvidenceSlice } from '../../db/queries/follow-ups.ts';
import { listPublications } from '../../db/queries/publications.ts';
import { regionAndDescendants } from '../../db/queries/regions.ts';
import { sumsByUnit } from '../../db/queries/scores.ts';
import { findUnitBySlug } from '../../db/queries/units.ts';
import type { Scope } from '../../db/queries/scope.ts';
import { workspaceUnit } from '../../db/queries/workspace.ts';
import { scopeOf } from '../auth/scope.ts';
import { checkThresholds, COMPLIANCE_COLUMNS, complianceFigures, thresholdsSchema, type ThresholdRow } from '../../core/domain/compliance.ts';
import { followUpOverlaps } from '../../core/domain/follow-up-periods.ts';
import { daysInclusive, parsePeriodCode } from '../../core/domain/periods.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { todayIn } from '../../core/domain/time-zones.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, notFound, validationFailed } from '../errors.ts';
import { csvFile, safeName, writePackZip, type PackFile, type StreamedPackFile } from '../export/evidence-pack.ts';
import { renderResultsPoster, resultsPosterData, resultsPosterFileName } from '../report/results-poster.ts';
import { CONTENT_TYPES, exportFileName, tableWriter, type Cell } from '../export/table-writers.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireRole, requireUser } from '../middleware/session.ts';
import { parseWith } from '../validate.ts';

function yearOf(c: Context<AppEnv>, now: Date): number {
  const q = c.req.query('year');
  if (q === undefined) return Number(todayIn('Asia/Jakarta', now).slice(0, 4));
  if (!/^\d{4}$/.test(q) || Number(q) < 2000 || Number(q) > 2100) throw validationFailed({ year: 'must be a year such as 2026' });
  return Number(q);
}

/** The `region` filter within the account's scope: 403 outside it (never an empty answer), 404 unknown. */
async function regionWithin(db: Kysely<Database>, scope: Scope, region: string | undefined): Promise<string[] | null> {
  if (!region) return null;
  if (!/^[0-9.]{2,20}$/.test(region)) throw validationFailed({ region: 'must be a region code' });
  const codes = await regionAndDescendants(db, region);
  if (codes.length === 0) throw notFound(`Region "${region}"`, 'region_not_found');
  if (scope.kind === 'unit') throw new ApiError(403, 'forbidden', 'Staff see their own unit only.');
  if (scope.kind === 'regions' && !codes.every((code) => scope.codes.includes(code))) throw new ApiError(403, 'forbidden', 'This account may not see that region.');
  return codes;
}

const base = (c: Context, publicUrl: string | undefined) => (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
const quartersOf = (year: number) => [1, 2, 3, 4].map((q) => parsePeriodCode(`${year}-Q${q}`));

/** The board: one entry per unit in the scope (and region), with its figures, scores and evidence links. */
export async function complianceBoard(db: Kysely<Database>, scope: Scope, regionCodes: string[] | null, year: number, thresholds: readonly ThresholdRow[], origin: string) {
  const units = await unitsForExport(db, { scope, regionCodes, unitSlug: null });
  const ids = units.map((u) => u.id);
  const quarters = quartersOf(year);
  const [sums, locks, publications, followUps] = await Promise.all([
    Promise.all(quarters.map((q) => sumsByUnit(db, regionCodes, null, q.from, q.to))),
    Promise.all(quarters.map((q) => newestEvidenceLocks(db, ids, q.code))),
    listPublications(db, ids, `${year}-01-01`, `${year}-12-31`),
    followUpsOfUnits(db, ids),
  ]);
  const yearPeriod = parsePeriodCode(String(year));
  return units.map((u) => {
    const pack = `${origin}/api/compliance/pack?unit=${u.slug}&year=${year}`;
    const qs = quarters.map((q, i) => {
      const n = sums[i]!.get(u.id)?.n ?? 0;
      const target = sampleTarget(u.declaredUsers, daysInclusive(q.from, q.to));
      const lock = locks[i]!.get(u.id);
      return {
        period: q.code, n, sampleTarget: target, adequate: target !== null && n >= target,
        evidenceUrl: lock ? `${origin}/bukti/${lock}` : `${origin}/laporan/skm?unit=${u.slug}&periode=${q.code}`,
      };
    });
    const pubs = publications.filter((p) => p.unit_id === u.id);
    const media = [...new Set(pubs.map((p) => p.medium as PublicationMedium))];
    const items = followUps.filter((f) => f.unit_id === u.id && followUpOverlaps(f, yearPeriod));
    const figures = complianceFigures({
      quarters: qs,
      media,
      followUps: items.map((f) => ({ plannedOn: f.planned_on ?? f.created_at.slice(0, 10), doneOn: f.status === 'selesai' ? f.completed_on : null })),
    }, thresholds);
    return {
      unit: { slug: u.slug, name: u.name, regionCode: u.regionCode },
      surveys: { held: figures.held, quarters: qs },
      publication: {
        media, online: figures.online, offline: figures.offline, electronic: figures.electronic, nonElectronic: figures.nonElectronic,
        entries: pubs.map((p) => ({ medium: p.medium, source: p.source, publishedOn: p.published_on, period: p.period, evidenceUrl: p.evidence_url ?? publicationPage(origin, u.slug, p.source) })),
        logUrl: pack,
      },
      followUp: {
        planned: figures.planned, done: figures.done, shareDone: figures.shareDone, medianDaysToDone: figures.medianDaysToDone,
        longestDaysToDone: figures.longestDaysToDone, registerUrl: `${origin}/unit/${u.slug}#rtl`,
      },
      scores: figures.scores,
      evidence: { packUrl: pack },
    };
  });
}

/** Where a publication the portal logged itself can be seen (H-F's publication kit). */
function publicationPage(origin: string, slug: string, source: string): string | null {
  if (source === 'screen') return `${origin}/tayang/${slug}`;
  if (source === 'widget') return `${origin}/widget/${slug}`;
  if (source === 'badge') return `${origin}/api/units/${slug}/badge.svg`;
  if (source === 'archive') return `${origin}/unit/${slug}/arsip`;
  return null;
}

type Board = Awaited<ReturnType<typeof complianceBoard>>;

function boardRows(board: Board, year: number): Cell[][] {
  return board.map((u) => [
    u.unit.slug, u.unit.name, u.unit.regionCode, year, u.surveys.held, u.publication.media.join(' '), u.publication.media.length,
    u.publication.online, u.publication.offline, u.followUp.planned, u.followUp.done, u.followUp.shareDone, u.followUp.medianDaysToDone,
    u.followUp.longestDaysToDone, u.scores.ziSkmFrequency, u.scores.ziPublication, u.scores.ziFollowUp, u.scores.pekppp7aT,
    u.scores.pekppp8aAk, u.scores.pekppp9aAk, u.scores.pekppp6aB, u.evidence.packUrl,
  ]);
}

async function tableBytes(format: 'csv' | 'xlsx', separator: ',' | ';', rows: Cell[][]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const writer = tableWriter(format, async (chunk) => void chunks.push(chunk), { separator, table: 'kepatuhan' });
  await writer.header(COMPLIANCE_COLUMNS);
  await writer.rows(rows);
  await writer.end();
  return Buffer.concat(chunks);
}

const REGISTER_COLUMNS = ['id', 'period', 'element', 'problem', 'action', 'responsible', 'due_date', 'status', 'progress', 'planned_on', 'started_on', 'completed_on', 'evidence_url', 'evidence_files'] as const;
const PUBLICATION_COLUMNS = ['published_on', 'medium', 'source', 'period', 'note', 'evidence_url'] as const;

class PackAborted extends Error {}

export function complianceRoutes({ db, now, publicUrl }: AppDeps) {
  /** A stored evidence file's bytes, a slice at a time (EVIDENCE_CHUNK_CHARS of base64 per query). */
  async function* evidenceChunks(unitId: string, fileId: string): AsyncIterable<Uint8Array> {
    for (let offset = 0; ; offset += EVIDENCE_CHUNK_CHARS) {
      const part = await followUpEvidenceSlice(db, unitId, fileId, offset, EVIDENCE_CHUNK_CHARS);
      if (part.length) yield new Uint8Array(Buffer.from(part, 'base64'));
      if (part.length < EVIDENCE_CHUNK_CHARS) return;
    }
  }

  const compliance = new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireUser(c);
      const scope = await scopeOf(db, user);
      const year = yearOf(c, now());
      const format = c.req.query('format') ?? 'json';
      if (!['json', 'csv', 'xlsx'].includes(format)) throw validationFailed({ format: 'must be json, csv or xlsx' });
      const sep = c.req.query('sep');
      if (sep !== undefined && sep !== 'semicolon' && sep !== 'comma') throw validationFailed({ sep: 'must be semicolon or comma' });
      const regionCodes = await regionWithin(db, scope, c.req.query('region'));
      const board = await complianceBoard(db, scope, regionCodes, year, await readThresholds(db), base(c, publicUrl));
      if (format === 'json') return c.json({ year, units: board }, 200);
      const bytes = await tableBytes(format as 'csv' | 'xlsx', sep === 'semicolon' ? ';' : ',', boardRows(board, year));
      // Audited like every export: who, which year and region, how many rows.
      await writeAudit(db, { userId: user.id, action: 'export.compliance', target: `${year}.${format}`, details: { region: c.req.query('region') ?? null, rows: board.length } }, now());
      c.header('Content-Type', CONTENT_TYPES[format as 'csv' | 'xlsx']);
      c.header('Content-Disposition', `attachment; filename="${exportFileName(`rapor-kepatuhan-${year}${c.req.query('region') ? `-${c.req.query('region')}` : ''}`, format as 'csv' | 'xlsx', sep === 'semicolon' ? ';' : ',')}"`);
      return c.body(new Uint8Array(bytes), 200);
    })
    .get('/pack', async (c) => {
      const user = requireUser(c);
      const scope = await scopeOf(db, user);
      const year = yearOf(c, now());
      const slug = c.req.query('unit') ?? '';
      if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw validationFailed({ unit: 'must be a unit slug' });
      const unit = await workspaceUnit(db, scope, slug);
      if (unit === undefined) throw notFound(`Unit "${slug}"`, 'unit_not_found');
      if (unit === 'forbidden') throw new ApiError(403, 'forbidden', 'This account may not read that unit.');
      const yearPeriod = parsePeriodCode(String(year));
      const [reports, items, evidence, pubs] = await Promise.all([
        lockedReportsOf(db, unit.id, unit.slug, year),
        followUpsOfUnits(db, [unit.id]),
        followUpEvidenceList(db, unit.id),
        listPublications(db, [unit.id], `${year}-01-01`, `${year}-12-31`),
      ]);
      const files: (PackFile | StreamedPackFile)[] = reports.map((r) => ({
        path: `laporan-skm/${r.period}-v${r.version}-${r.lockId.slice(0, 8)}-${r.name}`, mediaType: r.mediaType, bytes: new Uint8Array(Buffer.from(r.contentBase64, 'base64')),
      }));
      const ofYear = items.filter((f) => followUpOverlaps(f, yearPeriod));
      const evidencePaths = new Map<string, string[]>();
      for (const e of evidence.filter((x) => ofYear.some((f) => f.id === x.follow_up_id))) {
        // The whole id: its first 8 characters are a time-ordered id's minute, shared by files uploaded together.
        const path = `rtl/bukti/${e.follow_up_id}/${e.id}-${safeName(e.name)}`;
        // Read in slices while the ZIP is written (issue 24 F3): 30 files of 5 MB held at once exhausted the heap.
        files.push({ path, mediaType: e.media_type, chunks: () => evidenceChunks(unit.id, e.id) });
        evidencePaths.set(e.follow_up_id, [...(evidencePaths.get(e.follow_up_id) ?? []), path]);
      }
      files.push(csvFile('rtl/register.csv', REGISTER_COLUMNS, ofYear.map((f) => [
        f.id, f.period, f.element, f.problem, f.action, f.responsible, f.due_date, f.status, f.progress, f.planned_on, f.started_on, f.completed_on,
        f.evidence_url, (evidencePaths.get(f.id) ?? []).join(' '),
      ])));
      files.push(csvFile('publikasi/log.csv', PUBLICATION_COLUMNS, pubs.map((p) => [p.published_on, p.medium, p.source, p.period, p.note, p.evidence_url])));
      // The posters of the year: one per period a poster was downloaded (logged) for, rendered as the kit renders it.
      const at = now();
      const posterPeriods = [...new Set(pubs.filter((p) => p.source === 'poster' && p.period).map((p) => p.period!))].sort();
      const detail = posterPeriods.length ? await findUnitBySlug(db, unit.slug) : undefined;
      for (const code of detail ? posterPeriods : []) {
        const pdf = await renderResultsPoster(await resultsPosterData(db, detail!, parsePeriodCode(code), base(c, publicUrl)), 'id', at);
        files.push({ path: `publikasi/${resultsPosterFileName(unit.slug, code, 'id')}`, mediaType: 'application/pdf', bytes: new Uint8Array(pdf) });
      }
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', `attachment; filename="rapor-bukti-${unit.slug}-${year}.zip"`);
      c.header('Cache-Control', 'no-store');
      return stream(c, async (s) => {
        let completed = false;
        try {
          // Each chunk waits until the response has taken it: a slow client slows the reading, never fills memory.
          await writePackZip(async (chunk) => {
            if (s.aborted) throw new PackAborted();
            await s.write(chunk);
          }, files, { unit: unit.slug, unitName: unit.name, year, generatedAt: at.toISOString(), posters: posterPeriods });
          completed = true;
        } catch (error) {
          if (!(error instanceof PackAborted)) throw error;
        } finally {
          await writeAudit(db, { userId: user.id, action: 'compliance.pack', unitId: unit.id, target: String(year), details: { files: files.length, completed } }, at);
        }
      }, async (error, s) => {
        console.error('[rapor] evidence pack failed:', error);
        await s.close();
      });
    });
  const admin = new Hono<AppEnv>()
    .get('/compliance-thresholds', async (c) => {
      requireRole(c, 'admin');
      const rows = await readThresholds(db);
      return c.json({ rows: rows.map((r) => ({ item: r.item, op: r.op, bound: r.bound, score: r.scoreHundredths / 100 })) }, 200);
    })
    .put('/compliance-thresholds', async (c) => {
      const user = requireRole(c, 'admin');
      const { rows } = parseWith(thresholdsSchema, await readJsonBody(c));
      const checked = checkThresholds(rows);
      if (Object.keys(checked.errors).length) throw validationFailed(checked.errors);
      await replaceThresholds(db, checked.rows, user.id, now());
      const all = await readThresholds(db);
      return c.json({ rows: all.map((r) => ({ item: r.item, op: r.op, bound: r.bound, score: r.scoreHundredths / 100 })) }, 200);
    });
  return { compliance, admin };
}
