// Open data (issue 18 item 5, docs/decisions/038-open-data.md): each closed quarter and year is published as a
// Frictionless Tabular Data Package — aggregates per unit only, never a response or a comment — and listed in a DCAT
// catalogue that CKAN (on which Indonesia's open-data portals run) can harvest. Pure: the route gathers the figures.
import { closingDate, isClosedOn, parsePeriodCode, periodCodeOf, type Period } from './periods.ts';
import { ELEMENT_CODES, SKM_ELEMENTS } from './skm.ts';

/** One column of the published table: its Table Schema field. */
export interface OpenField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  title: string;
  description: string;
  constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[] };
}

export const OPEN_DATA_LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' } as const;

const elementFields: OpenField[] = ELEMENT_CODES.map((code, i) => ({
  name: `nrr_${code.toLowerCase()}`,
  type: 'number',
  title: `NRR ${code} ${SKM_ELEMENTS[i]!.name.id}`,
  description: `Nilai rata-rata unsur ${code} (${SKM_ELEMENTS[i]!.name.id}; ${SKM_ELEMENTS[i]!.name.en}) on the 1–4 scale, rounded half up to 2 decimals; empty when n is 0 or below the minimum for public figures (the package description says it).`,
  constraints: { minimum: 1, maximum: 4 },
}));

/** The columns of scores.csv, in order. */
export const OPEN_SCORE_FIELDS: readonly OpenField[] = [
  { name: 'period', type: 'string', title: 'Periode', description: 'The reporting period: a quarter (2026-Q3) or a year (2026).', constraints: { required: true } },
  { name: 'period_start', type: 'date', title: 'Awal periode', description: 'First local date of the period.', constraints: { required: true } },
  { name: 'period_end', type: 'date', title: 'Akhir periode', description: 'Last local date of the period.', constraints: { required: true } },
  { name: 'unit_slug', type: 'string', title: 'Kode unit', description: "The unit's identifier in the portal's addresses (/unit/{unit_slug}).", constraints: { required: true } },
  { name: 'unit_name', type: 'string', title: 'Nama unit layanan', description: 'The service unit.', constraints: { required: true } },
  { name: 'unit_kind', type: 'string', title: 'Jenis unit', description: 'The kind of unit (dpmptsp, dukcapil, samsat, puskesmas, rsud, kecamatan, kelurahan, disdik, lainnya).', constraints: { required: true } },
  { name: 'region_code_bps', type: 'string', title: 'Kode wilayah BPS', description: "The BPS code of the unit's region.", constraints: { required: true } },
  { name: 'region_code_kemendagri', type: 'string', title: 'Kode wilayah Kemendagri', description: "The Kemendagri code of the unit's region (75.71); empty where it is not recorded.", constraints: {} },
  { name: 'region_name', type: 'string', title: 'Wilayah', description: "The unit's region.", constraints: { required: true } },
  { name: 'n', type: 'integer', title: 'Responden', description: 'Ratings counted in the period (held-back ratings are not counted).', constraints: { required: true, minimum: 0 } },
  { name: 'ikm', type: 'number', title: 'IKM', description: 'Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) on the 25–100 scale, rounded half up to 2 decimals; empty when n is 0 or below the minimum for public figures (the package description says it).', constraints: { minimum: 25, maximum: 100 } },
  { name: 'ikm_ci_low', type: 'number', title: 'IKM batas bawah', description: 'Lower end of the 95 % confidence interval of the IKM (t distribution); empty when n < 2 or when the IKM is empty.', constraints: {} },
  { name: 'ikm_ci_high', type: 'number', title: 'IKM batas atas', description: 'Upper end of the 95 % confidence interval of the IKM; empty when n < 2 or when the IKM is empty.', constraints: {} },
  { name: 'mutu', type: 'string', title: 'Mutu pelayanan', description: 'The grade of the IKM: A (88.31–100), B (76.61–88.30), C (65.00–76.60), D (25.00–64.99); empty when the IKM is empty.', constraints: { enum: ['A', 'B', 'C', 'D'] } },
  { name: 'sample_target', type: 'integer', title: 'Target sampel', description: 'Krejcie & Morgan sample size for the users the unit declared for the period; empty when none were declared.', constraints: { minimum: 0 } },
  { name: 'sample_adequate', type: 'boolean', title: 'Sampel memadai', description: 'Whether n reached the sample target (false when there is no target).', constraints: { required: true } },
  ...elementFields,
  { name: 'n_verified', type: 'integer', title: 'Responden terverifikasi', description: 'Ratings given with a visit code the unit issued.', constraints: { required: true, minimum: 0 } },
  { name: 'ikm_verified', type: 'number', title: 'IKM terverifikasi', description: 'The IKM of the verified ratings alone; empty when there are none, or fewer than the minimum for public figures.', constraints: { minimum: 25, maximum: 100 } },
];

