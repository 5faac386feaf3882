// Time-based one-time codes (RFC 6238: SHA-1, six digits, 30-second steps, what every authenticator app reads) from
// the well-kept `otpauth` library (docs/decisions/018); nothing of the algorithm is written here.
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

const ISSUER = 'Rapor';

function totp(secret: string, label = 'Rapor'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A new 160-bit secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed), and that address as a QR code in SVG. */
export function enrolment(secret: string, accountLabel: string): { uri: string; qrSvg: string } {
  const uri = totp(secret, accountLabel).toString();
  return { uri, qrSvg: renderSVG(uri, { ecc: 'M', border: 2, pixelSize: 6 }) };
}

/** The time step a six-digit code belongs to, when it is the code of the step before, at or after `now`; else null. */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : t.counter({ timestamp: now.getTime() }) + delta;
}
