/**
 * The CSV conventions every export shares (survey answers, coded passages): records end with
 * CRLF, and a field holding a line break of any kind is quoted — csv-stringify quotes only the
 * record delimiter itself, so a lone "\n" (a multi-line answer, a passage over two paragraphs)
 * would otherwise cut the row in two in every spreadsheet.
 */
export function csvOptions(separator: ";" | ",") {
  return { delimiter: separator, record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;
}

/**
 * A text someone typed could start a spreadsheet formula ("=HYPERLINK(…)"): prefixed with an
 * apostrophe, Excel and LibreOffice show it as text (OWASP "CSV injection"). Labels too: any
 * member who may design a survey or name a code writes them.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
