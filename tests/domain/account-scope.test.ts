// Links and choices an account may use (issue 17 item 5): staff their own unit's report, a regional evaluator their
// region and its sub-regions.
import { describe, expect, it } from 'vitest';
import { mayOpenUnitReport, mayUseEvaluatorTools, regionChoicesFor } from '../../site/lib/account-scope.ts';
import type { Me } from '../../site/lib/me.ts';

const regions = [
  { code: '75', name: 'Provinsi Gorontalo', kind: 'provinsi', timezone: 'Asia/Makassar', parentCode: null },
  { code: '7571', name: 'Kota Gorontalo', kind: 'kota', timezone: 'Asia/Makassar', parentCode: '75' },
  { code: '7501', name: 'Kabupaten Gorontalo', kind: 'kabupaten', timezone: 'Asia/Makassar', parentCode: '75' },
  { code: '1671', name: 'Kota Palembang', kind: 'kota', timezone: 'Asia/Jakarta', parentCode: null },
  { code: '1671050', name: 'Kecamatan Plaju', kind: 'kecamatan', timezone: 'Asia/Jakarta', parentCode: '1671' },
  { code: '15', name: 'Provinsi Jambi', kind: 'provinsi', timezone: 'Asia/Jakarta', parentCode: null },
];
const account = (role: Me['role'], extra: Partial<Me> = {}): Me => ({ email: 'x@y', name: 'X', role, unit: null, region: null, ...extra });
const staff = account('staff', { unit: { slug: 'dukcapil-kota-gorontalo', name: 'Dukcapil' } });
const gorontalo = account('evaluator', { region: { code: '75', name: 'Provinsi Gorontalo' } });
const national = account('evaluator');
const admin = account('admin');

describe('what an account is offered', () => {
  it('offers a regional evaluator only their region and its sub-regions', () => {
    expect(regionChoicesFor(gorontalo, regions).map((r) => r.code)).toEqual(['75', '7571', '7501']);
  });

  it('offers every region to a national evaluator and an administrator, and none to staff', () => {
    expect(regionChoicesFor(national, regions)).toHaveLength(6);
    expect(regionChoicesFor(admin, regions)).toHaveLength(6);
    expect(regionChoicesFor(staff, regions)).toEqual([]);
  });

  it('links staff to their own unit\'s report only', () => {
    expect(mayOpenUnitReport(staff, { slug: 'dukcapil-kota-gorontalo', regionCode: '7571' }, regions)).toBe(true);
    expect(mayOpenUnitReport(staff, { slug: 'samsat-kota-gorontalo', regionCode: '7571' }, regions)).toBe(false);
  });

  it('links an evaluator to reports inside their region, an administrator and a national evaluator to all', () => {
    expect(mayOpenUnitReport(gorontalo, { slug: 'a', regionCode: '7571' }, regions)).toBe(true);
    expect(mayOpenUnitReport(gorontalo, { slug: 'b', regionCode: '1671050' }, regions)).toBe(false);
    expect(mayOpenUnitReport(national, { slug: 'b', regionCode: '1671050' }, regions)).toBe(true);
    expect(mayOpenUnitReport(admin, { slug: 'b', regionCode: '15' }, regions)).toBe(true);
  });

  it('gives the evaluators\' tools (report ZIPs, evidence locks, moderation) to evaluators and administrators only', () => {
    expect([staff, gorontalo, national, admin].map(mayUseEvaluatorTools)).toEqual([false, true, true, true]);
  });
});
