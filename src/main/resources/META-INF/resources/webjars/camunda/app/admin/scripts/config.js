// Wenzheng's Admin (shadows the webjar's scripts/config.js): in Chinese for every user (webapps/WebappTranslations).
export default {
  app: {
    name: '系统管理',
    vendor: '问政'
  },
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
