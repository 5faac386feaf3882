// Where the IKM's 95 % interval is shown (issue 16 item 11): only where its width means something, i.e. not when
// intervalNote (ikm.ts) says 'too-few'. One rule for the unit page, the SKM report, the poster and the kit's pages.

/** "low – high" with the caller's number format, or null where the interval says nothing. */
export function shownInterval(x: { ikmCi95: [number, number] | null; intervalNote?: string | null }, format: (n: number) => string): string | null {
  return x.ikmCi95 && x.intervalNote !== 'too-few' ? `${format(x.ikmCi95[0])} – ${format(x.ikmCi95[1])}` : null;
}
