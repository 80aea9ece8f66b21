// Search-as-you-type over GET /api/v1/search; results listed and marked on the map.
// All data reaches the page through textContent. GeoJSON is [lon, lat]; Leaflet takes [lat, lng].
const SEARCH_MESSAGES = {
  zh: {
    title: '名界 · 地名搜索', map: '地图', label: '地名（汉字、拼音、首字母、繁体均可）',
    none: '未找到', found: '找到 {0} 处', failed: '搜索失败：',
    exact: '完全匹配', prefix: '前缀', pinyin: '拼音', initials: '首字母', partial: '部分匹配',
    homophone: '同音', fuzzy: '近似拼写', historical: '曾用名', alias: '别名', approx: '（位置为上级驻地，近似）',
  },
  en: {
    title: 'Mingjie · place-name search', map: 'Map', label: 'Place name (characters, pinyin, initials, traditional)',
    none: 'Nothing found', found: '{0} found', failed: 'Search failed: ',
    exact: 'exact', prefix: 'prefix', pinyin: 'pinyin', initials: 'initials', partial: 'partial',
    homophone: 'same sound', fuzzy: 'similar spelling', historical: 'former name', alias: 'alias',
    approx: '(approximate: location of the parent unit)',
  },
};
const s = key => (SEARCH_MESSAGES[I18N.lang] || SEARCH_MESSAGES.zh)[key] || key;

document.querySelectorAll('[data-s]').forEach(el => { el.textContent = s(el.dataset.s); });
document.documentElement.lang = I18N.lang === 'zh' ? 'zh-CN' : 'en';
const langButton = document.getElementById('lang');
langButton.textContent = I18N.t('lang');
langButton.addEventListener('click', () => I18N.toggle());

const map = L.map('map').setView([29.8, 107.5], 7);
const markers = L.layerGroup().addTo(map);
const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('status');
let pending = 0;

async function run(mode) {
  const q = input.value.trim();
  const ticket = ++pending;
  if (!q) { list.replaceChildren(); markers.clearLayers(); status.textContent = ''; return; }
  const c = map.getCenter();
  const url = `/api/v1/search?q=${encodeURIComponent(q)}&mode=${mode}&limit=10&lat=${c.lat.toFixed(5)}&lon=${c.lng.toFixed(5)}`;
  try {
    const response = await api(url, { headers: { 'Accept-Language': I18N.lang } });
    const body = await response.json();
    if (ticket !== pending) return; // a newer keystroke already asked
    if (!response.ok) { status.textContent = s('failed') + (body.detail || response.status); return; }
    show(body.features);
  } catch (e) {
    if (ticket === pending) status.textContent = s('failed') + e.message;
  }
}

function show(features) {
  list.replaceChildren();
  markers.clearLayers();
  status.textContent = features.length ? s('found').replace('{0}', features.length) : s('none');
  features.forEach(f => {
    const p = f.properties;
    const item = document.createElement('li');
    item.className = 'hit';
    item.dataset.placeId = p.placeId;
    item.dataset.matchType = p.matchType;
    const name = document.createElement('strong');
    name.textContent = p.name;
    const match = document.createElement('span');
    match.className = 'match';
    let how = s(p.matchType);
    if (p.matchedName !== p.name) {
      if (p.matchType === 'historical') how += ' ' + p.matchedName;
      else how += ' · ' + (p.matchedNameKind === 'alias' ? s('alias') : s('historical')) + ' ' + p.matchedName;
      if (p.matchedValidFrom || p.matchedValidTo) how += ` (${p.matchedValidFrom || ''} – ${p.matchedValidTo || ''})`;
    }
    if (p.approximateLocation) how += ' ' + s('approx');
    match.textContent = how + (p.code ? ' · ' + p.code : '');
    item.append(name, match);
    if (f.geometry && f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.marker([lat, lon]).addTo(markers);
      const tip = document.createElement('span');
      tip.textContent = p.name; // Leaflet would write a string tooltip as HTML
      marker.bindTooltip(tip);
      item.addEventListener('click', () => map.setView([lat, lon], 11));
    }
    list.append(item);
  });
  document.body.dataset.searchDone = String(Date.now());
}

let timer;
input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run('autocomplete'), 150); });
input.addEventListener('keydown', e => { if (e.key === 'Enter') { clearTimeout(timer); run('search'); } });
// No base tiles ship with the sample: district outlines give orientation.
api('/api/v1/divisions/features?level=3').then(r => r.json()).then(fc => {
  L.geoJSON(fc, { style: { weight: 1, color: '#666', fillOpacity: 0.03 } }).addTo(map);
});
document.body.dataset.searchReady = 'true';
