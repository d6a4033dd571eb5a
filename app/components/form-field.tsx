import {
  useEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

function describedBy(name: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldMessages({ name, hint, error }: Omit<FieldProps, "label">) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The label, the control and its messages, tied together by `id`. */
function Field({ id, label, hint, error, children }: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldMessages name={id} hint={hint} error={error} />
    </div>
  );
}

/** What a control needs so that its hint and error are announced with it. */
function announced(id: string, hint: unknown, error: unknown) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) };
}

/** A labelled input whose hint and error are announced with it (RGAA 11.1, 11.10). */
export function TextField({
  name,
  label,
  hint,
  error,
  type = "text",
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <input id={name} name={name} type={type} {...announced(name, hint, error)} {...input} />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={name} label={label} hint={hint} error={error}>
      <textarea id={name} name={name} {...announced(name, hint, error)} {...textarea} />
    </Field>
  );
}

/**
 * A labelled select, announced like TextField. `id` defaults to the name; a form that holds two
 * selects of the same name (filters beside fields) gives one another id.
 */
export function SelectField({
  name,
  id = name,
  label,
  hint,
  error,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} {...announced(id, hint, error)} {...select}>
        {children}
      </select>
    </Field>
  );
}

/** A form-level message (e.g. "email or password incorrect"), announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="form-error">
      {message}
    </p>
  );
}

/**
 * After a refused submit, move focus to the first field in error (or the form's message),
 * so keyboard and screen-reader users land on what needs fixing (WCAG 3.3.1, 2.4.3).
 */
export function useFocusFirstError(actionData: unknown) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!actionData || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (target?.getAttribute("role") === "alert") target.tabIndex = -1;
    target?.focus();
  }, [actionData]);
  return ref;
}

export { FieldMessages, describedBy };
