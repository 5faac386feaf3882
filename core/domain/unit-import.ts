// CSV import of units and their services (issue: administration). One row per service; a unit's columns repeat on
// each of its rows (a unit with no services may have one row with empty service columns). Every row is checked
// before anything is written, and a bad row is reported with its line number.
import * as v from 'valibot';
import { serviceSchema, unitSchema, type ServiceInput, type UnitInput } from './admin-input.ts';
import { CsvError, parseCsv } from './csv.ts';

export const IMPORT_COLUMNS = [
  'unit_slug', 'unit_name', 'unit_kind', 'region_code', 'address',
  'service_slug', 'service_name', 'is_permit', 'sla_value', 'sla_unit', 'sla_starts_at', 'declared_users',
] as const;

export interface ImportRow {
  line: number;
  unit: UnitInput;
  service: ServiceInput | null;
}

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
const numberOrText = (s: string | undefined) => {
  const t = orNull(s);
  return t === null ? null : /^-?\d+$/.test(t) ? Number(t) : t;
};

export function parseUnitImport(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], problems: [{ line: e.line, field: '(file)', message: e.message }] };
    throw e;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], problems: [{ line: 1, field: '(file)', message: 'the file is empty' }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { rows: [], problems: [{ line: header.line, field: '(header)', message: `missing columns: ${missing.join(', ')}` }] };
  if (body.length === 0) return { rows: [], problems: [{ line: header.line, field: '(file)', message: 'there are no rows after the header' }] };

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seenServices = new Map<string, number>();
  const unitsSeen = new Map<string, string>();
  for (const record of body) {
    const get = (col: (typeof IMPORT_COLUMNS)[number]) => record.cells[names.indexOf(col)];
    const report = (issues: v.BaseIssue<unknown>[], prefix: string) => {
      for (const issue of issues) problems.push({ line: record.line, field: `${prefix}${v.getDotPath(issue) ?? ''}`, message: issue.message });
    };
    const unit = v.safeParse(unitSchema, {
      slug: get('unit_slug') ?? '', name: get('unit_name') ?? '', kind: (get('unit_kind') ?? '').trim(), regionCode: get('region_code') ?? '', address: orNull(get('address')),
    });
    if (!unit.success) report(unit.issues, 'unit.');
    let service: ServiceInput | null = null;
    if (orNull(get('service_slug')) !== null || orNull(get('service_name')) !== null) {
      const slaValue = numberOrText(get('sla_value'));
      const isPermit = (get('is_permit') ?? '').trim().toLowerCase();
      const parsed = v.safeParse(serviceSchema, {
        slug: get('service_slug') ?? '', name: get('service_name') ?? '',
        isPermit: ['1', 'true', 'ya', 'yes'].includes(isPermit) ? true : ['', '0', 'false', 'tidak', 'no'].includes(isPermit) ? false : isPermit,
        sla: slaValue === null && orNull(get('sla_unit')) === null ? null : { value: slaValue, unit: (get('sla_unit') ?? '').trim(), startsAt: orNull(get('sla_starts_at')) },
        declaredUsers: numberOrText(get('declared_users')),
      });
      if (!parsed.success) report(parsed.issues, 'service.');
      else service = parsed.output;
    }
    if (unit.success) {
      const signature = JSON.stringify(unit.output);
      const earlier = unitsSeen.get(unit.output.slug);
      if (earlier !== undefined && earlier !== signature) problems.push({ line: record.line, field: 'unit', message: `unit ${unit.output.slug} is described differently on an earlier row` });
      unitsSeen.set(unit.output.slug, signature);
      if (service) {
        const key = `${unit.output.slug}/${service.slug}`;
        const first = seenServices.get(key);
        if (first !== undefined) problems.push({ line: record.line, field: 'service.slug', message: `service ${key} already appears on line ${first}` });
        else seenServices.set(key, record.line);
      }
      rows.push({ line: record.line, unit: unit.output, service });
    }
  }
  return { rows, problems };
}
