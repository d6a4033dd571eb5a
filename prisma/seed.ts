/**
 * Demo data: a coalition with four projects in different territories and sectors, and one
 * demo account per role. Used by `npm start` on an empty database (unless DEMO_DATA=false)
 * and by `npm run db:seed`. Every demo account uses DEMO_PASSWORD.
 */
import type { PrismaClient } from "../app/generated/prisma/client";
import { seedDemoCoding, seedDemoNoteCorrection } from "./seed-coding";
import { seedDemoFindings } from "./seed-findings";
import { seedDemoNotes } from "./seed-notes";
import { seedDemoComments } from "./seed-comments";
import { seedDemoCouncil } from "./seed-council";
import { seedDemoReview } from "./seed-review";
import { seedDemoSurvey, seedDemoTimeline } from "./seed-surveys-timeline";
import { hashPassword } from "../app/models/accounts/password.server";
import { findTerritory, type Territory } from "../app/models/projects/territory.server";
import {
  PHASES,
  type Phase,
  type ProjectRole,
  type Sector,
  type SiteRole,
  type TerritoryKind,
  type Visibility,
} from "../app/models/core/vocabulary";

export const DEMO_PASSWORD = "maillage-demo-2026";

export const DEMO_USERS = [
  { key: "camille", name: "Camille Martin", email: "coordination@demo.maillage.fr", siteRole: "member" },
  { key: "rachid", name: "Rachid Benali", email: "recherche@demo.maillage.fr", siteRole: "member" },
  { key: "lea", name: "Léa Rousseau", email: "acteur-local@demo.maillage.fr", siteRole: "member" },
  { key: "bernard", name: "Bernard Olivier", email: "conseil@demo.maillage.fr", siteRole: "member" },
  { key: "ines", name: "Inès Lefèvre", email: "observation@demo.maillage.fr", siteRole: "member" },
  { key: "sophie", name: "Sophie Garnier", email: "coalition@demo.maillage.fr", siteRole: "coalition_coordinator" },
  { key: "yann", name: "Yann Le Goff", email: "guingamp@demo.maillage.fr", siteRole: "member" },
] as const satisfies readonly { key: string; name: string; email: string; siteRole: SiteRole }[];

type DemoKey = (typeof DEMO_USERS)[number]["key"];

const EVERY_ROLE: [DemoKey, ProjectRole][] = [
  ["camille", "coordinator"],
  ["rachid", "researcher"],
  ["lea", "local_actor"],
  ["bernard", "council_reviewer"],
  ["ines", "observer"],
];

const DEMO_PROJECTS: {
  title: string;
  question: string;
  territory: [TerritoryKind, string];
  sectors: Sector[];
  phase: Phase;
  visibility: Visibility;
  members: [DemoKey, ProjectRole][];
}[] = [
  {
    title: "Drive fermier de Die",
    question: "Un drive fermier géré par les producteurs peut-il garder la valeur des ventes sur la commune ?",
    territory: ["commune", "26113"],
    sectors: ["agriculture", "commerce"],
    phase: "diagnosis",
    visibility: "coalition",
    members: EVERY_ROLE,
  },
  {
    title: "Circuits courts alimentaires du Diois",
    question:
      "Comment mutualiser la logistique et la vente en ligne des producteurs du Diois sans dépendre des grandes plateformes ?",
    territory: ["epci", "242600534"],
    sectors: ["agriculture"],
    phase: "action_plan",
    visibility: "coalition",
    members: EVERY_ROLE,
  },
  {
    title: "Covoiturage de proximité en Pays de Mormal",
    question: "Quels outils numériques locaux rendent le covoiturage du quotidien crédible entre bourgs ruraux ?",
    territory: ["epci", "200043321"],
    sectors: ["mobility", "public_services"],
    phase: "framing",
    visibility: "members",
    members: [
      ["camille", "coordinator"],
      ["rachid", "researcher"],
    ],
  },
  {
    title: "Commerce de centre-ville à Guingamp",
    question:
      "Une place de marché locale portée par l'union des commerçants peut-elle ramener des clients en centre-ville ?",
    territory: ["commune", "22070"],
    sectors: ["commerce", "tourism"],
    phase: "observation",
    visibility: "coalition",
    members: [
      ["yann", "coordinator"],
      ["lea", "local_actor"],
    ],
  },
];

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}

