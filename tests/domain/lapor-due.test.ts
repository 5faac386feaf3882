// Issue 27 item 7 (decision 066): SP4N-LAPOR! due days count working days — weekends and the holiday calendar skipped.
import { describe, expect, it } from 'vitest';
import { complaintText, draftComplaint, laporDue } from '../../core/domain/lapor.ts';
import { addWorkingDays } from '../../core/domain/working-days.ts';

// Independence Day 2026 is a Monday; cuti bersama around Christmas 2026.
const HOLIDAYS = new Set(['2026-08-17', '2026-12-24', '2026-12-25']);

describe('addWorkingDays', () => {
  it('skips a weekend and a holiday', () => {
    // Thursday 13 August: Friday 14, (Saturday, Sunday, Monday 17 holiday), Tuesday 18, Wednesday 19.
    expect(addWorkingDays('2026-08-13', 3, HOLIDAYS)).toBe('2026-08-19');
    expect(addWorkingDays('2026-08-13', 3, new Set())).toBe('2026-08-18');
    // From a Saturday the first working day is Monday.
    expect(addWorkingDays('2026-08-08', 1, HOLIDAYS)).toBe('2026-08-10');
    // Wednesday 23 December + 5: (24, 25 holidays, weekend) 28, 29, 30, 31 December, 1 January.
    expect(addWorkingDays('2026-12-23', 5, HOLIDAYS)).toBe('2027-01-01');
    expect(addWorkingDays('2026-08-13', 0, HOLIDAYS)).toBe('2026-08-13');
  });
});

describe('laporDue', () => {
  it('asks for forwarding within 3 working days of the hold, then the answer within 5 of forwarding', () => {
    const held = { heldOn: '2026-08-13', forwardedOn: null, answeredOn: null };
    expect(laporDue(held, '2026-08-19', HOLIDAYS)).toEqual({ step: 'forward', dueOn: '2026-08-19', overdue: false });
    expect(laporDue(held, '2026-08-20', HOLIDAYS)).toEqual({ step: 'forward', dueOn: '2026-08-19', overdue: true });
    const forwarded = { ...held, forwardedOn: '2026-08-14' };
    expect(laporDue(forwarded, '2026-08-24', HOLIDAYS)).toEqual({ step: 'answer', dueOn: '2026-08-24', overdue: false });
    expect(laporDue(forwarded, '2026-08-25', HOLIDAYS)).toEqual({ step: 'answer', dueOn: '2026-08-24', overdue: true });
    expect(laporDue({ ...forwarded, answeredOn: '2026-08-30' }, '2026-09-30', HOLIDAYS)).toBeNull();
  });
});

describe('the draft complaint', () => {
  it('puts the unit as the place, the rating day as the incident day, and is anonymous and confidential', () => {
    const c = draftComplaint({ comment: 'Ada calo', localDate: '2026-08-13', unitName: 'DPMPTSP Kota Gorontalo', unitAddress: null, regionName: 'Kota Gorontalo' });
    expect(c).toMatchObject({ jenis: 'pengaduan', isi: 'Ada calo', tanggalKejadian: '2026-08-13', lokasi: 'DPMPTSP Kota Gorontalo', instansi: 'Pemerintah Kota Gorontalo', anonim: true, rahasia: true });
    expect(complaintText(c)).toContain('Tanggal kejadian: 2026-08-13');
  });
});
