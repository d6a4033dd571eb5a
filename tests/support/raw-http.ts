import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; setCookie: string[]; text: string };

/**
 * One HTTP request through node:http, for what fetch will not send: a Host header naming
 * another site (fetch always writes the real one), as a DNS-rebinding page's browser would.
 */
export function rawRequest(
  url: string,
  {
    method = "GET",
    headers = {},
    form,
  }: { method?: string; headers?: Record<string, string>; form?: Record<string, string> },
): Promise<RawResponse> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const allHeaders =
    body !== undefined
      ? {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        }
      : headers;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: allHeaders }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          setCookie: response.headers["set-cookie"] ?? [],
          text,
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });
}
