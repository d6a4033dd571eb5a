import { prisma } from "../core/db.server";
import { compareCodeLabels, type CodebookCode } from "./codebook";

export { resolveCode, indexCodebook, type CodebookCode } from "./codebook";

/** Every code of the project, merged and retired ones included, in French order of labels. */
export async function listCodebook(projectId: string): Promise<CodebookCode[]> {
  const rows = await prisma.tag.findMany({
    where: { projectId },
    select: {
      id: true,
      label: true,
      definition: true,
      colour: true,
      parentId: true,
      retiredAt: true,
      mergedIntoId: true,
    },
  });
  return rows.map(({ retiredAt, ...code }) => ({ ...code, retired: retiredAt !== null })).sort(compareCodeLabels);
}
