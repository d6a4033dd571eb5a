import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix only sends a document response's headers when the route says which to keep.
 * Action headers (Retry-After on a 429) win over the loader's.
 */
export const keepActionHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  actionHeaders.forEach((value, name) => headers.set(name, value));
  return headers;
};
