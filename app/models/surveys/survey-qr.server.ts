import QRCode from "qrcode";

/** The public link of a survey, absolute, from the address this request came to. */
export function publicSurveyUrl(request: Request, token: string): string {
  return new URL(`/s/${encodeURIComponent(token)}`, new URL(request.url).origin).toString();
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
