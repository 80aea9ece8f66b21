// Chinese first; English on request. Strings reach the page only through textContent.
const MESSAGES = {
  zh: {
    title: '名界 · 地名与行政区域界线管理', apiDocs: '接口文档', signIn: '登录', signOut: '退出',
    derivedNotice: '乡镇（街道）边界为样例派生示意边界（驻地泰森多边形），并非法定界线。',
    districts: '区县', townships: '乡镇（街道，派生示意）', code: '区划代码', name: '名称', level: '级别',
    validFrom: '起始日期', source: '数据来源', geometrySource: '几何来源',
    derivedWarning: '派生示意边界，非法定界线', lang: 'English', loadError: '图层加载失败',
    username: '用户名', password: '密码', loginFailed: '用户名或密码错误',
  },
  en: {
    title: 'Mingjie · place names and administrative boundaries', apiDocs: 'API docs', signIn: 'Sign in',
    signOut: 'Sign out',
    derivedNotice: 'Township boundaries are derived sample geometry (Voronoi cells of the seats), not legal boundaries.',
    districts: 'Districts and counties', townships: 'Townships (derived sample)', code: 'Code', name: 'Name',
    level: 'Level', validFrom: 'Valid from', source: 'Source', geometrySource: 'Geometry source',
    derivedWarning: 'Derived sample boundary, not a legal boundary', lang: '中文', loadError: 'Layer failed to load',
    username: 'User name', password: 'Password', loginFailed: 'Wrong user name or password',
  },
};

// The pages' API calls. X-Requested-With asks the server to answer 401 without a Basic challenge, on which
// the browser would hold the request for its own sign-in prompt instead of giving the page the answer.
function api(url, options = {}) {
  return fetch(url, { ...options, headers: { 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) } });
}

const I18N = {
  lang: localStorage.getItem('mingjie.lang') || 'zh',
  t(key) { return (MESSAGES[this.lang] || MESSAGES.zh)[key] || key; },
  apply(root = document) {
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = this.t(el.dataset.i18n); });
    document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
    const button = document.getElementById('lang');
    if (button) button.textContent = this.t('lang');
  },
  toggle() {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('mingjie.lang', this.lang);
    location.reload();
  },
};
