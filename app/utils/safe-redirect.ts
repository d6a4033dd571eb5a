const DEFAULT_REDIRECT = "/projects";
const DUMMY_ORIGIN = "http://maillage.invalid";

/**
 * Keeps `redirectTo` on this site. Only a single-slash path is accepted; everything a
 * browser could read as another origin ("//x", "/\x", "/%5Cx", "/.//x", "https:…",
 * "javascript:…", control characters) falls back to the default page.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil" and "/\t/evil" leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || decoded.startsWith("//")) return fallback;
  const resolved = new URL(to, DUMMY_ORIGIN);
  if (resolved.origin !== DUMMY_ORIGIN) return fallback;
  // Resolving removes dot segments ("/.//evil" → "//evil"), so check what we return, not what came in.
  const path = resolved.pathname + resolved.search + resolved.hash;
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