function territoryOrThrow([kind, code]: [TerritoryKind, string]): Territory {
  const territory = findTerritory(kind, code);
  if (!territory) throw new Error(`Demo territory ${kind} ${code} is missing from the official data`);
  return territory;
}

export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { projectId, ids } = await prisma.$transaction(async (tx) => {
    let firstProjectId = "";
    const ids = {} as Record<DemoKey, string>;
    for (const user of DEMO_USERS) {
      const created = await tx.user.create({
        data: { name: user.name, email: user.email, siteRole: user.siteRole, passwordHash },
        select: { id: true },
      });
      ids[user.key] = created.id;
    }
    for (const project of DEMO_PROJECTS) {
      const territory = territoryOrThrow(project.territory);
      const created = await tx.project.create({
        data: {
          title: project.title,
          question: project.question,
          sectors: JSON.stringify(project.sectors),
          phase: project.phase,
          visibility: project.visibility,
          territoryKind: territory.kind,
          territoryCode: territory.code,
          territoryName: territory.name,
          departement: territory.departement,
          region: territory.region,
          population: territory.population,
          createdById: ids[project.members[0]![0]],
          memberships: { create: project.members.map(([key, role]) => ({ userId: ids[key], role })) },
          cycles: { create: { number: 1, startedAt: daysAgo(60) } },
        },
        select: { id: true, cycles: { select: { id: true } } },
      });
      // The cycle's log, from framing to the project's phase, two weeks per phase.
      const reached = PHASES.indexOf(project.phase);
      await tx.phaseChange.createMany({
        data: PHASES.slice(0, reached + 1).map((phase, index) => ({
          projectId: created.id,
          cycleId: created.cycles[0]!.id,
          fromPhase: index === 0 ? null : PHASES[index - 1]!,
          toPhase: phase,
          userId: ids[project.members[0]![0]],
          comment: index > 0 && index === reached ? "Étape validée en comité de pilotage." : null,
          createdAt: daysAgo(60 - index * 14),
        })),
      });
      if (project === DEMO_PROJECTS[0]) {
        firstProjectId = created.id;
        await seedDemoNotes(tx, { projectId: created.id, authorIds: [ids.rachid, ids.lea, ids.camille] });
      }
    }
    return { projectId: firstProjectId, ids };
  });
  // Through the projections' own writes, which use the app's client: after the transaction.
  const surveyId = await seedDemoSurvey(prisma, { projectId, createdById: ids.rachid, collectorId: ids.lea });
  const notes = await prisma.note.findMany({
    where: { projectId, deletedAt: null },
    orderBy: { observedOn: "asc" },
    select: { id: true },
  });
  await seedDemoTimeline(prisma, { projectId, noteIds: notes.map((n) => n.id), surveyId });
  const codeIds = await seedDemoCoding(prisma, { projectId, coderIds: [ids.rachid, ids.camille, ids.lea] });
  await seedDemoFindings(prisma, { projectId, authorIds: [ids.rachid, ids.camille], codeIds, surveyId });
  await seedDemoReview(prisma, {
    projectId,
    people: { researcherId: ids.rachid, coordinatorId: ids.camille, reviewerId: ids.bernard },
  });
  await seedDemoComments(prisma, {
    projectId,
    people: { researcherId: ids.rachid, coordinatorId: ids.camille, reviewerId: ids.bernard, localActorId: ids.lea },
  });
  await seedDemoCouncil(prisma, { projectId, coordinatorId: ids.camille, reviewerId: ids.bernard });
  await seedDemoNoteCorrection(prisma, projectId);
}
