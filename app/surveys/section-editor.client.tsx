import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { useT } from "~/i18n/use-translation";
import { SURVEY_LIMITS, type SurveySection } from "~/models/surveys/survey-definition";
import type { QuestionType } from "~/models/core/vocabulary";
import { QuestionEditor, QuestionTypeOptions } from "./question-editor.client";
import { StepButtons } from "./step-buttons.client";
import { addQuestion, moveQuestionOnto, removeQuestion, removeSection } from "~/models/surveys/survey-doc-edit";

export type SectionEditorProps = {
  doc: Y.Doc;
  map: Y.Map<unknown>;
  questionMaps: Y.Map<unknown>[];
  section: SurveySection;
  /** 0-based place among sections, and how many there are. */
  index: number;
  count: number;
  /** How many questions come before this section (questions are numbered across the survey). */
  offset: number;
  totalQuestions: number;
  readOnly: boolean;
  /** Moves a question one step (crossing sections at the edges) and announces it. */
  onStepQuestion: (questionId: string, direction: -1 | 1) => void;
  onStepSection: (sectionId: string, direction: -1 | 1) => void;
  onQuestionAdded: (questionId: string) => void;
  /** The one open question of the designer (across sections), and how to open or fold one. */
  openQuestionId: string | null;
  onToggleQuestion: (questionId: string) => void;
  renderSectionFields: () => ReactNode;
};

/** Ids of the move buttons, so that focus can follow a question after it moved. */
export const moveButtonId = (questionId: string, direction: -1 | 1) =>
  `move-${questionId}-${direction < 0 ? "up" : "down"}`;
export const addTypeId = (sectionId: string) => `add-type-${sectionId}`;

