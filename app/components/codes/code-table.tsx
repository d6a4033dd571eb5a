import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/** A code as the code view lists it. */
type Listed = { id: string; label: string; definition: string; colour: string; passages: number; notes: number };
export type ListedCode = Listed & { children: Listed[] };

/** The code's colour as a small square; its name is read with the code, not the colour. */
export function Swatch({ colour }: { colour: string }) {
  return <span className="code-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />;
}

/**
 * The codebook as a table: one group (tbody) per top-level code, its sub-codes under it. The
 * definition is in its own column and as the name's description (hover, screen readers).
 */
export function CodeTable({ codes, caption, base }: { codes: ListedCode[]; caption: string; base: string }) {
  const t = useT();
  return (
    <table className="table code-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("codes.list.code")}</th>
          <th scope="col">{t("codes.list.definition")}</th>
          <th scope="col" className="num">
            {t("codes.list.passages")}
          </th>
          <th scope="col" className="num">
            {t("codes.list.notes")}
          </th>
        </tr>
      </thead>
      {codes.map((code) => (
        <tbody key={code.id}>
          <CodeRow code={code} base={base} />
          {code.children.map((child) => (
            <CodeRow key={child.id} code={child} base={base} parent={code.label} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

function CodeRow({ code, base, parent }: { code: Listed; base: string; parent?: string }) {
  const t = useT();
  const definitionId = `code-def-${code.id}`;
  return (
    <tr className={parent ? "code-child" : undefined}>
      <th scope="row">
        <Swatch colour={code.colour} />
        {parent ? <span className="visually-hidden">{t("codes.list.children", { label: parent })} : </span> : null}
        <Link
          to={`${base}/${code.id}`}
          title={code.definition || undefined}
          aria-describedby={code.definition ? definitionId : undefined}
        >
          {code.label}
        </Link>
      </th>
      <td>
        {code.definition ? (
          <span id={definitionId}>{code.definition}</span>
        ) : (
          <span className="muted">{t("codes.list.noDefinition")}</span>
        )}
      </td>
      <td className="num">
        <span className="code-count-label" aria-hidden="true">
          {t("codes.list.passages")} :{" "}
        </span>
        {code.passages}
      </td>
      <td className="num">
        <span className="code-count-label" aria-hidden="true">
          {t("codes.list.notes")} :{" "}
        </span>
        {code.notes}
      </td>
    </tr>
  );
}
