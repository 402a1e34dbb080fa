/**
 * Escaping of user text (titles, labels, names) for every HTML and SVG output.
 * @module
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML or XML (SVG) element content and quoted attribute values.
 *
 * @param text - any user text.
 * @returns the text with `& < > " '` replaced by entities, so it always shows as text.
 * @example
 * ```ts
 * escapeHtml("</script><img src=x onerror=alert(1)>");
 * // "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element: `<`, `>`, `&` and the
 * JavaScript-breaking line separators U+2028/U+2029 become `\u` escapes, so no string in the data can
 * close the script or open a comment.
 *
 * @param value - any JSON-serialisable value.
 * @returns JSON text with no raw `<`, `>` or `&`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/**
 * Makes JavaScript source safe to inline in an HTML `<script>` element: every `</script` and `<!--`
 * (in strings, regular expressions or comments) gets a backslash or a split that JavaScript reads the same.
 *
 * @param source - JavaScript source text.
 * @returns the source with no sequence that ends the script element early.
 */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
