import { useParams } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

/** Downloads of the coded passages: the whole codebook, or one code's (`codeId`). */
export function ExportLinks({ codeId }: { codeId: string | null }) {
  const t = useT();
  const base = `/projects/${useParams().projectId!}/codes`;
  const query = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ...(codeId ? { code: codeId } : {}), ...extra });
    return params.size ? `?${params}` : "";
  };
  // Plain links with `download` and reloadDocument semantics: a file, not a page to render.
  return (
    <section className="stack" aria-labelledby="codes-export">
      <h3 id="codes-export">{t("codes.export.title")}</h3>
      <ul className="inline-list code-exports">
        <li>
          <a href={`${base}/export.csv${query()}`} download>
            {t("codes.export.csv")}
          </a>
        </li>
        <li>
          <a href={`${base}/export.csv${query({ sep: "comma" })}`} download>
            {t("codes.export.csvComma")}
          </a>
        </li>
        <li>
          <a href={`${base}/export.md${query()}`} download>
            {t("codes.export.md")}
          </a>
        </li>
      </ul>
    </section>
  );
}
