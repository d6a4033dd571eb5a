import type { WebsocketProvider } from "y-websocket";
import { CLOSE_ACCESS_REVOKED, reconnectDelay, shouldRetryAfterClose, type BackoffOptions } from "./reconnect-delay";

export type ReconnectOptions = BackoffOptions & {
  /** The browser's online/offline signals; injectable for tests. Default `window`. */
  target?: Pick<Window, "addEventListener" | "removeEventListener">;
  /** Whether the browser believes it is online. Default `() => navigator.onLine`. */
  isOnline?: () => boolean;
  /**
   * Asked after a connection attempt failed before opening: may this session still open the
   * document? A browser cannot read why an upgrade was refused, so without this a member
   * removed while offline would retry for ever. "denied" stops reconnecting with a 'closed'
   * event carrying 4403, as when the server closes an open socket for the same reason.
   */
  checkAccess?: () => Promise<"allowed" | "denied" | "unknown">;
};

/** Abnormal closure: what a browser reports for a refused upgrade as for a dead network. */
const CLOSE_ABNORMAL = 1006;

/**
 * Replaces y-websocket's reconnection schedule with full-jitter exponential backoff, without
 * forking y-websocket 3.1.0 (node_modules/y-websocket/src/y-websocket.js):
 *
 * - When a socket closes, the provider emits 'connection-close' *before* it schedules its own
 *   `setTimeout(setupWS, min(100·2^n, maxBackoffTime))`, and `setupWS` does nothing unless
 *   `provider.shouldConnect` is true. So on every close that the provider would retry we set
 *   `shouldConnect = false` (its own timer becomes a no-op — the mechanism y-websocket itself
 *   uses for terminal closes) and call `provider.connect()` after our jittered delay.
 * - The attempt number is the provider's `wsUnsuccessfulReconnects`, which it resets once a
 *   connection has synced, so a server that accepts then drops us keeps backing off.
 * - `provider.shouldReconnect` stops the provider on 4403 (access revoked), 4410 (document
 *   deleted) and 1009 (a change too big to be accepted); it then emits 'closed'.
 * - Browsers keep a dead socket open for a long while after the network goes away (and
 *   Chromium's offline emulation leaves open websockets alone), so we also close on the
 *   'offline' event and reconnect on 'online' instead of retrying against no network.
 *
 * Create the provider with `connect: false`: this starts the first connection itself, or waits
 * for 'online' when the browser starts offline. Returns a function that removes every listener
 * and pending timer (it does not destroy the provider).
 */
export function installJitteredReconnect(provider: WebsocketProvider, options: ReconnectOptions = {}): () => void {
  const target = options.target ?? window;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waitingForNetwork = false;
  let stopped = false;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (attempt: number) => {
    cancel();
    timer = setTimeout(
      () => {
        timer = null;
        if (!stopped) provider.connect();
      },
      reconnectDelay(attempt, options),
    );
  };

  provider.shouldReconnect = (event) => shouldRetryAfterClose(event.code);

  const denied = () => {
    stopped = true;
    cancel();
    provider.shouldConnect = false;
    provider.emit("closed", [{ code: CLOSE_ACCESS_REVOKED, reason: "access ended" }, provider]);
  };
  const onConnectionClose = (event: CloseEvent | null) => {
    // shouldConnect is already false after provider.disconnect() (ours, or on unmount).
    if (stopped || !provider.shouldConnect) return;
    if (event && !provider.shouldReconnect(event, provider)) return; // the provider stops and emits 'closed'
    const attempt = provider.wsUnsuccessfulReconnects;
    provider.shouldConnect = false;
    if (!isOnline()) {
      waitingForNetwork = true;
      return;
    }
    // A socket that never opened: refused at the upgrade, or no network. Ask which, then retry.
    if (options.checkAccess && attempt > 0 && (!event || event.code === CLOSE_ABNORMAL)) {
      options
        .checkAccess()
        .catch(() => "unknown" as const)
        .then((answer) => {
          if (stopped) return;
          if (answer === "denied") denied();
          else schedule(attempt);
        });
      return;
    }
    schedule(attempt);
  };
  const onClosed = () => {
    stopped = true;
    cancel();
  };
  const onOffline = () => {
    if (stopped) return;
    waitingForNetwork = waitingForNetwork || provider.shouldConnect || timer !== null;
    cancel();
    provider.disconnect();
  };
  const onOnline = () => {
    if (stopped || !waitingForNetwork) return;
    waitingForNetwork = false;
    // Everyone on a network that comes back would otherwise reconnect in the same instant.
    schedule(0);
  };

  provider.on("connection-close", onConnectionClose);
  provider.on("closed", onClosed);
  target.addEventListener("offline", onOffline);
  target.addEventListener("online", onOnline);
  if (isOnline()) provider.connect();
  else waitingForNetwork = true;

  return () => {
    stopped = true;
    cancel();
    provider.off("connection-close", onConnectionClose);
    provider.off("closed", onClosed);
    target.removeEventListener("offline", onOffline);
    target.removeEventListener("online", onOnline);
  };
}
