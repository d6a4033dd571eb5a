/**
 * Where a thread form goes back to: a path of this project's pages (its hash dropped), never
 * another site or project, or null (an open redirect otherwise).
 */
export function safeReturnTo(projectId: string, value: string): string | null {
  const path = value.split("#")[0]!;
  const prefix = `/projects/${projectId}/`;
  if (!path.startsWith(prefix) || path.length > 500) return null;
  if (/[\\\s]|\/\/|\/\.\.?(\/|$|\?)|%2e|%2f|%5c/i.test(path)) return null;
  return path;
}
