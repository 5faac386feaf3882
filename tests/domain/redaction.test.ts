// DOMAIN.md §9: NIK, phone numbers and emails are masked before a comment is stored; look-alikes stay.
import { describe, expect, it } from 'vitest';
import { MASKS, redactPersonalData } from '../../server/domain/redaction.ts';

const { nik: NIK, phone: PHONE, email: EMAIL } = MASKS;

const masked: [string, string][] = [
  ['NIK saya 7571014509880002', `NIK saya ${NIK}`],
  ['nik:3171234567890123.', `nik:${NIK}.`],
  ['7571 0145 0988 0002 atas nama ibu', `${NIK} atas nama ibu`],
  ['NIK 7571-0145-0988-0002', `NIK ${NIK}`],
  ['KTP 7571.0145.0988.0002 hilang', `KTP ${NIK} hilang`],
  ['hubungi 081234567890', `hubungi ${PHONE}`],
  ['WA 0812-3456-7890 ya', `WA ${PHONE} ya`],
  ['HP 0853 1122 3344', `HP ${PHONE}`],
  ['telp 0812.3456.7890', `telp ${PHONE}`],
  ['nomor +6281234567890', `nomor ${PHONE}`],
  ['+62 812 3456 7890 (WA)', `${PHONE} (WA)`],
  ['+62-812-3456-7890', PHONE],
  ['62 812 3456 7890', PHONE],
  ['6281234567890 saja', `${PHONE} saja`],
  ['(0435) 821234 kantor', `${PHONE} kantor`],
  ['0711-512345', PHONE],
  ['+62 435 821234', PHONE],
  ['0812345678 (10 digit)', `${PHONE} (10 digit)`],
  ['kirim ke budi.santoso@gmail.com', `kirim ke ${EMAIL}`],
  ['Email: WARGA_77@yahoo.co.id!', `Email: ${EMAIL}!`],
  ['a@b.id dan 08123456789', `${EMAIL} dan ${PHONE}`],
  ['NIK 7571014509880002, HP 081298765432, mail x.y@desa.go.id', `NIK ${NIK}, HP ${PHONE}, mail ${EMAIL}`],
];

const unchanged = [
  'tanggal 17-08-2026',
  'tanggal 17/08/2026 jam 08.30',
  'diajukan 2026-03-17, selesai 2026-03-27',
  'biaya Rp 1.500.000',
  'Rp1.250.000,00 terlalu mahal',
  'biaya 150.000 rupiah',
  'jam layanan 08.00-16.00 WITA',
  'antrian nomor A-123',
  'nomor antrean 0812',
  'tahun 2025 lebih baik',
  'menunggu 2 jam 30 menit',
  'NIB 1234567890123 sudah terbit',
  '17 digit: 12345678901234567',
  'tanggal 08-03-2026',
  'ruang 3.14, lantai 2',
  'kode pos 96128',
  'Nomor surat 470/123/2026',
  'RT 003 RW 005',
  'skor 4/4 untuk petugas',
  'Pelayanan bagus, terima kasih!',
];

describe('redactPersonalData', () => {
  it.each(masked)('masks personal data in %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(unchanged)('leaves look-alikes alone in %j', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it('has a corpus of at least 30 strings', () => {
    expect(masked.length + unchanged.length).toBeGreaterThanOrEqual(30);
  });

  it('leaves no run of ten or more digits from a masked phone or NIK', () => {
    for (const [input] of masked) expect(redactPersonalData(input)).not.toMatch(/\d{10,}/);
  });
});
