import crypto from "node:crypto";
import { prisma } from "../core/db.server";
import { getSurveyByToken } from "./survey-responses.server";
import { readShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from "./survey-short-code";

/** Eight characters drawn uniformly from the alphabet (crypto.randomInt has no modulo bias). */
export function newShortCode(): string {
  let code = "";
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[crypto.randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

const ATTEMPTS = 5;

/**
 * The survey's short code, given the first time a member shows the link (the poster, the
 * collection page). Existing surveys therefore need no backfill: a code nobody was shown
 * cannot be typed. The write only fills an empty column, so two pages shown at once agree on
 * the code the first one stored; a code already taken by another survey (the unique index
 * says so — about one chance in 10^8 with 10,000 surveys) is drawn again.
 */
export async function ensureShortCode(surveyId: string, draw: () => string = newShortCode): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await prisma.survey.findUnique({ where: { id: surveyId }, select: { shortCode: true } });
    if (!current) throw new Error(`Survey ${surveyId} not found`);
    if (current.shortCode) return current.shortCode;
    try {
      await prisma.survey.updateMany({ where: { id: surveyId, shortCode: null }, data: { shortCode: draw() } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  throw new Error(`No free short code for survey ${surveyId} after ${ATTEMPTS} draws`);
}

/**
 * The survey behind a public address: `/s/<short code>` (as typed, any case, with or without
 * its dash) or the long `/s/<token>`, which keeps working for links and QR codes already out.
 */
export async function getSurveyByAddress(address: string) {
  const code = readShortCode(address);
  if (code === null) return getSurveyByToken(address);
  const row = await prisma.survey.findUnique({ where: { shortCode: code }, select: { publicToken: true } });
  return row ? getSurveyByToken(row.publicToken) : null;
}
