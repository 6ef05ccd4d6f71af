import { html, type TemplateResult } from 'lit';
import { formatValue, isPlainObject } from './format-value.js';

const maxDepth = 3;

/**
 * Renders API data with no template: an array of objects as a table (one column per key, in
 * first-seen order), any other array as a list, an object as a definition list (nested objects as
 * nested lists, up to three levels, deeper values as JSON text), anything else as one line. Every
 * value is bound as text through Lit, so markup in the data is shown, never parsed.
 */
export function renderDefault(data: unknown): TemplateResult {
  return renderValue(data, 0);
}

function renderValue(data: unknown, depth: number): TemplateResult {
  if (depth < maxDepth && Array.isArray(data)) {
    return data.length > 0 && data.every(isPlainObject) ? renderTable(data) : renderList(data, depth);
  }
  if (depth < maxDepth && isPlainObject(data)) return renderObject(data, depth);
  return html`<span part="value">${formatValue(data)}</span>`;
}

function renderTable(rows: Record<string, unknown>[]): TemplateResult {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return html`<div class="table-wrapper">
    <table part="table">
      <thead>
        <tr part="table-row">
          ${columns.map((column) => html`<th part="table-header" scope="col">${column}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr part="table-row">
              ${columns.map((column) => html`<td part="table-cell">${formatValue(row[column])}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function renderList(items: unknown[], depth: number): TemplateResult {
  return html`<ul part="list">
    ${items.map((item) => html`<li part="list-item">${renderValue(item, depth + 1)}</li>`)}
  </ul>`;
}

function renderObject(data: Record<string, unknown>, depth: number): TemplateResult {
  return html`<dl part="definition-list">
    ${Object.entries(data).map(
      ([key, value]) => html`<div class="pair"><dt part="term">${key}</dt><dd part="definition">
        ${renderValue(value, depth + 1)}
      </dd></div>`,
    )}
  </dl>`;
}
