// What proves that a unit published its results (issue 24 F10; docs/decisions/044, refining 034): a fetch of the
// badge, the widget or the waiting-room screen by anyone is no proof. The widget counts when a listed origin frames it,
// the badge when a listed origin's page loads it, the screen when it ran for hours on several days; never a request
// from a signed-in account (the unit's own staff looking at their kit).

/** The origin (scheme, host, port) of a Referer header, or null. */
export function refererOrigin(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export interface FetchMetadata {
  /** Sec-Fetch-Dest */
  dest: string | undefined;
  /** Sec-Fetch-Site */
  site: string | undefined;
  referer: string | undefined;
}

/** The widget was framed by a page of an origin the administrator listed for the unit. */
export function framedByListedOrigin(h: FetchMetadata, listed: readonly string[]): boolean {
  if (h.dest !== 'iframe') return false;
  if (h.site !== undefined && h.site !== 'cross-site' && h.site !== 'same-site') return false;
  const origin = refererOrigin(h.referer);
  return origin !== null && listed.includes(origin);
}

/** The badge was loaded by a page of a listed origin (as an image, when the browser says so). */
export function loadedByListedPage(h: FetchMetadata, listed: readonly string[]): boolean {
  if (h.dest !== undefined && h.dest !== 'image') return false;
  const origin = refererOrigin(h.referer);
  return origin !== null && listed.includes(origin);
}

/** A day on which the screen polled in at least this many distinct local hours ran that day. */
export const SCREEN_HOURS_A_DAY = 4;
/** The screen counts as published once it ran on this many days … */
export const SCREEN_DAYS = 3;
/** … within this many days up to today. */
export const SCREEN_WINDOW_DAYS = 14;

/** Whether the screen ran long enough to count: `hours` holds the distinct polled hours per local date in the window. */
export function screenRan(hours: ReadonlyMap<string, number>): boolean {
  let days = 0;
  for (const n of hours.values()) if (n >= SCREEN_HOURS_A_DAY) days++;
  return days >= SCREEN_DAYS;
}
