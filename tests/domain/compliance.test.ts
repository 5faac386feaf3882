// The compliance scales' edges (decision 033) and the evidence upload's type check by magic bytes.
import { describe, expect, it } from 'vitest';
import { checkThresholds, daysBetween, median, scoreItem, type ThresholdRow } from '../../core/domain/compliance.ts';
import { evidenceFileName, sniffEvidenceType } from '../../core/domain/evidence-upload.ts';

const p8: ThresholdRow[] = [
  { item: 'pekppp_8aAk', op: 'ge', bound: 0, scoreHundredths: 200 }, { item: 'pekppp_8aAk', op: 'ge', bound: 30, scoreHundredths: 300 },
  { item: 'pekppp_8aAk', op: 'gt', bound: 80, scoreHundredths: 400 }, { item: 'pekppp_8aAk', op: 'ge', bound: 100, scoreHundredths: 500 },
];
const p9: ThresholdRow[] = [365, 270, 180, 90, 30].map((bound, i) => ({ item: 'pekppp_9aAk', op: 'le', bound, scoreHundredths: (i + 1) * 100 }));

describe('compliance scales', () => {
  it('takes the highest row that holds, at each edge', () => {
    expect([0, 29.99, 30, 80, 80.01, 99.99, 100].map((v) => scoreItem(p8, 'pekppp_8aAk', v))).toEqual([2, 2, 3, 3, 4, 4, 5]);
    expect([0, 30, 31, 90, 91, 365, 366].map((v) => scoreItem(p9, 'pekppp_9aAk', v))).toEqual([5, 5, 4, 4, 3, 1, 0]);
    expect(scoreItem(p8, 'pekppp_8aAk', null)).toBeNull();
  });

  it('counts days and medians', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(median([90, 20, 70])).toBe(70);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('refuses scores beyond an item’s scale, more than 2 decimals, and repeated rows', () => {
    expect(Object.keys(checkThresholds([{ item: 'zi_publication', op: 'ge', bound: 1, score: 1.5 }]).errors)).toEqual(['rows.0.score']);
    expect(Object.keys(checkThresholds([{ item: 'zi_follow_up', op: 'gt', bound: 0, score: 0.333 }]).errors)).toEqual(['rows.0.score']);
    expect(Object.keys(checkThresholds([{ item: 'pekppp_7aT', op: 'ge', bound: 1, score: 1 }, { item: 'pekppp_7aT', op: 'ge', bound: 1, score: 2 }]).errors)).toEqual(['rows.1']);
    expect(checkThresholds([{ item: 'zi_follow_up', op: 'gt', bound: 50, score: 0.67 }]).rows[0]!.scoreHundredths).toBe(67);
  });
});

describe('evidence files by their bytes', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('knows PDF, PNG, JPEG and WebP, and nothing else', () => {
    expect(sniffEvidenceType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffEvidenceType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffEvidenceType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffEvidenceType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffEvidenceType(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffEvidenceType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffEvidenceType(new TextEncoder().encode('%PD'))).toBeNull();
  });
  it('names the stored file by its real type', () => {
    expect(evidenceFileName('C:\\\\foto\\\\loket.exe', 'image/png')).toBe('loket.png');
    expect(evidenceFileName('', 'application/pdf')).toBe('bukti.pdf');
    expect(evidenceFileName('"a<b>".pdf', 'application/pdf')).toBe('ab.pdf');
  });
});
