import { describe, expect, test } from "vitest";
import { checkPasswordRules, hashPassword, verifyPassword } from "./password.server";

describe("password rules (OWASP ASVS level 1)", () => {
  test("needs at least 8 characters, counted as characters not bytes", () => {
    expect(checkPasswordRules("court")).toBe("too_short");
    expect(checkPasswordRules("🌻🌻🌻🌻🌻🌻🌻")).toBe("too_short");
    expect(checkPasswordRules("🌻🌻🌻🌻🌻🌻🌻🌻")).toBeNull();
  });

  test("refuses the most common passwords, French ones included, whatever the case", () => {
    for (const common of ["password", "12345678", "azertyuiop", "motdepasse", "Password1"]) {
      expect(checkPasswordRules(common), common).toBe("too_common");
    }
  });

  test("accepts long passphrases without composition rules", () => {
    expect(checkPasswordRules("les vaches du diois paissent au soleil")).toBeNull();
    expect(checkPasswordRules("x".repeat(1024))).toBeNull();
    expect(checkPasswordRules("x".repeat(1025))).toBe("too_long");
  });

  test("hashes with Argon2id and never truncates", async () => {
    const long = "a".repeat(200) + "fin-1";
    const hash = await hashPassword(long);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, "a".repeat(200) + "fin-2")).toBe(false);
  });

  test("matches the same password typed in another Unicode form", async () => {
    const composed = "café crème brûlée";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });
});
