// The files of a locked evidence snapshot (docs/decisions/026-locked-evidence.md), made by the same functions as the
// exports and the SKM report data: the ASN evidence and scores CSVs exactly as `GET /api/exports/…csv` writes them, and
// each unit's report data as `GET /api/reports/skm/{slug}` answers it (without its generatedAt time). Verification makes
// them again, now, with the same inputs, and compares the hashes.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { unitsForExport, type ExportFilter } from '../../db/queries/exports.ts';
import type { Thresholds } from '../../core/domain/asn-evidence.ts';
import type { Period } from '../../core/domain/periods.ts';
import { skmReportData } from '../routes/reports.ts';
import { columnsFor, COLUMNS, EVIDENCE_FORMAT, rowsOf, type Dataset, type EvidenceFormat, type ExportContext } from './datasets.ts';
import { csvWriter } from './table-writers.ts';

export interface SnapshotFile {
  name: string;
  mediaType: string;
  content: string;
  bytes: number;
  sha256: string;
}

export interface SnapshotInput {
  db: Kysely<Database>;
  period: Period;
  /** The units covered: one unit's slug, a region's codes (with sub-regions), or neither for all units. */
  unitSlug: string | null;
  regionCodes: string[] | null;
  today: string;
  thresholds: Thresholds;
  /** The portal address the links are written with. */
  publicUrl: string;
  /** The lock the files belong to: the ASN evidence links to its verification page. */
  lockId: string;
  at: Date;
  /** The ASN evidence file's format: the current one for a new lock, the lock's own when verifying (decision 048). */
  evidenceFormat?: EvidenceFormat;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

const encoder = new TextEncoder();
// Keeps the BOM the CSV writer puts first (a default TextDecoder would drop it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function fileOf(name: string, mediaType: string, content: string): SnapshotFile {
  const bytes = encoder.encode(content);
  return { name, mediaType, content, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The verification page of a lock. */
export function verifyPath(lockId: string, lang: 'id' | 'en' = 'id'): string {
  return `${lang === 'en' ? '/en' : ''}/bukti/${lockId}`;
}

async function csvOf(dataset: Dataset, ctx: ExportContext): Promise<string> {
  const chunks: Uint8Array[] = [];
  const writer = csvWriter(async (chunk) => {
    chunks.push(chunk);
  }, ',');
  await writer.header(columnsFor(dataset, false, ctx.evidenceFormat));
  for await (const batch of rowsOf(dataset, ctx)) await writer.rows(batch);
  await writer.end();
  return decoder.decode(Buffer.concat(chunks));
}

/**
 * The format a locked ASN evidence file was written in, from its header line: the first format had no
 * `realisation_note` column (decision 048). A lock's own bytes say what it is; nothing else needs storing.
 */
export function evidenceFormatOf(lockedCsv: string): EvidenceFormat {
  const header = lockedCsv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
  return header.includes(COLUMNS['asn-evidence'].at(-1)!) ? 2 : 1;
}

/** The units the snapshot covers, by slug. */
export async function snapshotUnits(input: Pick<SnapshotInput, 'db' | 'unitSlug' | 'regionCodes'>) {
  return unitsForExport(input.db, { scope: { kind: 'all' }, regionCodes: input.regionCodes, unitSlug: input.unitSlug });
}

export async function snapshotFiles(input: SnapshotInput): Promise<SnapshotFile[]> {
  const filter: ExportFilter = { scope: { kind: 'all' }, from: input.period.from, to: input.period.to, regionCodes: input.regionCodes, unitSlug: input.unitSlug };
  const ctx: ExportContext = {
    db: input.db, filter, period: input.period, includeExcluded: false, today: input.today, thresholds: input.thresholds,
    evidenceBase: input.publicUrl, evidenceLockId: input.lockId, evidenceFormat: input.evidenceFormat ?? EVIDENCE_FORMAT,
  };
  const files = [
    fileOf('asn-evidence.csv', CSV_TYPE, await csvOf('asn-evidence', ctx)),
    fileOf('scores.csv', CSV_TYPE, await csvOf('scores', ctx)),
  ];
  for (const unit of await snapshotUnits(input)) {
    const { generatedAt: _generated, ...report } = await skmReportData(input.db, { kind: 'all' }, unit, input.period, input.at);
    files.push(fileOf(`skm-${unit.slug}.json`, JSON_TYPE, JSON.stringify(report, null, 2) + '\n'));
  }
  return files;
}

