// Layer administration (ADMIN): the catalogue, and publishing it to GeoServer (plan first).
(function () {
  Object.assign(MESSAGES.zh, {
    layersTitle: '名界 · 图层管理', backToMap: '返回地图', catalogue: '图层目录', layerId: '标识', layerTitle: '名称',
    geometry: '几何', zoomRange: '缩放范围', delivery: '提供方式', plan: '生成计划（不修改）', publish: '发布',
    notConfigured: '未配置 GeoServer（mingjie.geoserver.url），地图使用内置图层。', configured: '已配置：',
    needAdmin: '需要管理员登录', signInRequired: '需要登录（管理员）', working: '处理中…', rules: '样式规则', thinning: '瓦片抽稀', noThinning: '不抽稀',
    thinningBy: '按 {0}：{1}；其余自 z{2} 起；每瓦片至多 {3} 个', allFeatures: '全部',
  });
  Object.assign(MESSAGES.en, {
    layersTitle: 'Mingjie · layers', backToMap: 'Back to the map', catalogue: 'Layer catalogue', layerId: 'Id',
    layerTitle: 'Title', geometry: 'Geometry', zoomRange: 'Zoom range', delivery: 'Served as', plan: 'Plan (dry run)',
    publish: 'Publish', notConfigured: 'No GeoServer configured (mingjie.geoserver.url); the map uses the built-in layers.',
    configured: 'Configured: ', needAdmin: 'Administrators only', signInRequired: 'Sign-in required (administrator)', working: 'Working…', rules: 'Style rules',
    thinning: 'Tile thinning', noThinning: 'none', thinningBy: 'by {0}: {1}; others from z{2}; at most {3} per tile',
    allFeatures: 'all',
  });
  I18N.apply();
  document.getElementById('lang').addEventListener('click', () => I18N.toggle());
  const en = I18N.lang === 'en';
  const report = document.getElementById('report');

  function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }

  api('/api/v1/layers').then(r => r.json()).then(catalogue => {
    const body = document.querySelector('#catalogue tbody');
    for (const def of catalogue.layers) {
      const row = document.createElement('tr');
      cell(row, def.id);
      cell(row, en ? def.titleEn : def.titleZh);
      cell(row, def.geometryType);
      cell(row, def.minZoom + '–' + def.maxZoom);
      cell(row, def.delivery);
      // One line per SLD rule: title, then its filter and scale range as the map applies them.
      const rules = cell(row, '');
      for (const rule of def.rules) {
        const line = document.createElement('div');
        const filter = rule.filter ? JSON.stringify(rule.filter) : I18N.t('allFeatures');
        const scale = (rule.minScaleDenominator ? ' ≥1:' + Math.round(rule.minScaleDenominator) : '')
          + (rule.maxScaleDenominator ? ' <1:' + Math.round(rule.maxScaleDenominator) : '');
        line.textContent = (rule.title || rule.name || '') + ' — ' + filter + scale;
        rules.appendChild(line);
      }
      const t = def.thinning;
      cell(row, t ? I18N.t('thinningBy').replace('{0}', t.attribute)
        .replace('{1}', Object.entries(t.minZoomByValue).map(([v, z]) => v + '→z' + z).join(', '))
        .replace('{2}', t.defaultMinZoom).replace('{3}', t.maxFeaturesPerTile) : I18N.t('noThinning'));
      const link = document.createElement('a');
      link.href = def.sld;
      link.textContent = 'SLD';
      cell(row, '').appendChild(link);
      body.appendChild(row);
    }
  });

  api('/api/v1/layers/geoserver').then(r => {
    const status = document.getElementById('geoserver-status');
    if (!r.ok) { status.textContent = I18N.t(r.status === 401 ? 'signInRequired' : 'needAdmin'); return; }
    return r.json().then(s => {
      status.textContent = s.configured ? I18N.t('configured') + s.url + ' (' + s.workspace + ')' : I18N.t('notConfigured');
    });
  });

  function run(dryRun) {
    report.textContent = I18N.t('working');
    const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
    api('/api/v1/layers/geoserver/publication?dryRun=' + dryRun, {
      method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(token || '') },
    }).then(r => r.json()).then(result => {
      if (result.steps) {
        report.textContent = result.steps.map(s => s.action.padEnd(10) + s.what.padEnd(44) + (s.method || '') + ' ' + s.path)
          .join('\n');
      } else {
        report.textContent = (result.title || '') + ': ' + (result.detail || '');
      }
    });
  }
  // The CSRF cookie is set by the first API call.
  api('/api/v1/me');
  document.getElementById('plan').addEventListener('click', () => run(true));
  document.getElementById('publish').addEventListener('click', () => run(false));
})();
