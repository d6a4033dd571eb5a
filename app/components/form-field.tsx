import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

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
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
      <FieldMessages name={name} hint={hint} error={error} />
    </div>
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
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...textarea}
      />
      <FieldMessages name={name} hint={hint} error={error} />
    </div>
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
