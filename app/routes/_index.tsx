import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { getOptionalUser } from "~/models/accounts/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/projects");
  return json({});
}

export default function Home() {
  const t = useT();
  return (
    <section className="page hero" aria-labelledby="home-title">
      <h1 id="home-title">{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <ul className="feature-list">
        <li>{t("home.feature.notes")}</li>
        <li>{t("home.feature.surveys")}</li>
        <li>{t("home.feature.timeline")}</li>
        <li>{t("home.feature.findings")}</li>
      </ul>
      <p className="actions">
        <Link to="/signup" className="button primary">
          {t("nav.signup")}
        </Link>
        <Link to="/login" className="button">
          {t("nav.login")}
        </Link>
      </p>
    </section>
  );
}
