// The unit search (issue 17 item 3, docs/decisions/031-unit-search.md): the words residents use find the unit.
import { describe, expect, it } from 'vitest';
import { KIND_WORDS, buildUnitIndex, elsewhereFor, kindsNamedIn, searchUnitIndex, type SearchableUnit } from '../../core/domain/unit-search.ts';

const UNITS: SearchableUnit[] = [
  { slug: 'dukcapil-kota', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Gorontalo', kind: 'dukcapil', regionName: 'Kota Gorontalo', services: ['Penerbitan Akta Kelahiran'] },
  { slug: 'rsud-aloei-saboe', name: 'RSUD Prof. Dr. H. Aloei Saboe', kind: 'rsud', regionName: 'Kota Gorontalo', services: ['Rawat Jalan'] },
  { slug: 'dpmptsp-kota', name: 'DPMPTSP Kota Gorontalo', kind: 'dpmptsp', regionName: 'Kota Gorontalo', services: ['Persetujuan Bangunan Gedung (PBG)'] },
  { slug: 'samsat-kota', name: 'UPTD Samsat Kota Jambi', kind: 'samsat', regionName: 'Provinsi Jambi', services: ['Pembayaran PKB Tahunan'] },
  { slug: 'kecamatan-plaju', name: 'Kantor Kecamatan Plaju', kind: 'kecamatan', regionName: 'Kecamatan Plaju', services: ['Legalisasi Dokumen'] },
  { slug: 'puskesmas-simpang', name: 'Puskesmas Simpang Kawat', kind: 'puskesmas', regionName: 'Kota Jambi', services: ['Pemeriksaan Umum'] },
];
const index = buildUnitIndex(UNITS);
const found = (q: string) => searchUnitIndex(index, q, 20).map((h) => h.slug);

describe('unit search', () => {
  it.each([
    ['ktp', 'dukcapil-kota'], ['KK', 'dukcapil-kota'], ['akta', 'dukcapil-kota'], ['Dukcapil', 'dukcapil-kota'],
    ['capil', 'dukcapil-kota'], ['dukcapl', 'dukcapil-kota'], ['kependudukan', 'dukcapil-kota'],
    ['rumah sakit', 'rsud-aloei-saboe'], ['rumah sakit gorontalo', 'rsud-aloei-saboe'], ['RSUD', 'rsud-aloei-saboe'],
    ['izin', 'dpmptsp-kota'], ['perizinan', 'dpmptsp-kota'], ['kantor perizinan', 'dpmptsp-kota'], ['perizinan gorontalo', 'dpmptsp-kota'],
    ['STNK', 'samsat-kota'], ['pajak kendaraan', 'samsat-kota'], ['samsaat', 'samsat-kota'], ['puskesmass', 'puskesmas-simpang'],
    ['puskesmas', 'puskesmas-simpang'], ['camat', 'kecamatan-plaju'],
  ])('"%s" finds %s first', (q, slug) => {
    expect(found(q)[0]).toBe(slug);
  });

  it('sends a driving licence (SIM) to Polri\'s Satpas, not to Samsat; passports and BPJS to their agencies (issue 25, item 11)', () => {
    expect(found('SIM')).not.toContain('samsat-kota');
    expect(elsewhereFor('perpanjang SIM').map((e) => e.id)).toEqual(['sim']);
    expect(elsewhereFor('paspor').map((e) => e.id)).toEqual(['paspor']);
    expect(elsewhereFor('BPJS Kesehatan').map((e) => e.id)).toEqual(['bpjs']);
    // Whole words only: "simpang" is not "sim"; the portal's own services name no other agency.
    for (const q of ['simpang', 'ktp', 'STNK', 'izin usaha']) expect(elsewhereFor(q), q).toEqual([]);
  });

  it('finds only what matches every word when something does ("kantor perizinan" is not every office)', () => {
    expect(found('kantor perizinan')).toEqual(['dpmptsp-kota']);
    expect(found('rumah sakit')).toEqual(['rsud-aloei-saboe']);
  });

  it('falls back to any word when no unit matches them all', () => {
    expect(found('rumah sakit jambi')).toEqual(expect.arrayContaining(['rsud-aloei-saboe', 'samsat-kota']));
  });

  it('answers nothing for an empty query or words that match no unit', () => {
    expect(found('')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('zzzzqqq')).toEqual([]);
  });

  it('knows which kinds a query names, by whole words and phrases', () => {
    expect([...kindsNamedIn('kantor perizinan')]).toEqual(['dpmptsp']);
    expect([...kindsNamedIn('Rumah Sakit Jambi')]).toEqual(['rsud']);
    expect([...kindsNamedIn('KTP-el')]).toEqual(['dukcapil']);
    expect([...kindsNamedIn('simpang')]).toEqual([]);
  });

  it('keeps its limit', () => {
    expect(searchUnitIndex(index, 'kota', 2)).toHaveLength(2);
  });

  it('has words for every kind of unit in the demo world', () => {
    for (const kind of ['dpmptsp', 'dukcapil', 'samsat', 'puskesmas', 'rsud', 'kecamatan', 'kelurahan', 'disdik']) {
      expect(KIND_WORDS[kind]?.words.length).toBeGreaterThan(0);
    }
  });
});
