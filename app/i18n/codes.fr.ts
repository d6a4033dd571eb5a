/** The codebook, coded passages and the code view (French, reference). */
export const codesFr = {
  "codes.title": "Codes",
} as const;
