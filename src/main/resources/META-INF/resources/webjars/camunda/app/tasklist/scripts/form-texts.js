// Wenzheng: the few words form-js 1.8.7 writes in English whatever the form says ("Search", "Select", "No results",
// and its validation messages: "Field is required."), in Chinese. form-js has no setting for them, so they are
// replaced where it renders them. Loaded by config.js (customScripts) as a module; it exports no plugin.
import { onPageChange } from './page-changes.js';

const PLACEHOLDERS = { Search: '输入关键字查找' };
const TEXTS = {
  '.fjs-select-display': { Select: '请选择' },
  '.fjs-dropdownlist-empty': { 'No results': '没有匹配的选项', 'All values selected': '已全部选择' }
};
const TITLES = { 'Remove tag': '移除', 'Remove item': '移除' };
// form-js's validation messages (form-js 1.8.7, Validator), under a field that fails its check.
const MESSAGES = [
  [/^Field is required\.$/, '此项必填'],
  [/^Field must have minimum length of (\d+)\.$/, '至少 $1 个字'],
  [/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1'],
  [/^Field must match pattern .*$/, '格式不正确'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱'],
  [/^Field must be a valid\s+international phone number.*$/, '请填写有效的电话号码（含国家代码）']
];

function translate(root) {
  root.querySelectorAll('input[placeholder]').forEach(input => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  // The text node itself is changed, not replaced: form-js (Preact) keeps a reference to it, and a replaced node
  // would make it put its own text back beside ours ("请选择Select").
  Object.entries(TEXTS).forEach(([selector, texts]) => {
    root.querySelectorAll(selector).forEach(element => {
      element.childNodes.forEach(node => {
        const chinese = node.nodeType === Node.TEXT_NODE ? texts[node.data.trim()] : undefined;
        if (chinese) {
          node.data = chinese;
        }
      });
    });
  });
  root.querySelectorAll('.fjs-form-field-error').forEach(element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.trim();
      const message = MESSAGES.find(([english]) => english.test(text));
      if (message) {
        node.data = text.replace(message[0], message[1]);
      }
    }
  });
  root.querySelectorAll('[title]').forEach(element => {
    const chinese = TITLES[element.getAttribute('title')];
    if (chinese) {
      element.setAttribute('title', chinese);
    }
  });
}

onPageChange(translate);
