import QRCode from "qrcode";
import { formatShortCode } from "./survey-short-code";

/** The public link of a survey, absolute, on the origin the page was asked from ("https://maillage.example"). */
export function publicSurveyUrl({ origin, token }: { origin: string; token: string }): string {
  return new URL(`/s/${encodeURIComponent(token)}`, origin).toString();
}

/**
 * The short address to print and to type ("https://maillage.example/s/K7M2-9QXD"): what a
 * poster shows and what its QR code holds (a shorter address also makes a coarser, sturdier code).
 */
export function shortSurveyUrl({ origin, code }: { origin: string; code: string }): string {
  return new URL(`/s/${formatShortCode(code)}`, origin).toString();
}

/**
 * The link as an inline SVG QR code (no image request, prints sharply). Medium error
 * correction survives a creased or slightly dirty poster.
 */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
}
