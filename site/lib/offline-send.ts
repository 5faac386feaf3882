// Sends the ratings waiting in the browser's storage (offline-queue.ts). Loaded after the rating island has started,
// with the rest of what it does not need to draw the form (rating-deferred.ts, issue 19).
import { queued, save } from './offline-queue';

let flushing = false;

/** Sends what waits, oldest first; keeps what fails for lack of network or a server hiccup. Returns what is left. */
export async function flush(): Promise<number> {
  if (flushing) return queued().length;
  flushing = true;
  try {
    for (const item of queued()) {
      let status = 0;
      try {
        const res = await fetch(`/api/units/${item.slug}/ratings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(item.kioskToken ? { 'x-kiosk-token': item.kioskToken } : {}) },
          body: JSON.stringify(item.body),
        });
        status = res.status;
      } catch {
        break;
      }
      // Kept for a retry: no answer, throttled, or a server error. Anything else is settled (stored, or refused for good).
      if (status === 0 || status === 429 || status >= 500) break;
      save(queued().filter((q) => q.body.idempotencyKey !== item.body.idempotencyKey));
    }
  } finally {
    flushing = false;
  }
  return queued().length;
}