export function SectionEditor(props: SectionEditorProps) {
  const { doc, section, index, count, readOnly, offset, questionMaps } = props;
  const t = useT();
  const number = index + 1;
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = section.questions.map((q) => q.id);
  const labelOf = (id: unknown) => {
    const position = ids.indexOf(String(id));
    return section.questions[position]?.label || t("surveys.question.heading", { number: offset + position + 1 });
  };
  const positionOf = (id: unknown) => String(ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("surveys.dnd.start", { label: labelOf(active.id), position: positionOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t("surveys.dnd.over", { label: labelOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t("surveys.dnd.end", { label: labelOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragCancel: ({ active }) => t("surveys.dnd.cancel", { label: labelOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) moveQuestionOnto(doc, String(active.id), String(over.id));
  };

  return (
    <section className="section-editor panel stack" aria-labelledby={headingId}>
      <div className="question-editor__head">
        <h3 id={headingId} className="section-editor__title">
          {t("surveys.section.heading", { number })}
          {section.title ? <span className="muted"> · {section.title}</span> : null}
        </h3>
        {readOnly ? null : (
          <div className="icon-buttons">
            <StepButtons
              first={index === 0}
              last={index === count - 1}
              onStep={(direction) => props.onStepSection(section.id, direction)}
              labels={{ up: t("surveys.section.up", { number }), down: t("surveys.section.down", { number }) }}
            />
            {confirming ? null : (
              <button type="button" className="button small danger" onClick={() => setConfirming(true)}>
                {t("surveys.section.remove", { number })}
              </button>
            )}
          </div>
        )}
      </div>
      {confirming && !readOnly ? (
        <div className="inline-form" role="group">
          <button type="button" className="button small danger" onClick={() => removeSection(doc, section.id)}>
            {t("surveys.section.removeConfirm", { number })}
          </button>
          <button type="button" className="button small" onClick={() => setConfirming(false)} autoFocus>
            {t("surveys.section.removeCancel")}
          </button>
        </div>
      ) : null}
      {props.renderSectionFields()}
      {section.questions.length === 0 ? <p className="muted">{t("surveys.section.empty")}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={({ active }) => {
          // An open question is as tall as its fields: dnd-kit's keyboard steps and collisions
          // work from sizes, and a tall item never gets "over" a one-line neighbour. Fold it first.
          if (props.openQuestionId === String(active.id)) props.onToggleQuestion(String(active.id));
        }}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("surveys.dnd.instructions") } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={readOnly}>
          <ol className="question-list">
            {section.questions.map((question, position) => (
              <SortableQuestion key={question.id} id={question.id} disabled={readOnly}>
                {(handle) => (
                  <QuestionEditor
                    doc={doc}
                    map={questionMaps[position]!}
                    question={question}
                    number={offset + position + 1}
                    readOnly={readOnly}
                    open={props.openQuestionId === question.id}
                    onToggle={() => props.onToggleQuestion(question.id)}
                    handle={
                      readOnly ? undefined : handle(t("surveys.question.drag", { number: offset + position + 1 }))
                    }
                    controls={
                      readOnly ? undefined : (
                        <QuestionControls
                          questionId={question.id}
                          number={offset + position + 1}
                          first={offset + position === 0}
                          last={offset + position === props.totalQuestions - 1}
                          onStep={props.onStepQuestion}
                          onRemove={() => {
                            removeQuestion(doc, question.id);
                            document.getElementById(addTypeId(section.id))?.focus();
                          }}
                        />
                      )
                    }
                  />
                )}
              </SortableQuestion>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {readOnly ? null : (
        <AddQuestion
          doc={doc}
          sectionId={section.id}
          sectionNumber={number}
          totalQuestions={props.totalQuestions}
          onQuestionAdded={props.onQuestionAdded}
        />
      )}
    </section>
  );
}

function SortableQuestion({
  id,
  disabled,
  children,
}: {
  id: string;
  disabled: boolean;
  children: (handle: (label: string) => ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`question-card panel${isDragging ? " is-dragging" : ""}`}>
      {children((label) => (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="button small drag-handle"
          {...attributes}
          {...listeners}
          aria-label={label}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      ))}
    </li>
  );
}

function QuestionControls({
  questionId,
  number,
  first,
  last,
  onStep,
  onRemove,
}: {
  questionId: string;
  number: number;
  first: boolean;
  last: boolean;
  onStep: (questionId: string, direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="icon-buttons">
      <button
        type="button"
        id={moveButtonId(questionId, -1)}
        className="button small"
        disabled={first}
        onClick={() => onStep(questionId, -1)}
      >
        <span aria-hidden="true">↑ </span>
        <span className="visually-hidden-narrow">{t("surveys.question.up", { number })}</span>
      </button>
      <button
        type="button"
        id={moveButtonId(questionId, 1)}
        className="button small"
        disabled={last}
        onClick={() => onStep(questionId, 1)}
      >
        <span aria-hidden="true">↓ </span>
        <span className="visually-hidden-narrow">{t("surveys.question.down", { number })}</span>
      </button>
      <button type="button" className="button small danger" onClick={onRemove}>
        {t("surveys.question.remove", { number })}
      </button>
    </div>
  );
}

/** A type to choose, then "Ajouter la question": the new question lands at the end of the section. */
export function AddQuestion({
  doc,
  sectionId,
  sectionNumber,
  totalQuestions,
  onQuestionAdded,
}: {
  doc: Y.Doc;
  sectionId: string | undefined;
  sectionNumber: number;
  totalQuestions: number;
  onQuestionAdded: (questionId: string) => void;
}) {
  const t = useT();
  const [type, setType] = useState<QuestionType>("short_text");
  const selectId = sectionId ? addTypeId(sectionId) : "add-type-first";
  if (totalQuestions >= SURVEY_LIMITS.questionsMax) {
    return <p className="field-hint">{t("surveys.question.max", { max: SURVEY_LIMITS.questionsMax })}</p>;
  }
  return (
    <fieldset className="add-question">
      <legend>{t("surveys.question.addLegend", { number: sectionNumber })}</legend>
      <div className="inline-form">
        <label htmlFor={selectId} className="visually-hidden">
          {t("surveys.question.addType")}
        </label>
        <select id={selectId} value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
          <QuestionTypeOptions />
        </select>
        <button type="button" className="button" onClick={() => onQuestionAdded(addQuestion(doc, type, sectionId))}>
          {t("surveys.question.add")}
        </button>
      </div>
    </fieldset>
  );
}
