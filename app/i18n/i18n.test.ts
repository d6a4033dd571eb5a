import { describe, expect, test } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { localeFromCookieHeader, translate } from "./index";

describe("i18n", () => {
  test("English has every French key and no empty message", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe("");
  });

  test("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  test("formats numbers for the locale", () => {
    expect(translate("fr", "projects.memberCount", { count: 12345 })).toBe("Membres : 12\u202f345");
    expect(translate("en", "projects.memberCount", { count: 12345 })).toBe("Members: 12,345");
  });

  test("defaults to French unless the cookie asks for English", () => {
    expect(localeFromCookieHeader(null)).toBe("fr");
    expect(localeFromCookieHeader("lang=de")).toBe("fr");
    expect(localeFromCookieHeader("a=b; lang=en")).toBe("en");
  });
});
