// The outbox worker (issue 27 item 1, docs/decisions/060-mail-outbox.md), started by server/main.ts: every `pollMs`
// it claims due mails one at a time (db/queries/outbox.ts), sends each through the transport and marks it sent, or
// records the failure with a backoff. State lives in the database only: a restart picks up every unsent row, and two
// processes never hold the same row at once. A crash between the SMTP server's acceptance and the mark re-sends the
// same Message-ID once the lease runs out (receivers keep one).
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { claimNextMail, markMailSent, recordMailFailure } from '../../db/queries/outbox.ts';
import type { MailTransport } from '../mail/transport.ts';

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  now: () => Date;
  pollMs: number;
  leaseMs: number;
  firstRetryMs?: number;
  log?: (line: string) => void;
}

export interface OutboxWorker {
  /** Sends every mail due now; resolves with how many were sent (tests, and the worker's own ticks). */
  drain(): Promise<number>;
  /** Stops polling and waits for the mail being sent, if any. */
  stop(): Promise<void>;
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, now, log = (line) => console.log(line) } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const drainNow = async (): Promise<number> => {
    let sent = 0;
    while (!stopped) {
      const mail = await claimNextMail(db, now(), options.leaseMs);
      if (!mail) break;
      try {
        await transport.send(mail);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        const next = await recordMailFailure(db, mail, now(), text, options.firstRetryMs);
        log(`[rapor] Surel gagal / mail failed (${mail.kind}, try ${mail.attempts}): ${text}${next ? `; again at ${next.toISOString()}` : '; given up'}`);
        continue;
      }
      if (await markMailSent(db, mail, now())) sent++;
      else log(`[rapor] Surel ${mail.message_id}: claim lost while sending; it may be sent again with the same Message-ID.`);
    }
    return sent;
  };
  // One drain at a time in this process.
  const drain = () => (running = running.then(drainNow, drainNow));
  const tick = () => {
    timer = undefined;
    void drain()
      .catch((error: unknown) => log(`[rapor] Kotak keluar / outbox: ${String(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => 0);
      transport.close();
    },
  };
}
