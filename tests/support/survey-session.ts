import type { ProjectRole } from "~/models/core/vocabulary";
import { createProject } from "../factories";
import { createSurvey } from "../survey-factories";
import type { TestServer } from "./server";
import { logIn } from "./session";

/** A page's text with React's escapes undone, so that tests compare what a person reads. */
export async function read(response: Response): Promise<string> {
  return (await response.text())
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** A new user, logged in, with `role` in a new project that has one survey (every question type). */
export async function memberWithOwnSurvey(server: TestServer, role: ProjectRole, status: "open" | "closed" = "open") {
  const member = await logIn(server);
  const project = await createProject(server.db, { members: [[member.user.id, role]] });
  const survey = await createSurvey(server.db, { projectId: project.id, status });
  return { ...member, project, survey, base: `/projects/${project.id}/surveys/${survey.id}` };
}
