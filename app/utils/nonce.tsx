import { createContext, useContext } from "react";

// The browser hides nonces from scripts, so on the client this is always "" — which is
// what React expects when it hydrates the nonce attributes.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
