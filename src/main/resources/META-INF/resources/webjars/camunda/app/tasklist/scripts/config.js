// Wenzheng's Tasklist (shadows the webjar's scripts/config.js): in Chinese for every user (webapps/WebappTranslations
// serves locales/zh.json), and without the start-process shortcut: appeals are registered by intake, never started
// in Tasklist (styles/user-styles.css hides the button too).
export default {
  app: {
    name: '待办事项',
    vendor: '问政'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  disableWelcomeMessage: true,
  // After 提交, one sentence on what happened next (webapps/NextStep); form-js's own English words in Chinese; no
  // error held for a field a condition has hidden (form-js 1.8.7 kept them, and 提交 stayed disabled).
  customScripts: ['scripts/next-step', 'scripts/form-texts', 'scripts/form-conditions'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '领取当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到任务列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到表单的第一个输入项'
    }
  }
};
