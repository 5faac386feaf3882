// Kemendagri region codes (open data, issue 18). Ours are BPS codes; down to kabupaten/kota the two agree digit for
// digit (BPS 7571 = Kemendagri 75.71). Below that the numbering differs, so nothing is guessed.

/** The Kemendagri code format: 75, 75.71, 75.71.01, 75.71.01.1001. */
export const KEMENDAGRI_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** The Kemendagri code a region gets when the administrator gives none: derived for provinces and kabupaten/kota only. */
export function kemendagriFromBps(code: string, kind: string): string | null {
  if (kind === 'provinsi' && /^\d{2}$/.test(code)) return code;
  if ((kind === 'kabupaten' || kind === 'kota') && /^\d{4}$/.test(code)) return `${code.slice(0, 2)}.${code.slice(2)}`;
  return null;
}
