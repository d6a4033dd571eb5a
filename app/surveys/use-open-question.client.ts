import { useCallback, useEffect, useState } from "react";
import { questionCardId, questionToggleId } from "./question-editor.client";

const HASH_PREFIX = `#${questionCardId("")}`;

/** The question named by the address (`#question-<id>`), if any. */
function questionFromHash(): string | null {
  const hash = window.location.hash;
  return hash.startsWith(HASH_PREFIX) ? decodeURIComponent(hash.slice(HASH_PREFIX.length)) || null : null;
}

/**
 * Which question of the designer is open: one at a time (issue 13: with every question open the
 * designer was 6,500 px tall). The open question's id is in the address, so a reload or a link
 * shared with a colleague opens it again. The address is replaced, not pushed: opening
 * questions does not fill the back button's history. Remix's own history state is kept.
 */
export function useOpenQuestion() {
  const [openId, setOpenId] = useState<string | null>(null);

  // After hydration only: the server never sees the hash.
  useEffect(() => {
    const fromHash = questionFromHash();
    if (!fromHash) return;
    setOpenId(fromHash);
    // The designer renders after the page loaded, too late for the browser's own scroll.
    requestAnimationFrame(() => document.getElementById(questionCardId(fromHash))?.scrollIntoView({ block: "start" }));
  }, []);

  const open = useCallback((questionId: string | null) => {
    setOpenId(questionId);
    const { pathname, search } = window.location;
    const hash = questionId ? `#${questionCardId(encodeURIComponent(questionId))}` : "";
    window.history.replaceState(window.history.state, "", `${pathname}${search}${hash}`);
  }, []);

  const toggle = useCallback(
    (questionId: string) => {
      const opening = openId !== questionId;
      open(opening ? questionId : null);
      // Opening a question folds the one above it: keep its button where the eye (and the
      // screen) was, rather than letting the page jump.
      if (opening) {
        requestAnimationFrame(() =>
          document.getElementById(questionToggleId(questionId))?.scrollIntoView({ block: "nearest" }),
        );
      }
    },
    [open, openId],
  );

  return { openId, open, toggle };
}
