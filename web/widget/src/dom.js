// Tiny DOM helpers. Text always goes in through textContent: patient text is health data.

// Bidi embeddings, overrides and isolates reorder what is displayed; zero-width spaces,
// word joiners and byte-order marks hide it. Shown text never carries them.
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g;

export function shown(text) {
  return String(text).replace(HIDDEN, "");
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = shown(value);
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function button(title, onClick, className) {
  const node = el("button", { type: "button", className, text: title });
  node.addEventListener("click", onClick);
  return node;
}
