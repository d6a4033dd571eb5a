import { useEffect, useId, useMemo, useState } from "react";
import type * as Y from "yjs";
import { SurveyPreview } from "~/components/survey-preview";
import type { CollabSession } from "~/editor/collab-session.client";
import { CollabStatus, type NoticeTexts } from "~/editor/collab-status.client";
import { useConnectionStatus } from "~/editor/use-connection-status.client";
import { useCollabSession } from "~/editor/use-collab-session.client";
import { joinsAndLeaves, usePresence } from "~/editor/use-presence.client";
import { useLocale, useT } from "~/i18n/use-translation";
import { SURVEY_LIMITS, surveyDefinitionSchema, type SurveyDefinition } from "~/models/surveys/survey-definition";
import { sameDefinition } from "~/models/surveys/survey-publication";
import { AddQuestion, addTypeId, moveButtonId, SectionEditor } from "./section-editor.client";
import { introText, readStructure, titleText, type SurveyStructure } from "~/models/surveys/survey-doc";
import { addSection, stepQuestion, stepSection } from "~/models/surveys/survey-doc-edit";
import { YTextField } from "./y-text-field.client";
import { useOpenQuestion } from "./use-open-question.client";

export type SurveyDesignerProps = {
  /** `survey:<id>`: the websocket room and the local store's key. */
  docName: string;
  user: { id: string; name: string };
  /** Readers (council_reviewer, observer): the server drops their updates; nothing is editable. */
  readOnly: boolean;
  /** Told the title whenever it changes (the page heading follows the typing). */
  onTitle?: (title: string) => void;
  /** An opened survey's published version (decision 014); null for a draft survey. */
  published?: SurveyDefinition | null;
  /** Told whether the live design differs from `published`, whenever that flips. */
  onUnpublished?: (unpublished: boolean) => void;
};

/**
 * The co-edited design of a survey: inputs bound to its Y.Doc, synced over the collaboration
 * websocket and kept in IndexedDB for offline use, with the live preview beside it. Browser only.
 */
export function SurveyDesigner(props: SurveyDesignerProps) {
  // Another survey (or another person) is another Y.Doc, socket and local store.
  return <DesignerSession key={`${props.user.id}\n${props.docName}`} {...props} />;
}
export default SurveyDesigner;

/** The survey says "cette enquête" where the editor says "cette note". */
const SURVEY_NOTICES: NoticeTexts = {
  full: "surveys.notice.full",
  tooBig: "surveys.notice.tooBig",
  revoked: "surveys.notice.revoked",
  rightsChanged: "editor.notice.rightsChanged",
};

function DesignerSession({ docName, user, ...rest }: SurveyDesignerProps) {
  const t = useT();
  const session = useCollabSession(docName, user);
  if (!session) return <p className="muted">{t("surveys.designer.loading")}</p>;
  return <LiveDesigner session={session} {...rest} />;
}

/**
 * Whether the design people see in the designer is not what respondents get: compared as the
 * projection will store it (the contract's schema, canonical JSON), so the notice appears as
 * soon as someone types and goes when the change is undone or published.
 */
function useUnpublished(
  definition: SurveyDefinition,
  published: SurveyDefinition | null | undefined,
  heard: boolean,
  onUnpublished?: (unpublished: boolean) => void,
) {
  const unpublished = useMemo(() => {
    if (!published) return false;
    const parsed = surveyDefinitionSchema.safeParse(definition);
    return parsed.success ? !sameDefinition(parsed.data, published) : true;
  }, [definition, published]);
  useEffect(() => {
    if (heard) onUnpublished?.(unpublished);
  }, [heard, unpublished, onUnpublished]);
}

/** The structure read from the document, again after every change (local or remote). */
function useStructure(doc: Y.Doc): SurveyStructure {
  const [structure, setStructure] = useState(() => readStructure(doc));
  useEffect(() => {
    const update = () => setStructure(readStructure(doc));
    update();
    doc.on("update", update);
    return () => doc.off("update", update);
  }, [doc]);
  return structure;
}

type FocusRequest = { questionId: string; direction: -1 | 1 } | { addAfter: string | undefined } | null;

