// The outbox's rules (issue 27 item 1, docs/decisions/060-mail-outbox.md): when a mail that could not be sent is tried
// again, how often before it stays failed, and the Message-ID each outbox row carries. Pure: no clock, no I/O.

/** Tries (the first included) after which a mail is left failed, visible in the outbox with its last error. */
export const MAX_MAIL_ATTEMPTS = 12;

/** The waits after the 1st, 2nd, 3rd… failed try, as multiples of the first: 1 min, 5 min, 30 min, 2 h, then 6 h. */
const RETRY_STEPS = [1, 5, 30, 120, 360] as const;

/** The default first wait: one minute. */
export const FIRST_RETRY_MS = 60_000;

/**
 * How long to wait after the `attempts`-th failed try (1-based) before the next, or null when that was the last one.
 * `firstRetryMs` scales the whole schedule (tests shorten it; the portal keeps one minute).
 */
export function retryDelayMs(attempts: number, firstRetryMs: number = FIRST_RETRY_MS): number | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  const step = RETRY_STEPS[Math.min(Math.max(attempts, 1), RETRY_STEPS.length) - 1]!;
  return step * firstRetryMs;
}

/** The domain of the portal's Message-IDs: the host of RAPOR_PUBLIC_URL, or "localhost" when it is not set. */
export function messageIdDomain(publicUrl: string | undefined): string {
  if (!publicUrl) return 'localhost';
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/** The Message-ID of an outbox row: its own id at the portal's domain, angle brackets included (RFC 5322 §3.6.4). */
export function messageIdOf(rowId: string, domain: string): string {
  return `<${rowId}@${domain}>`;
}
