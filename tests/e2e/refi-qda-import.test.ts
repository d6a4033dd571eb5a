import { describe, expect, test } from "vitest";
import { createProject, createUser } from "../factories";
import { axeViolations } from "../support/axe";
import { browserForFile } from "../support/browser-session";

/**
 * The codebook import page in Chromium, on a phone: a file refused with its reason announced,
 * then a good file and the summary of what was created and kept, axe-core clean at each step.
 */
const { server, logIn } = browserForFile();

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="11111111-1111-1111-1111-111111111111" name="Mobilité" isCodable="true" color="#aa3300">
      <Description>Se déplacer sans voiture</Description>
      <Code guid="22222222-2222-2222-2222-222222222222" name="Covoiturage" isCodable="true"/>
    </Code>
    <Code guid="33333333-3333-3333-3333-333333333333" name="MARCHÉ" isCodable="true"><Description>Les marchés</Description></Code>
  </Codes>
</CodeBook>`;

describe("importing a codebook", () => {
  test("at 375 px: a bad file is refused with its reason, a good one is summarised", async () => {
    const coordinator = await createUser(server().db);
    const project = await createProject(server().db, { members: [[coordinator.id, "coordinator"]] });
    await server().db.tag.create({ data: { projectId: project.id, label: "Marché" } });
    const path = `/projects/${project.id}/codes/import`;
    const { page } = await logIn(coordinator, path, { width: 375, height: 740 });

    await page.getByRole("heading", { name: "Importer un livre de codes" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const field = page.getByLabel("Fichier du livre de codes");
    await field.setInputFiles({ name: "codes.csv", mimeType: "text/csv", buffer: Buffer.from("code;définition\n") });
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("n'est pas un document XML bien formé").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await field.setInputFiles({ name: "codes.qdc", mimeType: "application/xml", buffer: Buffer.from(QDC) });
    await page.getByRole("button", { name: "Importer" }).click();
    const status = page.getByRole("status").filter({ hasText: "Livre de codes importé" });
    await status.waitFor();
    expect(await status.textContent()).toBe("Livre de codes importé : 2 codes ajoutés, 1 déjà présents.");
    await page.getByText("Covoiturage — sous « Mobilité »").waitFor();
    await page.getByText("Marché (« MARCHÉ » dans le fichier) — définition ajoutée").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
