import { json } from "@remix-run/node";
import type { z } from "zod";
import type { Translator } from "~/i18n";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** Runs a zod schema over submitted values; the first message per field is kept for display. */
export function validate<S extends z.ZodTypeAny>(schema: S, values: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/** A single text value from a form: files and missing fields become "". */
export function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Every text value of a repeated field (checkbox groups). */
export function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === "string");
}

/**
 * The submitted form. A body that is not a form (JSON, multipart without a boundary…) is a
 * 400 with a message, not a crash.
 */
export async function readForm(request: Request, t: Translator): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw json({ message: t("form.unreadable") }, { status: 400 });
  }
}
