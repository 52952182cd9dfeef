// Wenzheng: calls back with the page's body once per animation frame in which Tasklist (or form-js inside it) changed
// the page, so our scripts fix up what was just drawn without a timer. Imported by form-texts.js and
// form-conditions.js; not itself a custom script.
export function onPageChange(callback) {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        callback(document.body);
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder', 'title'] });
}
