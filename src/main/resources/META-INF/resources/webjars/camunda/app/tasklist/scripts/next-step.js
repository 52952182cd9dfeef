// Wenzheng: after 提交 in Tasklist, say in one sentence what happened to the appeal next ("已转交 市城管委，签收期限 …"),
// instead of letting the task just vanish. Loaded by config.js (customScripts) as a module; it exports no plugin.
const SUBMIT = /\/task\/([^/?]+)\/(submit-form|complete)(\?|$)/;
const root = window.location.pathname.substring(0, window.location.pathname.indexOf('/app/') + 1);

function show(message) {
  let box = document.getElementById('wz-next-step');
  if (!box) {
    box = document.createElement('div');
    box.id = 'wz-next-step';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  box.textContent = message; // text, never HTML
  box.hidden = false;
  clearTimeout(box.hideTimer);
  box.hideTimer = setTimeout(() => { box.hidden = true; }, 20000);
}

function tell(taskId) {
  fetch(root + 'wenzheng/tasks/' + encodeURIComponent(taskId) + '/next-step', { credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : null))
    .then(answer => { if (answer && answer.message) { show(answer.message); } })
    .catch(() => {});
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  const submitted = String(method).toUpperCase() === 'POST' && SUBMIT.exec(String(url));
  if (submitted) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        tell(decodeURIComponent(submitted[1]));
      }
    });
  }
  return open.apply(this, arguments);
};
