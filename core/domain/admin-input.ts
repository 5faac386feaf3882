// What administrators may write: regions, units, services with their service standard, accounts, holidays,
// officials and targets. One schema each, shared by the API and the CSV import.
import * as v from 'valibot';
import { KEMENDAGRI_CODE } from './region-codes.ts';
import { isValidDate } from './periods.ts';
import { SLUG_PATTERN } from './rating-input.ts';
import { TIME_ZONES } from './time-zones.ts';
import { SLA_UNITS } from './working-days.ts';
import { MIN_PUBLIC_RATINGS_RANGE } from './small-cells.ts';

const text = (max: number) => v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(max, `must be at most ${max} characters`));
const slug = v.pipe(v.string('must be a slug'), v.trim(), v.toLowerCase(), v.regex(SLUG_PATTERN, 'must use lowercase letters, digits and hyphens'));
const regionCode = v.pipe(v.string('must be a region code'), v.trim(), v.regex(/^[0-9.]{2,20}$/, 'must be a BPS-style region code of digits'));
const date = v.pipe(v.string('must be a date YYYY-MM-DD'), v.check(isValidDate, 'must be a date YYYY-MM-DD'));
const wholeNumber = (min: number, max: number) => v.pipe(v.number(`must be a whole number from ${min} to ${max}`), v.integer(`must be a whole number from ${min} to ${max}`), v.minValue(min, `must be a whole number from ${min} to ${max}`), v.maxValue(max, `must be a whole number from ${min} to ${max}`));

export const REGION_KINDS = ['provinsi', 'kabupaten', 'kota', 'kecamatan', 'kelurahan', 'desa'] as const;
export const UNIT_KINDS = ['dpmptsp', 'dukcapil', 'samsat', 'puskesmas', 'rsud', 'kecamatan', 'kelurahan', 'disdik', 'lainnya'] as const;
export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
/** Indicators the portal can realise for ASN performance evaluation (DOMAIN.md §8). */
export const INDICATORS = ['ikm', 'permit_within_sla_share', 'permit_median_days', 'follow_up_on_time_share'] as const;

export const regionSchema = v.object({
  code: regionCode,
  name: text(200),
  kind: v.picklist(REGION_KINDS, `must be one of ${REGION_KINDS.join(', ')}`),
  timezone: v.picklist(Object.keys(TIME_ZONES) as (keyof typeof TIME_ZONES)[], 'must be Asia/Jakarta, Asia/Makassar or Asia/Jayapura'),
  parentCode: v.nullable(regionCode),
  /** The Kemendagri code for open data; omitted: derived from the BPS code where the two agree (core/domain/region-codes.ts). */
  kemendagriCode: v.optional(v.nullable(v.pipe(v.string('must be a Kemendagri code'), v.trim(), v.regex(KEMENDAGRI_CODE, 'must be a Kemendagri code such as 75.71')))),
});

export const unitSchema = v.object({
  slug,
  name: text(200),
  kind: v.picklist(UNIT_KINDS, `must be one of ${UNIT_KINDS.join(', ')}`),
  regionCode,
  address: v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(400, 'must be at most 400 characters'))),
});

export const slaSchema = v.object({
  value: wholeNumber(1, 100000),
  unit: v.picklist(SLA_UNITS, `must be one of ${SLA_UNITS.join(', ')}`),
  startsAt: v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
});

export const serviceSchema = v.pipe(
  v.object({
    slug,
    name: text(200),
    isPermit: v.boolean('must be true or false'),
    sla: v.nullable(slaSchema),
    declaredUsers: v.nullable(wholeNumber(0, 100_000_000)),
  }),
  v.forward(v.check((s) => !s.isPermit || s.sla !== null, 'a permit service needs its completion time (SLA)'), ['sla']),
);

export const userSchema = v.object({
  email: v.pipe(v.string('must be an email address'), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254, 'is too long')),
  name: text(200),
  role: v.picklist(['staff', 'evaluator', 'admin'] as const, 'must be staff, evaluator or admin'),
  unitSlug: v.nullable(slug),
  regionCode: v.nullable(regionCode),
});

export const userPatchSchema = v.partial(v.object({
  name: text(200),
  password: v.pipe(v.string('must be text'), v.minLength(10, 'must have at least 10 characters'), v.maxLength(200, 'is too long')),
  disabled: v.boolean('must be true or false'),
  /** Turns the account's two-factor sign-in off (a lost authenticator and lost recovery codes): it enrols anew. */
  resetTwoFactor: v.literal(true, 'can only be true'),
}));

export const holidaySchema = v.object({ name: text(200), kind: v.picklist(HOLIDAY_KINDS, `must be one of ${HOLIDAY_KINDS.join(', ')}`) });

export const officialSchema = v.pipe(
  v.object({
    // NIP: 18 digits (birth date, appointment month, sex, serial).
    nip: v.pipe(v.string('must be an 18-digit NIP'), v.trim(), v.regex(/^\d{18}$/, 'must be an 18-digit NIP')),
    name: text(200),
    position: text(200),
    unitSlug: slug,
    from: date,
    to: v.nullable(date),
  }),
  v.forward(v.check((o) => o.to === null || o.to >= o.from, 'must not be before from'), ['to']),
);

export const targetSchema = v.object({
  unitSlug: slug,
  indicator: v.picklist(INDICATORS, `must be one of ${INDICATORS.join(', ')}`),
  year: wholeNumber(2000, 2100),
  value: v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'), v.maxValue(1_000_000, 'is too large')),
});

/** The data-protection contact (UU 27/2022 art. 53) an administrator shows on the privacy page; null clears it. */
export const dataProtectionContactSchema = v.nullable(v.object({
  name: text(200),
  email: v.pipe(v.string('must be an email address'), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254, 'is too long')),
  phone: v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(40, 'must be at most 40 characters'), v.regex(/^[0-9+()\-. ]*$/, 'must be a phone number'))),
}));
export type DataProtectionContact = v.InferOutput<typeof dataProtectionContactSchema>;

/** The portal-wide settings an administrator changes; each may be sent alone. */
export const settingsSchema = v.pipe(
  v.partial(v.object({
    asnPermitVerifiedOnly: v.boolean('must be true or false'),
    dataProtectionContact: dataProtectionContactSchema,
    // Small cells (decision 047): the fewest ratings behind a public figure.
    minPublicRatings: v.pipe(
      v.number(`must be a whole number from ${MIN_PUBLIC_RATINGS_RANGE.min} to ${MIN_PUBLIC_RATINGS_RANGE.max}`),
      v.integer(`must be a whole number from ${MIN_PUBLIC_RATINGS_RANGE.min} to ${MIN_PUBLIC_RATINGS_RANGE.max}`),
      v.minValue(MIN_PUBLIC_RATINGS_RANGE.min, `must be a whole number from ${MIN_PUBLIC_RATINGS_RANGE.min} to ${MIN_PUBLIC_RATINGS_RANGE.max}`),
      v.maxValue(MIN_PUBLIC_RATINGS_RANGE.max, `must be a whole number from ${MIN_PUBLIC_RATINGS_RANGE.min} to ${MIN_PUBLIC_RATINGS_RANGE.max}`),
    ),
  })),
  v.check((s) => Object.keys(s).length > 0, 'name at least one setting'),
);

export type RegionInput = v.InferOutput<typeof regionSchema>;
export type UnitInput = v.InferOutput<typeof unitSchema>;
export type ServiceInput = v.InferOutput<typeof serviceSchema>;
export type OfficialInput = v.InferOutput<typeof officialSchema>;
