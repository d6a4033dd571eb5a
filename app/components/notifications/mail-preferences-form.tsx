import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES, type NotificationChannel } from "~/models/core/vocabulary";

/**
 * Per notification type, when to get an e-mail: one radio group (fieldset + legend) per type,
 * so every choice is announced with its question. Without SMTP_URL the form stays usable (the
 * choices apply once e-mail is configured) under a notice saying only in-app notifications work.
 */
export function MailPreferencesForm({
  channels,
  mailEnabled,
  saved,
  error,
}: {
  channels: Record<string, NotificationChannel>;
  mailEnabled: boolean;
  saved: boolean;
  error?: string;
}) {
  const t = useT();
  return (
    <>
      <h2 id="mail" tabIndex={-1}>
        {t("notifications.prefsTitle")}
      </h2>
      {mailEnabled ? null : (
        <p className="notice" role="note">
          {t("notifications.noSmtp")}
        </p>
      )}
      {saved ? (
        <p role="status" className="notice success">
          {t("notifications.prefsSaved")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="notice error">
          {error}
        </p>
      ) : null}
      <Form method="post" className="stack mail-preferences">
        <p className="field-hint">{t("notifications.prefsIntro")}</p>
        {NOTIFICATION_TYPES.map((type) => (
          <fieldset key={type}>
            <legend>{t(`notifications.type.${type}`)}</legend>
            {NOTIFICATION_CHANNELS.map((channel) => (
              <label key={channel} className="inline-choice">
                <input type="radio" name={`mail.${type}`} value={channel} defaultChecked={channels[type] === channel} />{" "}
                {t(`notifications.channel.${channel}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" name="intent" value="mailPreferences" className="button">
          {t("notifications.prefsSave")}
        </button>
      </Form>
    </>
  );
}
