// Ratings that could not be sent wait in the browser's storage with their idempotency keys and are sent when the
// network returns; the server counts each key once, so a rating sent twice is still one rating.
export interface Queued {
  slug: string;
  body: { idempotencyKey: string } & Record<string, unknown>;
  kioskToken: string | null;
  queuedAt: string;
}

const KEY = 'rapor-antrean-penilaian';

export function queued(): Queued[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Queued[];
  } catch {
    return [];
  }
}

function save(items: Queued[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

export function enqueue(item: Queued): void {
  const items = queued().filter((q) => q.body.idempotencyKey !== item.body.idempotencyKey);
  save([...items, item]);
}

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
