// The pure parts of the SKM report file: which RTL items it lists and how each went, the sign-off's place, and the
// text the PDF's standard font can show.
import { describe, expect, it } from 'vitest';
import { parsePeriodCode } from '../../core/domain/periods.ts';
import { followUpOutcome, reportFollowUps } from '../../core/domain/follow-up-periods.ts';
import { signOffPlace } from '../../core/domain/report-rtl.ts';
import { pdfText } from '../../server/report/skm-pdf.ts';

const item = (period: string, due_date: string, status: string, completed_on: string | null = null) => ({ period, due_date, status, completed_on });

describe('the RTL of a report', () => {
  const items = [item('2025-S2', '2026-03-31', 'selesai', '2026-03-20'), item('2026-S1', '2026-12-15', 'berjalan'), item('2026-S1', '2027-03-31', 'rencana'), item('2024', '2025-01-31', 'selesai', '2025-02-10'), item('bukan-periode', '2026-01-01', 'rencana')];

  it('lists the items made for the period as new, and the previous period\'s with their outcome', () => {
    const { previous, current, earlier } = reportFollowUps(items, parsePeriodCode('2026-S1'), '2026-11-23');
    expect(previous.code).toBe('2025-S2');
    expect(current.map((f) => f.period)).toEqual(['2026-S1', '2026-S1']);
    expect(earlier).toEqual([{ item: items[0], outcome: 'done-on-time' }]);
  });

  it('for a year, the items of any part of it; an unreadable period code belongs to none', () => {
    const { current, earlier } = reportFollowUps(items, parsePeriodCode('2025'), '2026-11-23');
    expect(current.map((f) => f.period)).toEqual(['2025-S2']);
    expect(earlier).toEqual([{ item: items[3], outcome: 'done-late' }]);
  });

  it.each([
    [item('x', '2026-03-31', 'selesai', '2026-03-31'), 'done-on-time'],
    [item('x', '2026-03-31', 'selesai', '2026-04-01'), 'done-late'],
    [item('x', '2026-03-31', 'selesai', null), 'done-undated'],
    [item('x', '2026-03-31', 'berjalan'), 'overdue'],
    [item('x', '2026-12-15', 'berjalan'), 'not-yet-due'],
  ] as const)('outcome on 2026-11-23: %o → %s', (f, outcome) => {
    expect(followUpOutcome(f, '2026-11-23')).toBe(outcome);
  });
});

describe('the sign-off place', () => {
  it.each([['Kota Gorontalo', 'Gorontalo'], ['Kabupaten Gorontalo', 'Gorontalo'], ['Provinsi Jambi', 'Jambi'], ['Kecamatan Plaju', 'Plaju'], ['Gorontalo', 'Gorontalo']])('%s → %s', (region, place) => {
    expect(signOffPlace(region)).toBe(place);
  });
});

describe('text for the standard PDF font (WinAnsi)', () => {
  it('keeps Indonesian and English text and typographic marks, and prints "?" for what the font lacks', () => {
    expect(pdfText('Pelayanan “cepat” – ramah × 25, naïve café')).toBe('Pelayanan “cepat” – ramah × 25, naïve café');
    expect(pdfText('Bagus 👍🏽 sekali\nterima kasih 谢谢')).toBe('Bagus ?? sekali terima kasih ??');
    expect(pdfText('a\u0000b\u200dc')).toBe('abc');
  });
});
