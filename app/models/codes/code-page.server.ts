import type { Translator } from "~/i18n";
import { text, validate } from "~/utils/forms.server";
import { prisma } from "../core/db.server";
import { findingsCiting, type VisibleFindings } from "../findings/evidence-links.server";
import { listCycles } from "../timeline/cycle.server";
import { mergeCode, setCodeRetired, updateCode, type CodeChange } from "./code-admin.server";
import { codeCounts } from "./code-counts.server";
import { codeFieldsSchema, readCodeForm, refusalMessage } from "./code-form.server";
import { CODE_PASSAGES_PER_PAGE, codeIdsOf, listCodePassages, passageFilterOptions } from "./code-passages.server";
import { parentOptions } from "./code-view.server";
import type { CodebookCode } from "./codebook";
import { readPassageFilters } from "./passage-filter";

/** Everything one code's page shows: its counts, its passages (filtered, one page), who cites it. */
export async function codePageData({
  projectId,
  codebook,
  code,
  params,
  visible,
}: {
  projectId: string;
  codebook: CodebookCode[];
  code: CodebookCode;
  params: URLSearchParams;
  /** The findings the reader may see (visibleFindingsWhere), for "cité dans N constats". */
  visible: VisibleFindings;
}) {
  const codeIds = codeIdsOf(codebook, code.id);
  const [options, cycles, counts, citing] = await Promise.all([
    passageFilterOptions({ projectId, codeIds }),
    listCycles({ projectId }),
    codeCounts(projectId, codebook, codeIds),
    findingsCiting(projectId, { codeId: code.id }, visible),
  ]);
  const { filters, values, ignored, filtered, page } = readPassageFilters(params, {
    authorIds: options.authors.map((author) => author.id),
    communeCodes: options.communes.map((commune) => commune.code),
    cycleIds: cycles.map((cycle) => cycle.id),
  });
  const { total, passages } = await listCodePassages({ projectId, codeIds, filters, page });
  const parent = code.parentId ? codebook.find((other) => other.id === code.parentId && !other.mergedIntoId) : null;
  const hasChildren = codebook.some((other) => other.parentId === code.id && !other.mergedIntoId);
  return {
    code,
    parent: parent ? { id: parent.id, label: parent.label } : null,
    children: codebook
      .filter((other) => other.parentId === code.id && !other.mergedIntoId)
      .map(({ id, label }) => ({ id, label })),
    counts: counts.get(code.id) ?? { passages: 0, notes: 0 },
    citing,
    options: { ...options, cycles },
    values,
    ignored,
    filtered,
    page,
    pages: Math.max(1, Math.ceil(total / CODE_PASSAGES_PER_PAGE)),
    total,
    passages,
    // A code with sub-codes cannot get a parent: offer none rather than refuse after the fact.
    parents: hasChildren ? [] : parentOptions(codebook, code.id),
    targets: codebook
      .filter((other) => other.id !== code.id && !other.mergedIntoId)
      .map(({ id, label }) => ({ id, label })),
  };
}

/** The code page's form answers: the values as typed, the errors, the look-alike to confirm. */
export type ManageBody = {
  intent: string;
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: { label: string; definition: string; colour: string; parentId: string } | null;
  lookalike: { id: string; existing: string; label: string } | null;
};

export type ManageResult =
  { kind: "notFound" } | { kind: "done"; location: string } | { kind: "answer"; status: 400 | 409; body: ManageBody };

/**
 * One of the code page's actions (`intent`: update, merge, retire, restore), for a holder of
 * `codes.manage`. A code of another project is not found, whatever else the form says.
 */
export async function manageCode({
  projectId,
  codeId,
  formData,
  t,
}: {
  projectId: string;
  codeId: string;
  formData: FormData;
  t: Translator;
}): Promise<ManageResult> {
  const exists = await prisma.tag.findFirst({ where: { id: codeId, projectId }, select: { id: true } });
  if (!exists) return { kind: "notFound" };
  const intent = text(formData, "intent");
  const page = `/projects/${projectId}/codes/${codeId}`;
  const refuse = (fieldErrors: Record<string, string>, values: ManageBody["values"] = null): ManageResult => ({
    kind: "answer",
    status: 400,
    body: { intent, formError: t("codes.error.fix"), fieldErrors, values, lookalike: null },
  });
  const settle = (change: CodeChange | null, location: string, values: ManageBody["values"] = null) => {
    if (!change) return { kind: "notFound" } as const;
    if ("ok" in change) return { kind: "done", location } as const;
    if ("lookalike" in change) {
      const lookalike = { id: change.lookalike.id, existing: change.lookalike.label, label: values?.label ?? "" };
      return {
        kind: "answer",
        status: 409,
        body: { intent, formError: null, fieldErrors: {}, values, lookalike },
      } as const;
    }
    const { field, message } = refusalMessage(t, change.refused);
    return field === "form"
      ? ({
          kind: "answer",
          status: 400,
          body: { intent, formError: message, fieldErrors: {}, values, lookalike: null },
        } as const)
      : refuse({ [field]: message }, values);
  };
  switch (intent) {
    case "update": {
      const { values, confirmed } = readCodeForm(formData);
      const parsed = validate(codeFieldsSchema(t), values);
      if (!parsed.ok) return refuse(parsed.fieldErrors, values);
      const change = await updateCode({ projectId, codeId, fields: parsed.data, confirmed });
      return settle(change, `${page}?done=saved`, { ...values, label: parsed.data.label });
    }
    case "merge": {
      const intoId = text(formData, "intoId").slice(0, 64);
      const change = await mergeCode({ projectId, codeId, intoId });
      return settle(change, `/projects/${projectId}/codes/${intoId}?done=merged&mergedFrom=${codeId}`);
    }
    case "retire":
    case "restore": {
      const change = await setCodeRetired({ projectId, codeId, retired: intent === "retire" });
      return settle(change, `${page}?done=${intent === "retire" ? "retired" : "restored"}`);
    }
    default:
      return {
        kind: "answer",
        status: 400,
        body: { intent, formError: t("codes.error.intent"), fieldErrors: {}, values: null, lookalike: null },
      };
  }
}
