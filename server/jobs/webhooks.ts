// The webhook worker (issue 27 item 5, docs/decisions/064), started by server/main.ts: every `pollMs` it claims due
// deliveries one at a time (db/queries/webhooks.ts), signs each (Standard Webhooks: webhook-id, webhook-timestamp,
// webhook-signature) and posts it with a 10 s deadline. A 2xx marks it delivered; 410 Gone disables the endpoint;
// anything else (another status, a timeout, a refused address) is tried again on the spec's schedule with jitter,
// with the same webhook-id, and given up after the last try. State lives in the database only.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/schema.ts';
import { signWebhook, webhookRetryDelayMs } from '../../core/domain/webhooks.ts';
import { claimNextDelivery, disableWebhookEndpoint, markDelivered, recordDeliveryFailure, type ClaimedDelivery } from '../../db/queries/webhooks.ts';
import type { SecretBox } from '../webhooks/secrets.ts';
import { sendWebhook } from '../webhooks/send.ts';

export interface WebhookWorkerOptions {
  db: Kysely<Database>;
  secrets: (now: Date) => Promise<SecretBox>;
  now: () => Date;
  pollMs: number;
  /** Refuse private, loopback and link-local addresses at delivery (NODE_ENV=production). */
  refuseNonPublic: boolean;
  /** Scales the retry schedule (tests shorten it); 1 keeps 5 s, 5 min, 30 min, 2 h, … */
  retryScale?: number;
  leaseMs?: number;
  log?: (line: string) => void;
}

export interface WebhookWorker {
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** The headers of one try: the delivery's own id, the time of this try, and one signature per valid secret. */
export function deliveryHeaders(d: ClaimedDelivery, box: SecretBox, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const secrets = [box.open(d.endpoint.secret_sealed)];
  if (d.endpoint.previous_secret_sealed && d.endpoint.previous_secret_until && d.endpoint.previous_secret_until > now.toISOString()) {
    secrets.push(box.open(d.endpoint.previous_secret_sealed));
  }
  return {
    'webhook-id': d.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signWebhook(s, d.id, timestamp, d.payload)).join(' '),
  };
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, now, log = (line) => console.log(line) } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const fail = async (d: ClaimedDelivery, status: number | null, error: string) => {
    const delay = webhookRetryDelayMs(d.attempts, randomInt(1_000_000) / 1_000_000, options.retryScale);
    const next = delay === null ? null : new Date(now().getTime() + delay);
    await recordDeliveryFailure(db, d, status, error, next, now());
    log(`[rapor] Webhook ${d.id} (${d.event_type}) try ${d.attempts} failed: ${error}${next ? `; again at ${next.toISOString()}` : '; given up'}`);
  };

  const drainNow = async (): Promise<number> => {
    let delivered = 0;
    while (!stopped) {
      const d = await claimNextDelivery(db, now(), leaseMs);
      if (!d) break;
      let status: number;
      try {
        const box = await options.secrets(now());
        status = await sendWebhook(d.endpoint.url, deliveryHeaders(d, box, now()), d.payload, { refuseNonPublic: options.refuseNonPublic });
      } catch (error) {
        await fail(d, null, error instanceof Error ? error.message : String(error));
        continue;
      }
      if (status >= 200 && status < 300) {
        if (await markDelivered(db, d, status, now())) delivered++;
      } else if (status === 410) {
        // Gone: the receiver asks for no more deliveries. The endpoint is disabled (its owner may resume it).
        await recordDeliveryFailure(db, d, status, 'the receiver answered 410 Gone: endpoint disabled', null, now());
        await disableWebhookEndpoint(db, d.endpoint_id, 'gone', now());
        log(`[rapor] Webhook endpoint ${d.endpoint_id} answered 410 Gone: disabled.`);
      } else {
        await fail(d, status, `HTTP ${status}`);
      }
    }
    return delivered;
  };
  const drain = () => (running = running.then(drainNow, drainNow));
  const tick = () => {
    timer = undefined;
    void drain()
      .catch((error: unknown) => log(`[rapor] Webhooks: ${String(error)}`))
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
    },
  };
}
