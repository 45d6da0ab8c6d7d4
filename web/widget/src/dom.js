// Tiny DOM helpers. Text always goes in through textContent: patient text is health data.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
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
