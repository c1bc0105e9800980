import { LitElement, html, nothing } from 'lit';

/** Light-DOM Lit elements: one style sheet, and the browser test's getByRole sees everything. */
export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}

/** prev/next paging with the page size; `onChange(page, size)`. */
export function pager({ page, size, total, label, onChange }) {
  const pages = Math.max(1, Math.ceil((total ?? 0) / size));
  return html`<nav class="pager" aria-label="${label}分页">
    <button type="button" ?disabled=${page <= 0} @click=${() => onChange(page - 1, size)}>上一页</button>
    <span>第 ${page + 1} / ${pages} 页，共 ${total ?? 0} 条</span>
    <button type="button" ?disabled=${page + 1 >= pages} @click=${() => onChange(page + 1, size)}>下一页</button>
    <label>每页
      <select @change=${(e) => onChange(0, Number(e.target.value))}>
        ${[10, 20, 50, 100].map((n) => html`<option value=${n} ?selected=${n === size}>${n}</option>`)}
      </select> 条</label>
  </nav>`;
}

/** A status line (aria-live polite): {kind: 'info'|'ok'|'error', text}. */
export function statusLine(message) {
  return html`<p class="status ${message?.kind ?? ''}" role="status" aria-live="polite">${message?.text ?? nothing}</p>`;
}

/** Saves a blob under a file name through a temporary <a download>. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
