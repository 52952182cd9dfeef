// Wenzheng's Welcome (shadows the webjar's scripts/config.js): in Chinese for every user (webapps/WebappTranslations).
export default {
  app: {
    name: '首页',
    vendor: '问政'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  disableWelcomeMessage: true
};
