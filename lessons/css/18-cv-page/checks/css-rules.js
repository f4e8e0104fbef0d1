// Reads the rules in style.css, so the checks can look inside @media blocks.
// The check page is 1024 pixels wide, so rules for small screens do not show there.

function sheet() {
  return Array.from(document.styleSheets).find((s) => s.href && /style\.css$/.test(s.href)) || null;
}

// The @media blocks in style.css whose condition matches `pattern`.
export function mediaBlocks(pattern) {
  const found = sheet();
  if (!found) return [];
  return Array.from(found.cssRules)
    .filter((rule) => rule.media && pattern.test(rule.media.mediaText));
}

// The rules for `selector`, either at the top of style.css or inside one @media block.
export function rulesFor(selector, block = null) {
  const list = block ? block.cssRules : (sheet() ? sheet().cssRules : []);
  return Array.from(list).filter((rule) => rule.selectorText
    && rule.selectorText.split(',').map((part) => part.trim()).includes(selector));
}

// The value `property` gets from the rules for `selector` in a list of @media blocks.
export function valueIn(blocks, selector, property) {
  let value = '';
  for (const block of blocks) {
    for (const rule of rulesFor(selector, block)) {
      value = rule.style.getPropertyValue(property) || value;
    }
  }
  return value.trim();
}
