// The place named in the sign-off block of an SKM report file (DOMAIN.md §10).

/** The place of a sign-off: the unit's region without its kind ("Kota Gorontalo" → "Gorontalo"). */
export function signOffPlace(regionName: string): string {
  return regionName.replace(/^(Provinsi|Kabupaten|Kab\.|Kota|Kecamatan|Kelurahan|Desa)\s+/i, '').trim() || regionName;
}
