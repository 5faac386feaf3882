// One webhook delivery over HTTP(S) (docs/decisions/064): a POST of the signed JSON body with the Standard Webhooks
// headers, bounded by one 10 s deadline for connecting, sending and the answer's status; the answer's body is read
// and dropped (at most 64 KB). Redirects are not followed: a receiver answers where it was registered.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { WEBHOOK_TIMEOUT_MS } from '../../core/domain/webhooks.ts';
import { checkPublicHost, publicOnlyLookup } from './address.ts';

export interface SendOptions {
  /** Refuse private, loopback and link-local addresses (NODE_ENV=production). */
  refuseNonPublic: boolean;
  timeoutMs?: number;
}

/** Sends the body; answers the HTTP status, or throws (timeout, refused address, connection error). */
export async function sendWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<number> {
  const target = new URL(url);
  if (options.refuseNonPublic) await checkPublicHost(target.hostname);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<number>((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Rapor-Webhooks/1' },
      ...(options.refuseNonPublic ? { lookup: publicOnlyLookup } : {}),
    }, (res) => {
      let seen = 0;
      res.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > 64 * 1024) res.destroy();
      });
      res.on('end', () => finish(null, res.statusCode ?? 0));
      res.on('close', () => finish(null, res.statusCode ?? 0));
      res.on('error', () => finish(null, res.statusCode ?? 0));
    });
    let done = false;
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const finish = (error: Error | null, status?: number) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(status!);
    };
    req.on('error', (error) => finish(error));
    req.end(body);
  });
}
