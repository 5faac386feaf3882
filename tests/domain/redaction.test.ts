// DOMAIN.md §9: NIK, phone numbers and emails are masked before a comment is stored; look-alikes stay.
import { describe, expect, it } from 'vitest';
import { MASKS, redactPersonalData } from '../../core/domain/redaction.ts';

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

// Issue 15, finding 11: spellings that got past the first redactor (double spaces, ` - `, `/` and `_` separators,
// full-width digits and signs, spelled-out email signs, brackets around the operator code, zero-width characters).
const FW = (s: string) => s.replace(/[0-9A-Za-z@.\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const variants: [string, string][] = [
  // NIK
  ['NIK 7571  0145  0988  0002 ya', `NIK ${NIK} ya`],
  ['NIK 7571 - 0145 - 0988 - 0002', `NIK ${NIK}`],
  ['NIK 7571/0145/0988/0002', `NIK ${NIK}`],
  ['NIK 7571_0145_0988_0002', `NIK ${NIK}`],
  [`NIK ${FW('7571014509880002')}`, `NIK ${NIK}`],
  ['NIK 75.71.01.450988.0002', `NIK ${NIK}`],
  ['NIK 7571\u200b0145\u200b0988\u20620002', `NIK ${NIK}`],
  ['NIK 7571 – 0145 – 0988 – 0002', `NIK ${NIK}`],
  // Phone
  ['WA 0812  3456  7890', `WA ${PHONE}`],
  ['WA 0812 - 3456 - 7890', `WA ${PHONE}`],
  ['WA 0812/3456/7890', `WA ${PHONE}`],
  ['WA 0812_3456_7890', `WA ${PHONE}`],
  [`WA ${FW('081234567890')}`, `WA ${PHONE}`],
  [`WA ${FW('0812-3456-7890')}`, `WA ${PHONE}`],
  ['WA +62 (812) 3456-7890', `WA ${PHONE}`],
  ['WA +62 (812) 3456 7890 ya', `WA ${PHONE} ya`],
  ['WA (+62) 812-3456-7890', `WA ${PHONE}`],
  ['WA +62 - 812 - 3456 - 7890', `WA ${PHONE}`],
  ['telp (0435)  821234', `telp ${PHONE}`],
  ['telp 0435 - 821234', `telp ${PHONE}`],
  // Email
  ['email budi(at)gmail.com', `email ${EMAIL}`],
  ['email budi＠gmail.com', `email ${EMAIL}`],
  [`email ${FW('budi@gmail.com')}`, `email ${EMAIL}`],
  ['email nama (at) gmail (dot) com', `email ${EMAIL}`],
  ['email nama [at] gmail.com', `email ${EMAIL}`],
  ['email nama at gmail dot com', `email ${EMAIL}`],
  ['email nama {at} yahoo [dot] co [dot] id', `email ${EMAIL}`],
  ['email budi.santoso @ gmail.com', `email ${EMAIL}`],
  ['email budi@gmail(dot)com', `email ${EMAIL}`],
  ['email BUDI AT GMAIL DOT COM', `email ${EMAIL}`],
  ['email budi at gmail titik com', `email ${EMAIL}`],
];

// Look-alikes that the wider separators must still leave alone.
const unchangedToo = [
  'tanggal 17/08/2026 - 20/08/2026',
  'diajukan 2026-03-17 - 2026-03-27 selesai',
  'jam 08.00 - 12.00 / 13.00 - 16.00',
  'buka 08.00-12.00 13.00-16.00 WITA',
  'tahun 2023 - 2024 - 2025 - 2026',
  'biaya 50.000 - 100.000 rupiah',
  'antri 2  jam  30  menit',
  'saya datang at 8 pagi dan puas',
  'top at all, dot com era sudah lewat',
  'Mantap @ Dukcapil Gorontalo',
  'loket 3 / nomor 12 / 45 menit',
];

describe('redactPersonalData', () => {
  it.each(variants)('masks the variant %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(unchangedToo)('still leaves the look-alike %j alone', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it.each(masked)('masks personal data in %j', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it.each(unchanged)('leaves look-alikes alone in %j', (input) => {
    expect(redactPersonalData(input)).toBe(input);
  });

  it('has a corpus of at least 30 strings', () => {
    expect(masked.length + unchanged.length).toBeGreaterThanOrEqual(30);
    expect(variants.length).toBeGreaterThanOrEqual(20);
  });

  it('is idempotent: a masked text stays as it is when masked again', () => {
    for (const [input] of [...masked, ...variants]) {
      const once = redactPersonalData(input);
      expect(redactPersonalData(once)).toBe(once);
    }
  });

  it('leaves no run of ten or more digits from a masked phone or NIK', () => {
    for (const [input] of [...masked, ...variants]) expect(redactPersonalData(input)).not.toMatch(/\d{10,}/);
  });
});
