// Ratings that could not be sent wait in the browser's storage with their idempotency keys and are sent when the
// network returns; the server counts each key once, so a rating sent twice is still one rating. The sender is in
// offline-send.ts, loaded after the rating island starts (issue 19).
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

export function save(items: Queued[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

export function enqueue(item: Queued): void {
  const items = queued().filter((q) => q.body.idempotencyKey !== item.body.idempotencyKey);
  save([...items, item]);
}
