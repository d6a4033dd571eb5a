import { Form, useNavigation } from "@remix-run/react";
import { FormError, SelectField, useFocusFirstError } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";
import { CodeFields, LookalikeQuestion, type CodeFormValues } from "./code-fields";

/** What the code page's action answered to a refused or questioned change. */
export type ManageAnswer = {
  intent: string;
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: CodeFormValues | null;
  lookalike: { id: string; existing: string; label: string } | null;
};

type Code = {
  id: string;
  label: string;
  definition: string;
  colour: string;
  parentId: string | null;
  retired: boolean;
};

/** Edit, merge, retire or bring back a code: for those who manage the codebook. */
export function CodeManage({
  code,
  parents,
  targets,
  answer,
  codesBase,
}: {
  code: Code;
  parents: { id: string; label: string }[];
  targets: { id: string; label: string }[];
  answer: ManageAnswer | undefined;
  codesBase: string;
}) {
  const t = useT();
  const busy = useNavigation().formMethod === "POST";
  const edit = answer?.intent === "update" ? answer : undefined;
  const merge = answer?.intent === "merge" ? answer : undefined;
  const editRef = useFocusFirstError(edit);
  const mergeRef = useFocusFirstError(merge);
  const values = edit?.values ?? {
    label: code.label,
    definition: code.definition,
    colour: code.colour,
    parentId: code.parentId ?? "",
  };
  return (
    <div className="stack code-manage">
      <section className="stack" aria-labelledby="code-edit">
        <h3 id="code-edit">{t("codes.edit.title")}</h3>
        <Form method="post" className="stack code-form" ref={editRef} key={JSON.stringify(values)}>
          <input type="hidden" name="intent" value="update" />
          <FormError message={edit?.formError} />
          {edit?.lookalike ? (
            <LookalikeQuestion
              mode="rename"
              label={edit.lookalike.label}
              existing={edit.lookalike.existing}
              href={`${codesBase}/${edit.lookalike.id}`}
            />
          ) : null}
          <CodeFields values={values} errors={edit?.fieldErrors} parents={parents} />
          <p>
            <button type="submit" className="button primary" disabled={busy}>
              {t("codes.edit.submit")}
            </button>
          </p>
        </Form>
      </section>
      {targets.length ? (
        <section className="stack" aria-labelledby="code-merge">
          <h3 id="code-merge">{t("codes.merge.title")}</h3>
          <p>{t("codes.merge.intro", { label: code.label })}</p>
          <Form method="post" className="stack" ref={mergeRef}>
            <input type="hidden" name="intent" value="merge" />
            <FormError message={merge?.formError} />
            <SelectField
              name="intoId"
              label={t("codes.merge.into")}
              error={merge?.fieldErrors.intoId}
              defaultValue=""
              required
            >
              <option value="">{t("codes.merge.choose")}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.label}
                </option>
              ))}
            </SelectField>
            <p>
              <button type="submit" className="button danger" disabled={busy}>
                {t("codes.merge.submit")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <section className="stack" aria-labelledby="code-retire">
        <h3 id="code-retire">{t("codes.retire.title")}</h3>
        <p>{t("codes.retire.intro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={code.retired ? "restore" : "retire"} />
          <button type="submit" className="button" disabled={busy}>
            {t(code.retired ? "codes.restore.submit" : "codes.retire.submit", { label: code.label })}
          </button>
        </Form>
      </section>
    </div>
  );
}
