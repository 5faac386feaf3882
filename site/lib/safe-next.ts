// Where to go after signing in: the `next` the sign-in page was given, only if it is a page of this portal. `next` is
// resolved the way the browser would resolve it, so every spelling that leaves the site (`//host`, `/\host`, a tab or
// newline the URL parser drops, another scheme) is caught by comparing origins, not by guessing at prefixes.

/**
 * The same-origin path (path, query and fragment) `next` leads to, resolved against `origin`, else `fallback`.
 * `origin` is the portal's own (location.origin in the browser).
 */
export function safeNext(next: string | null | undefined, origin: string, fallback: string): string {
  if (!next) return fallback;
  let url: URL;
  try {
    url = new URL(next, `${origin}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  // "/.//host" resolves to the path "//host", which a browser would read as another host: keep one leading slash.
  return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}${url.hash}`;
}
