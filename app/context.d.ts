import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address (X-Forwarded-For only when TRUST_PROXY is on). */
    clientAddress: string;
    /** Resolves once the response's socket can take more (at once when it can): backpressure for streamed bodies. */
    responseDrained: () => Promise<void>;
  }
}
