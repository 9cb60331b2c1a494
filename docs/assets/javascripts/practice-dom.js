// Small DOM helpers for the practice widgets. Card text is data: it is only ever set as text.

// el("p", {text, class, onclick, …}, [children]): attributes as strings, text with textContent.
export function el(tag, attrs, kids) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else if (key === "onchange") node.addEventListener("change", value);
    else if (key === "oninput") node.addEventListener("input", value);
    else if (key === "hidden") node.hidden = !!value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const kid of kids || []) {
    if (kid !== null && kid !== undefined && kid !== false) node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many || one + "s");
}

// A short random id for label/for pairs, unique on the page.
export function uid(prefix) {
  return prefix + "-" + Math.random().toString(36).slice(2, 8);
}

export function shuffled(list, random = Math.random) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// A link into the site, or nothing when the target is unknown.
export function siteLink(href, text, cls) {
  return href ? el("a", { href: href, class: cls, text: text }) : null;
}
