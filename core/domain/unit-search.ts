// Unit search by the words residents use (issue 17, docs/decisions/031-unit-search.md): unit names, kinds, services,
// regions and a list of everyday words per kind of unit ("ktp" → Dukcapil, "rumah sakit" → RSUD), tolerant of typos.
// MiniSearch does the indexing, prefix and fuzzy matching and the ranking; this module only says what is indexed.
import MiniSearch, { type SearchOptions } from 'minisearch';

export interface SearchableUnit {
  slug: string;
  name: string;
  kind: string;
  regionName: string;
  /** The names of the unit's services. */
  services: string[];
}

/**
 * The words people use for each kind of unit, Bahasa Indonesia first: the kind's short name, what it is called, and
 * what people go there for. A unit of a kind is found by any of them.
 */
export const KIND_WORDS: Record<string, { label: { id: string; en: string }; words: string[] }> = {
  dukcapil: {
    label: { id: 'Dukcapil (kependudukan)', en: 'Dukcapil (civil registry)' },
    words: ['dukcapil', 'disdukcapil', 'capil', 'catatan sipil', 'pencatatan sipil', 'kependudukan', 'ktp', 'e-ktp', 'ktp-el',
      'kk', 'kartu keluarga', 'akta', 'akte', 'akta kelahiran', 'akta kematian', 'surat pindah', 'kartu identitas anak'],
  },
  rsud: {
    label: { id: 'Rumah sakit (RSUD)', en: 'Hospital (RSUD)' },
    words: ['rsud', 'rs', 'rumah sakit', 'rumah sakit umum daerah', 'igd', 'gawat darurat', 'rawat inap', 'rawat jalan'],
  },
  dpmptsp: {
    label: { id: 'Kantor perizinan (DPMPTSP)', en: 'Permit office (DPMPTSP)' },
    words: ['dpmptsp', 'ptsp', 'dpmpt', 'izin', 'ijin', 'perizinan', 'perijinan', 'kantor perizinan', 'pelayanan terpadu satu pintu',
      'penanaman modal', 'investasi', 'nib', 'oss', 'pbg', 'imb', 'izin usaha', 'izin bangunan'],
  },
  samsat: {
    label: { id: 'Samsat (pajak kendaraan)', en: 'Samsat (vehicle tax)' },
    // Not "sim": driving licences are Polri's (Satpas), not Samsat's (ELSEWHERE below; issue 25 item 11).
    words: ['samsat', 'stnk', 'bpkb', 'pajak kendaraan', 'pajak motor', 'pajak mobil', 'pkb', 'bbnkb', 'balik nama', 'plat nomor'],
  },
  puskesmas: {
    label: { id: 'Puskesmas', en: 'Health centre (Puskesmas)' },
    words: ['puskesmas', 'pusat kesehatan masyarakat', 'berobat', 'imunisasi', 'posyandu', 'surat keterangan sehat'],
  },
  kecamatan: {
    label: { id: 'Kecamatan', en: 'District office (Kecamatan)' },
    words: ['kecamatan', 'camat', 'kantor camat'],
  },
  kelurahan: {
    label: { id: 'Kelurahan', en: 'Village office (Kelurahan)' },
    words: ['kelurahan', 'lurah', 'kantor lurah', 'surat pengantar', 'surat domisili'],
  },
  disdik: {
    label: { id: 'Dinas pendidikan', en: 'Education office' },
    words: ['disdik', 'disdikbud', 'dinas pendidikan', 'pendidikan', 'sekolah', 'ijazah', 'legalisir ijazah', 'mutasi siswa'],
  },
};

/** A link to where a resident can go: an agency's official site. */
export interface ElsewhereLink {
  name: string;
  url: string;
}

/** A service residents look for that no unit of this portal runs: who runs it, and where to go (issue 25, item 11). */
export interface ElsewhereService {
  id: string;
  agency: { id: string; en: string };
  what: { id: string; en: string };
  links: ElsewhereLink[];
}

/**
 * Services people search for that another agency runs, with the words that name them. The portal's units are local
 * governments' (Pemda) service units: a driving licence (SIM) is issued by Polri's Satpas, a passport by an immigration
 * office, BPJS membership by BPJS itself. Saying so beats an empty list or a Samsat that cannot help.
 */