export type OpenScoreRow = Record<(typeof OPEN_SCORE_FIELDS)[number]['name'], string | number | boolean | null>;

/** Whether a period may be published: a quarter or a year, closed on `today` (decision 021), not in the future. */
export function isPublishable(period: Period, today: string): boolean {
  if (period.kind !== 'quarter' && period.kind !== 'year') return false;
  return isClosedOn(period.to, today);
}

/**
 * When a period's open data was published: 00:00 WIB (the last zone to reach it, UTC+7) of the day it closed. The
 * descriptor's `created` and the catalogue's `dct:modified` say this instant, so their bytes stay the same from one
 * request to the next (issue 25 item 8) rather than changing with the clock.
 */
export function publishedAt(period: Period): string {
  return new Date(Date.parse(`${closingDate(period.to)}T00:00:00+07:00`)).toISOString();
}

/** The publishable quarters and years from the one holding `firstDate` up to `today`, newest first. */
export function publishablePeriods(firstDate: string | null, today: string): Period[] {
  if (!firstDate) return [];
  const out: Period[] = [];
  const firstYear = Number(firstDate.slice(0, 4));
  const firstQuarter = periodCodeOf(firstDate, 'quarter');
  for (let year = Number(today.slice(0, 4)); year >= firstYear; year--) {
    for (let q = 4; q >= 1; q--) {
      const p = parsePeriodCode(`${year}-Q${q}`);
      if (p.code >= firstQuarter && isPublishable(p, today)) out.push(p);
    }
    const y = parsePeriodCode(String(year));
    if (isPublishable(y, today)) out.push(y);
  }
  return out;
}

export interface PackageInput {
  period: Period;
  /** The portal's address, no trailing slash. */
  base: string;
  /** When the period was published (publishedAt): the same on every request. */
  created: string;
  /** k of the small-cell rule (decision 047): figures behind fewer ratings are left empty. */
  minRatings: number;
}

const datasetPath = (base: string, code: string) => `${base}/api/open-data/${encodeURIComponent(code)}`;

/** The Tabular Data Package descriptor of one period. */
export function dataPackage({ period, base, created, minRatings }: PackageInput) {
  const path = datasetPath(base, period.code);
  return {
    profile: 'tabular-data-package',
    name: `rapor-ikm-${period.code.toLowerCase()}`,
    id: `${path}/datapackage.json`,
    title: `Indeks Kepuasan Masyarakat per unit layanan, ${period.code}`,
    description:
      `Survei Kepuasan Masyarakat (PermenPANRB 14/2017) of every service unit on the portal for ${period.from} to ${period.to}: ` +
      'respondents, IKM with its 95 % interval and grade, the nine element averages and the sample target. Aggregates only: ' +
      'no response, no comment and nothing that identifies a resident is published. ' +
      `The minimum for public figures is ${minRatings} ratings: a unit with fewer has its count but empty IKM, interval, grade and element averages (and the verified IKM is empty below ${minRatings} verified ratings), since a figure of one or a few ratings would publish those residents' answers.`,
    homepage: `${base}/peringkat?periode=${encodeURIComponent(period.code)}`,
    version: '1.0.0',
    created,
    keywords: ['SKM', 'IKM', 'kepuasan masyarakat', 'pelayanan publik', 'PermenPANRB 14/2017'],
    licenses: [OPEN_DATA_LICENSE],
    sources: [{ title: 'Rapor: survei kepuasan masyarakat', path: `${base}/metodologi` }],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'scores',
        path: `${path}/scores.csv`,
        title: `IKM per unit, ${period.code}`,
        description: 'One row per service unit.',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n' },
        schema: {
          fields: OPEN_SCORE_FIELDS.map((f) => ({ name: f.name, type: f.type, title: f.title, description: f.description, ...(f.constraints && Object.keys(f.constraints).length ? { constraints: f.constraints } : {}) })),
          primaryKey: ['period', 'unit_slug'],
          missingValues: [''],
        },
      },
    ],
  };
}

export interface CatalogRegion {
  bps: string;
  kemendagri: string | null;
  name: string;
}

