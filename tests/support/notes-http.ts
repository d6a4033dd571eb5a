import type { ProjectRole } from "~/models/core/vocabulary";
import { createProject, type createUser } from "../factories";
import type { TestServer } from "./server";
import { logIn } from "./session";

/** What the notes integration tests share: a member of a fresh project, and a page read as a person reads it. */
export function notesHelpers(server: () => TestServer) {
  const session = (overrides: Parameters<typeof createUser>[1] = {}) => logIn(server(), overrides);
  /** A project with one member of the given role, logged in. */
  async function memberOf(role: ProjectRole) {
    const member = await session();
    const project = await createProject(server().db, { members: [[member.user.id, role]] });
    return { ...member, project, notes: `/projects/${project.id}/notes` };
  }
  return { session, memberOf };
}

/** The page as a person reads it: React's text separators and entities removed. */
export async function read(response: Response) {
  return (await response.text())
    .replaceAll("<!-- -->", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
