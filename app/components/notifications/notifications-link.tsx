import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/use-translation";

/** How often the count is asked again while the tab is visible (a primary-key read each). */
const POLL_MS = 60_000;

/**
 * The header's link to /notifications with the unread count, visible and spoken
 * ("Notifications (3 non lues)"). The first count comes with the page (the session's user row);
 * it is asked again after every navigation, when the tab comes back, and every minute while it
 * is visible — never on a hidden tab.
 */
export function NotificationsLink({ initialCount }: { initialCount: number }) {
  const t = useT();
  const [count, setCount] = useState(initialCount);
  const { pathname, search } = useLocation();
  const first = useRef(true);

  useEffect(() => setCount(initialCount), [initialCount]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refresh(setCount);
  }, [pathname, search]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh(setCount);
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh(setCount);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  const label =
    count === 0
      ? t("notifications.headerLink")
      : count === 1
        ? t("notifications.headerUnreadOne")
        : t("notifications.headerUnread", { count });
  return (
    <NavLink to="/notifications" className={count ? "notifications-link has-unread" : "notifications-link"}>
      {label}
    </NavLink>
  );
}

async function refresh(setCount: (count: number) => void) {
  try {
    const response = await fetch("/notifications/unread", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const body = (await response.json()) as { unread?: unknown };
    if (typeof body.unread === "number") setCount(body.unread);
  } catch {
    // Offline: the count shown stays until the next try.
  }
}