export const ELSEWHERE: readonly (ElsewhereService & { words: string[] })[] = [
  {
    id: 'sim',
    words: ['sim', 'surat izin mengemudi', 'sim a', 'sim c', 'perpanjang sim', 'perpanjangan sim', 'satpas', 'driving licence', 'driving license'],
    agency: { id: 'Satpas Polri (Satuan Penyelenggara Administrasi SIM)', en: 'Satpas of the National Police (Polri)' },
    what: {
      id: 'SIM (Surat Izin Mengemudi) diterbitkan dan diperpanjang oleh Satpas di Polres setempat, bukan oleh Samsat atau pemerintah daerah.',
      en: 'Driving licences (SIM) are issued and renewed by the Satpas of the local police (Polres), not by Samsat or the local government.',
    },
    links: [{ name: 'Korlantas Polri', url: 'https://korlantas.polri.go.id/' }],
  },
  {
    id: 'paspor',
    words: ['paspor', 'pasport', 'passport', 'imigrasi', 'kantor imigrasi', 'visa'],
    agency: { id: 'Kantor Imigrasi', en: 'Immigration office (Kantor Imigrasi)' },
    what: {
      id: 'Paspor diurus di Kantor Imigrasi (Direktorat Jenderal Imigrasi), bukan di unit pemerintah daerah.',
      en: 'Passports are handled by an immigration office (Directorate General of Immigration), not by a local government unit.',
    },
    links: [{ name: 'Direktorat Jenderal Imigrasi', url: 'https://www.imigrasi.go.id/' }],
  },
  {
    id: 'bpjs',
    words: ['bpjs', 'bpjs kesehatan', 'bpjs ketenagakerjaan', 'jkn', 'kis', 'kartu indonesia sehat', 'jamsostek', 'bpjamsostek'],
    agency: { id: 'BPJS Kesehatan dan BPJS Ketenagakerjaan', en: 'BPJS Kesehatan and BPJS Ketenagakerjaan' },
    what: {
      id: 'Kepesertaan BPJS diurus di kantor BPJS Kesehatan (JKN) atau BPJS Ketenagakerjaan. Berobat dengan kartu BPJS bisa di puskesmas dan rumah sakit.',
      en: 'BPJS membership is handled by BPJS Kesehatan (national health insurance, JKN) or BPJS Ketenagakerjaan (employment insurance). Treatment with a BPJS card is available at puskesmas and hospitals.',
    },
    links: [
      { name: 'BPJS Kesehatan', url: 'https://www.bpjs-kesehatan.go.id/' },
      { name: 'BPJS Ketenagakerjaan', url: 'https://www.bpjsketenagakerjaan.go.id/' },
    ],
  },
];

/** The services another agency runs that a query names by a whole word or phrase ("perpanjang sim" → Satpas). */
export function elsewhereFor(query: string): ElsewhereService[] {
  const padded = ` ${words(query).join(' ')} `;
  return ELSEWHERE.filter((e) => e.words.some((w) => padded.includes(` ${words(w).join(' ')} `)))
    .map(({ words: _words, ...service }) => service);
}

/** A kind's name for people: "Rumah sakit (RSUD)"; an unknown kind as stored. */
export function kindLabel(kind: string, lang: 'id' | 'en'): string {
  return KIND_WORDS[kind]?.label[lang] ?? kind;
}

interface Doc {
  id: string;
  kind: string;
  name: string;
  kindWords: string;
  services: string;
  region: string;
}

export type UnitIndex = MiniSearch<Doc>;

const OPTIONS: SearchOptions = {
  // The unit's own name counts most, then what kind of unit it is, then its services and its region.
  boost: { name: 3, kindWords: 2, services: 1, region: 1 },
  // "rum" finds "rumah"; typos are forgiven in words of five letters or more (one letter in five), so "sim" stays "sim".
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'AND',
};

export function buildUnitIndex(units: readonly SearchableUnit[]): UnitIndex {
  const index = new MiniSearch<Doc>({ fields: ['name', 'kindWords', 'services', 'region'], storeFields: ['kind'], searchOptions: OPTIONS });
  index.addAll(units.map((u) => ({
    id: u.slug,
    kind: u.kind,
    name: u.name,
    kindWords: [u.kind, ...(KIND_WORDS[u.kind]?.words ?? [])].join(' · '),
    services: u.services.join(' · '),
    region: u.regionName,
  })));
  return index;
}

export interface SearchHit {
  slug: string;
  score: number;
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The kinds of unit a query names with one of their everyday words or phrases, whole ("kantor perizinan" → dpmptsp). */
export function kindsNamedIn(query: string): Set<string> {
  const padded = ` ${words(query).join(' ')} `;
  const named = new Set<string>();
  for (const [kind, { words: list }] of Object.entries(KIND_WORDS)) {
    if (list.some((w) => padded.includes(` ${words(w).join(' ')} `))) named.add(kind);
  }
  return named;
}

/** How much more a unit of a kind the query names counts than a unit that merely shares a word with it. */
const NAMED_KIND_BOOST = 3;

/**
 * The best units for a query, best first. Every word must match (so "kantor perizinan" is the permit office, not every
 * "kantor"); when no unit matches them all, any word may. Units of a kind the query names come first.
 */
export function searchUnitIndex(index: UnitIndex, query: string, limit: number): SearchHit[] {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const named = kindsNamedIn(q);
  const boostDocument = (_id: unknown, _term: string, stored?: Record<string, unknown>) => (named.has(String(stored?.kind)) ? NAMED_KIND_BOOST : 1);
  let hits = index.search(q, { boostDocument });
  if (hits.length === 0) hits = index.search(q, { combineWith: 'OR', boostDocument });
  return hits
    .sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)))
    .slice(0, limit)
    .map((h) => ({ slug: String(h.id), score: h.score }));
}
