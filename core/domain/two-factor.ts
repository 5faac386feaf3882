// Rules of two-factor sign-in (docs/decisions/018): who may and who must use it, how long a half-done sign-in and a
// known device last, and the shape of codes. The one-time codes themselves come from `otpauth` (server/auth/totp.ts).
import { secureRandom, type RandomBytes } from './ids.ts';

export const RECOVERY_CODE_COUNT = 10;
/** A sign-in whose password was right waits this long for its code. */
export const PENDING_LOGIN_MS = 5 * 60 * 1000;
/** A browser stays a known device of an account for this long after its last sign-in there. */
export const KNOWN_DEVICE_MS = 90 * 24 * 60 * 60 * 1000;

/** Roles that may turn two-factor sign-in on. */
export function twoFactorAvailable(role: string): boolean {
  return role === 'admin' || role === 'evaluator';
}

/** Whether the account must have two-factor sign-in before it may do anything (administrators in production). */
export function twoFactorRequired(role: string, requireForAdmins: boolean): boolean {
  return requireForAdmins && role === 'admin';
}

// RFC 4648 base-32 letters in lower case: no 0, 1, 8 or 9 to mistake for o, l, b or g when copied from paper.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A recovery code as shown once: xxxx-xxxx-xxxx-xxxx (80 random bits). */
export function newRecoveryCode(random: RandomBytes = secureRandom): string {
  let s = '';
  for (const b of random(16)) s += ALPHABET[b & 31];
  return s.match(/.{4}/g)!.join('-');
}

/** A typed code, as the authenticator app shows it (six digits) or as a recovery code; null when it is neither. */
export function parseCode(input: string): { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null {
  const bare = input.normalize('NFKC').replace(/[\s-]+/g, '').toLowerCase();
  if (/^\d{6}$/.test(bare)) return { kind: 'totp', code: bare };
  if (/^[a-z2-7]{16}$/.test(bare)) return { kind: 'recovery', code: bare };
  return null;
}
