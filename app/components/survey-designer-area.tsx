import { Component, lazy, Suspense, type ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import type { SurveyDefinition } from "~/models/surveys/survey-definition";
import { useHydrated } from "./note-editor-area";
import { SurveyPreview } from "./survey-preview";

// The designer binds to a Y.Doc over a websocket: it only ever runs in the browser (*.client.tsx).
const SurveyDesigner = lazy(() =>
  import("~/surveys/survey-designer.client").then((m) => ({ default: m.SurveyDesigner })),
);

type Props = {
  docName: string;
  user: { id: string; name: string };
  readOnly: boolean;
  /** The last design the server projected, shown while the designer loads (and without JavaScript). */
  definition: SurveyDefinition | null;
  /** Told the survey's title whenever the document's changes. */
  onTitle?: (title: string) => void;
  /** An opened survey's published version, which the live design is compared to (decision 014). */
  published?: SurveyDefinition | null;
  /** Told whether the live design differs from `published`. */
  onUnpublished?: (unpublished: boolean) => void;
};

export function SurveyDesignerArea({ docName, user, readOnly, definition, onTitle, published, onUnpublished }: Props) {
  const t = useT();
  const hydrated = useHydrated();
  const fallback = (
    <div className="panel stack">
      <p className="muted" role="status">
        {t("surveys.designer.loading")}
      </p>
      {definition ? <SurveyPreview definition={definition} /> : <p>{t("surveys.designer.emptyFallback")}</p>}
    </div>
  );
  if (!hydrated) return fallback;
  return (
    <DesignerErrorBoundary message={t("surveys.designer.failed")} fallback={definition}>
      <Suspense fallback={fallback}>
        <SurveyDesigner
          docName={docName}
          user={user}
          readOnly={readOnly}
          onTitle={onTitle}
          published={published}
          onUnpublished={onUnpublished}
        />
      </Suspense>
    </DesignerErrorBoundary>
  );
}

/** A chunk that cannot load (offline on a first visit, a deploy in between) leaves the last projected design. */
class DesignerErrorBoundary extends Component<
  { message: string; fallback: SurveyDefinition | null; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="panel stack">
        <p role="alert" className="form-error">
          {this.props.message}
        </p>
        {this.props.fallback ? <SurveyPreview definition={this.props.fallback} /> : null}
      </div>
    );
  }
}