export interface CatalogInput {
  base: string;
  periods: readonly Period[];
  regions: readonly CatalogRegion[];
  /** When the catalogue last changed: the newest listed period's publishedAt. */
  modified: string;
}

const IANA = 'https://www.iana.org/assignments/media-types/';
const typed = (value: string, type: 'xsd:date' | 'xsd:dateTime') => ({ '@value': value, '@type': type });
const both = (id: string, en: string) => [{ '@value': id, '@language': 'id' }, { '@value': en, '@language': 'en' }];

/** The DCAT catalogue (JSON-LD) of every publishable period: one dataset each, with its CSV and its data package. */
export function dcatCatalog({ base, periods, regions, modified }: CatalogInput) {
  const spatial = regions.map((r) => ({
    '@type': 'dct:Location',
    'skos:prefLabel': r.name,
    // The Kemendagri code where we have it, the BPS code always.
    'skos:notation': r.kemendagri ? [{ '@value': r.kemendagri, '@type': 'kemendagri' }, { '@value': r.bps, '@type': 'bps' }] : [{ '@value': r.bps, '@type': 'bps' }],
  }));
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      kemendagri: `${base}/api/catalog.jsonld#kemendagri`,
      bps: `${base}/api/catalog.jsonld#bps`,
    },
    '@id': `${base}/api/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': both('Rapor: data terbuka survei kepuasan masyarakat', 'Rapor: public-service satisfaction open data'),
    'dct:description': both(
      'Indeks Kepuasan Masyarakat (IKM) per unit layanan untuk setiap triwulan dan tahun yang sudah ditutup. Hanya agregat.',
      'The Community Satisfaction Index (IKM) of each service unit for every closed quarter and year. Aggregates only.',
    ),
    'dct:language': [{ '@id': 'http://id.loc.gov/vocabulary/iso639-1/id' }, { '@id': 'http://id.loc.gov/vocabulary/iso639-1/en' }],
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': 'Rapor', 'foaf:homepage': { '@id': `${base}/` } },
    'dct:license': { '@id': OPEN_DATA_LICENSE.path },
    'dct:modified': typed(modified, 'xsd:dateTime'),
    'foaf:homepage': { '@id': `${base}/` },
    'dcat:dataset': periods.map((p) => {
      const path = datasetPath(base, p.code);
      return {
        '@id': `${path}/datapackage.json#dataset`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `rapor-ikm-${p.code.toLowerCase()}`,
        'dct:title': both(`Indeks Kepuasan Masyarakat per unit layanan, ${p.code}`, `Community Satisfaction Index per service unit, ${p.code}`),
        'dct:description': both(
          `IKM, interval 95 %, mutu, sembilan unsur dan target sampel setiap unit layanan, ${p.from} s.d. ${p.to}.`,
          `IKM, 95 % interval, grade, the nine elements and the sample target of every service unit, ${p.from} to ${p.to}.`,
        ),
        'dcat:keyword': ['SKM', 'IKM', 'kepuasan masyarakat', 'pelayanan publik'],
        'dcat:theme': 'pelayanan publik',
        'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': typed(p.from, 'xsd:date'), 'dcat:endDate': typed(p.to, 'xsd:date') },
        'dct:spatial': spatial,
        'dct:license': { '@id': OPEN_DATA_LICENSE.path },
        'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': 'Rapor' },
        'dcat:landingPage': { '@id': `${base}/peringkat?periode=${encodeURIComponent(p.code)}` },
        'dcat:distribution': [
          {
            '@id': `${path}/scores.csv`,
            '@type': 'dcat:Distribution',
            'dct:title': `scores.csv (${p.code})`,
            'dcat:accessURL': { '@id': `${path}/scores.csv` },
            'dcat:downloadURL': { '@id': `${path}/scores.csv` },
            'dcat:mediaType': { '@id': `${IANA}text/csv` },
            'dct:format': 'CSV',
            'dct:license': { '@id': OPEN_DATA_LICENSE.path },
            'dct:conformsTo': { '@id': `${path}/datapackage.json` },
          },
          {
            '@id': `${path}/datapackage.json`,
            '@type': 'dcat:Distribution',
            'dct:title': `datapackage.json (${p.code})`,
            'dcat:accessURL': { '@id': `${path}/datapackage.json` },
            'dcat:downloadURL': { '@id': `${path}/datapackage.json` },
            'dcat:mediaType': { '@id': `${IANA}application/json` },
            'dct:format': 'JSON',
            'dct:conformsTo': { '@id': 'https://specs.frictionlessdata.io/tabular-data-package/' },
          },
        ],
      };
    }),
  };
}
