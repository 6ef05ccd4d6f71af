/** Markdown rendering of measure results. */

/**
 * @typedef {object} MeasureResult
 * @property {string} id
 * @property {string} title
 * @property {string} target what the issue asks for
 * @property {string[]} columns
 * @property {(string | number)[][]} rows
 * @property {string[]} notes what was not measured and why, caveats
 * @property {unknown} data raw numbers for results.json
 * @property {string} [browserVersion] the Chromium a measure launched itself
 */

/**
 * A Markdown table.
 * @param {string[]} columns
 * @param {(string | number)[][]} rows
 */
export function markdownTable(columns, rows) {
  const cell = (/** @type {string | number} */ value) => String(value).replaceAll('|', '\\|');
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * One section per measure: title, target, table, notes.
 * @param {MeasureResult} result
 */
export function renderMeasure(result) {
  const notes = result.notes.map((note) => `- ${note}`).join('\n');
  return [
    `### ${result.title}`,
    '',
    `Target: ${result.target}`,
    '',
    markdownTable(result.columns, result.rows),
    ...(notes ? ['', notes] : []),
  ].join('\n');
}

/** Bytes as kB (1 kB = 1,000 B, as size-limit counts). @param {number} bytes */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Milliseconds with 3 decimals. @param {number} ms */
export const ms = (ms) => `${ms.toFixed(3)} ms`;
