// Wenzheng: form-js 1.8.7 (inside Tasklist 7.24) keeps the error of a field that a condition has since hidden
// (bpmn-io/form-js#825, fixed in later form-js), and Tasklist keeps 提交 disabled while any error is held. So on the
// review form, choosing 不予受理 and pressing 提交 without a reason, then going back to 受理, left 提交 disabled until
// the task was reopened; the same on every form with a field shown for one choice only (办理结果, 回访, 审批). Here
// each form's errors are filtered through its own conditions on every change, before Tasklist reads them, as later
// form-js does in validate(): a hidden field has no error. Loaded by config.js (customScripts); exports no plugin.
//
// The form-js instance is not handed to scripts: it is found through Preact's render tree on the form's container
// (the FormContext's getService). If a Tasklist upgrade changes that, this does nothing and
// TasklistReviewTest.aDecisionChangedAfterARefusedSubmitCanBeSubmitted fails.
import { onPageChange } from './page-changes.js';

const watched = new WeakSet();

function formIn(container) {
  const seen = new Set();
  const stack = [container.__k];
  while (stack.length) {
    const vnode = stack.pop();
    if (!vnode || typeof vnode !== 'object' || seen.has(vnode) || seen.size > 500) {
      continue;
    }
    seen.add(vnode);
    const value = vnode.props && vnode.props.value;
    if (value && typeof value.getService === 'function') {
      return value.getService('form', false);
    }
    (Array.isArray(vnode.__k) ? vnode.__k : []).forEach(child => stack.push(child));
  }
  return null;
}

function dropErrorsOfHiddenFields(form) {
  // Before Tasklist's own listener (default priority 1000), which enables 提交 when no error is left.
  form.on('changed', 2000, state => {
    const errors = state && state.errors;
    if (!errors || !Object.keys(errors).length) {
      return;
    }
    const shown = form.get('conditionChecker').applyConditions(errors, state.data || {}, {
      getFilterPath: (field, indexes) => [field.id, ...Object.values(indexes || {})]
    });
    Object.keys(errors).forEach(id => {
      if (shown[id] === undefined) {
        delete errors[id];
      }
    });
  });
}

function watch(root) {
  root.querySelectorAll('.fjs-container').forEach(container => {
    if (!container.__k) {
      return;
    }
    const form = formIn(container);
    if (form && !watched.has(form)) {
      watched.add(form);
      dropErrorsOfHiddenFields(form);
    }
  });
}

onPageChange(watch);
