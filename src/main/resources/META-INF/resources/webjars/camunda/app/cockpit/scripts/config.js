// Wenzheng's Cockpit (shadows the webjar's scripts/config.js): in Chinese for every user (webapps/WebappTranslations).
export default {
  app: {
    name: '流程监控',
    vendor: '问政'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  disableWelcomeMessage: true
};
