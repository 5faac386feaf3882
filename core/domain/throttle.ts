// A limit on how often something may happen in a window (the database keeps the count: db/queries/throttle.ts).
export interface ThrottleLimit {
  bucket: string;
  limit: number;
  windowMs: number;
  /**
   * A growing delay (docs/decisions/018): given how many events the bucket already holds in the window, how long after
   * the latest of them the next one may come (0: at once). Refused earlier, with Retry-After until then.
   */
  spacingMs?: (earlier: number) => number;
}
