// Wenzheng: the few words form-js 1.8.7 writes in English whatever the form says ("Search", "Select", "No results"),
// in Chinese. form-js has no setting for them, so they are replaced where it renders them. Loaded by config.js
// (customScripts) as a module; it exports no plugin.
const PLACEHOLDERS = { Search: '输入关键字查找' };
const TEXTS = {
  '.fjs-select-display': { Select: '请选择' },
  '.fjs-dropdownlist-empty': { 'No results': '没有匹配的选项', 'All values selected': '已全部选择' }
};
const TITLES = { 'Remove tag': '移除', 'Remove item': '移除' };

function translate(root) {
  root.querySelectorAll('input[placeholder]').forEach(input => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  Object.entries(TEXTS).forEach(([selector, texts]) => {
    root.querySelectorAll(selector).forEach(element => {
      const chinese = texts[element.textContent.trim()];
      if (chinese && element.children.length === 0) {
        element.textContent = chinese;
      }
    });
  });
  root.querySelectorAll('[title]').forEach(element => {
    const chinese = TITLES[element.getAttribute('title')];
    if (chinese) {
      element.setAttribute('title', chinese);
    }
  });
}

let pending = false;
new MutationObserver(() => {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      translate(document.body);
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder', 'title'] });