function LiveDesigner({
  session,
  readOnly,
  onTitle,
  published,
  onUnpublished,
}: Omit<SurveyDesignerProps, "docName" | "user"> & { session: CollabSession }) {
  const t = useT();
  const locale = useLocale();
  const previewId = useId();
  const { doc } = session;
  const { state, notice } = useConnectionStatus(session.provider, { readOnly });
  const editable = !readOnly && notice !== "revoked" && notice !== "rightsChanged";
  const { people, announcement: presenceAnnouncement } = usePresence(
    session.provider.awareness,
    state === "connected" || state === "synced",
    locale,
    joinsAndLeaves(t, "surveys.presence.joined", "surveys.presence.left"),
  );
  const structure = useStructure(doc);
  const { definition } = structure;
  const [announcement, setAnnouncement] = useState("");
  const [previewOpen, setPreviewOpen] = useState(false);
  const [focus, setFocus] = useState<FocusRequest>(null);
  // Not before the first sync: an empty document that has not heard from the server yet would
  // turn the projected title into "sans titre" for a moment.
  const heard = state === "synced";
  useEffect(() => {
    if (heard || definition.title) onTitle?.(definition.title);
  }, [onTitle, definition.title, heard]);
  useUnpublished(definition, published, heard, onUnpublished);
  const { openId, open: openQuestion, toggle: toggleQuestion } = useOpenQuestion();
  const totalQuestions = definition.sections.reduce((sum, s) => sum + s.questions.length, 0);

  // Focus follows the question that moved (React may have re-attached its node), or goes to the
  // label of a question just added.
  useEffect(() => {
    if (!focus) return;
    setFocus(null);
    if ("questionId" in focus) {
      const wanted = document.getElementById(
        moveButtonId(focus.questionId, focus.direction),
      ) as HTMLButtonElement | null;
      const other = document.getElementById(moveButtonId(focus.questionId, focus.direction === -1 ? 1 : -1));
      (wanted && !wanted.disabled ? wanted : other)?.focus();
    } else {
      const card = document.getElementById(addTypeId(focus.addAfter ?? ""))?.closest(".section-editor");
      card?.querySelector<HTMLInputElement>(".question-card:last-of-type input[type=text]")?.focus();
    }
  }, [focus, structure]);

  const onStepQuestion = (questionId: string, direction: -1 | 1) => {
    const moved = stepQuestion(doc, questionId, direction);
    if (!moved) {
      setAnnouncement(t("surveys.designer.cannotMove"));
      return;
    }
    const after = readStructure(doc).definition;
    const section = after.sections[moved.sectionIndex];
    const position = section ? section.questions.findIndex((q) => q.id === questionId) + 1 : 0;
    const label = section?.questions[position - 1]?.label || t("surveys.question.noLabel");
    setAnnouncement(
      t("surveys.designer.moved", {
        label,
        position,
        count: section?.questions.length ?? 0,
        section: moved.sectionIndex + 1,
      }),
    );
    setFocus({ questionId, direction });
  };

  const onStepSection = (sectionId: string, direction: -1 | 1) => {
    if (!stepSection(doc, sectionId, direction)) return;
    const sections = readStructure(doc).definition.sections;
    const position = sections.findIndex((s) => s.id === sectionId) + 1;
    const label = sections[position - 1]?.title || t("surveys.section.heading", { number: position });
    setAnnouncement(t("surveys.designer.sectionMoved", { label, position, count: sections.length }));
  };

  // A question one adds opens (and the one open before folds); others' new questions do not.
  const onQuestionAdded = (questionId: string) => {
    openQuestion(questionId);
    const found = readStructure(doc).definition.sections.find((s) => s.questions.some((q) => q.id === questionId));
    setFocus({ addAfter: found?.id });
  };

  let offset = 0;
  return (
    <div className={`survey-designer${previewOpen ? " is-previewing" : ""}`}>
      <CollabStatus
        state={state}
        notice={notice}
        people={people}
        announcement={presenceAnnouncement}
        presenceLabel={t("surveys.presence.label")}
        notices={SURVEY_NOTICES}
      />
      <p className="preview-toggle">
        <button
          type="button"
          className="button"
          aria-expanded={previewOpen}
          aria-controls={previewId}
          onClick={() => setPreviewOpen((open) => !open)}
        >
          {previewOpen ? t("surveys.preview.hide") : t("surveys.preview.show")}
        </button>
      </p>
      <div className="survey-designer__columns">
        <div className="survey-designer__design stack">
          <div className="panel stack">
            <YTextField
              text={titleText(doc)}
              label={t("surveys.field.title")}
              max={SURVEY_LIMITS.titleMax}
              readOnly={!editable}
              className="survey-designer__title-field"
            />
            <YTextField
              text={introText(doc)}
              label={t("surveys.field.intro")}
              hint={t("surveys.field.introHint")}
              max={SURVEY_LIMITS.introMax}
              readOnly={!editable}
              multiline
            />
          </div>
          {definition.sections.length === 0 ? (
            <div className="panel stack">
              <p className="muted">{t("surveys.design.empty")}</p>
              {editable ? (
                <AddQuestion
                  doc={doc}
                  sectionId={undefined}
                  sectionNumber={1}
                  totalQuestions={0}
                  onQuestionAdded={onQuestionAdded}
                />
              ) : null}
            </div>
          ) : null}
          {definition.sections.map((section, index) => {
            const sectionOffset = offset;
            offset += section.questions.length;
            const maps = structure.sections[index]!;
            return (
              <SectionEditor
                key={section.id}
                doc={doc}
                map={maps.map}
                questionMaps={maps.questions}
                section={section}
                index={index}
                count={definition.sections.length}
                offset={sectionOffset}
                totalQuestions={totalQuestions}
                readOnly={!editable}
                onStepQuestion={onStepQuestion}
                onStepSection={onStepSection}
                onQuestionAdded={onQuestionAdded}
                openQuestionId={openId}
                onToggleQuestion={toggleQuestion}
                renderSectionFields={() => (
                  <div className="stack">
                    <YTextField
                      text={maps.map.get("title")}
                      label={t("surveys.section.title", { number: index + 1 })}
                      max={SURVEY_LIMITS.sectionTitleMax}
                      readOnly={!editable}
                    />
                    <YTextField
                      text={maps.map.get("description")}
                      label={t("surveys.section.description", { number: index + 1 })}
                      max={SURVEY_LIMITS.helpMax}
                      readOnly={!editable}
                      multiline
                    />
                  </div>
                )}
              />
            );
          })}
          {editable ? (
            definition.sections.length >= SURVEY_LIMITS.sectionsMax ? (
              <p className="field-hint">{t("surveys.section.max", { max: SURVEY_LIMITS.sectionsMax })}</p>
            ) : (
              <p>
                <button type="button" className="button" onClick={() => addSection(doc)}>
                  {t("surveys.section.add")}
                </button>
              </p>
            )
          ) : null}
        </div>
        <section id={previewId} className="survey-designer__preview panel" aria-labelledby={`${previewId}-title`}>
          <h3 id={`${previewId}-title`}>{t("surveys.preview.title")}</h3>
          <p className="field-hint">{t("surveys.preview.hint")}</p>
          <SurveyPreview definition={definition} />
        </section>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
