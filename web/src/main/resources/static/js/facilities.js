// Facilities and coverage for planners: facilities by type, walking service areas, coverage per town,
// the plan indicators, nearest facility with its route, site suggestions. Data reaches the page through
// textContent only; GeoJSON is [lon, lat], Leaflet [lat, lng].
(function () {
  const TEXT = {
    zh: {
      title: '名界 · 民政设施与覆盖分析', mapLink: '区划地图', apiDocs: '接口文档', district: '区县',
      csv: '导出 CSV', pdf: 'PDF 报告', indicators: '规划指标', indicator: '指标', figure: '现状', target: '目标',
      achieved: '达成', yes: '达成', no: '未达成', nearest: '最近设施', nearestType: '类型',
      clickHint: '在地图上点击任意位置，查找步行最近的设施及路线。', sites: '新增服务站选址', k: '站点数',
      suggest: '计算建议', gaps: '缺口', noCentre: '未设中心的街道', noStation: '未设站的社区',
      estimate: '估算（无路网：直线×1.3，4.5 km/h）', minutes: '分钟', metres: '米',
      coverage: '乡镇 15 分钟覆盖率', serviceAreas: '步行服务范围', communities: '社区/村（人口）',
      synthetic: '合成样例数据，非真实设施', derived: '乡镇界线与社区位置为派生示意',
      covered: '新增覆盖', gap: '与最优解差距', exactNone: '规模过大，未求精确最优', population: '人口',
      nearestMinutes: '最近设施步行', none: '无', route: '路线', unpublished: '未发布',
      findPlace: '按地名查找', placeQuery: '地名', placeNotFound: '未找到该地名',
    },
    en: {
      title: 'Mingjie · civil-affairs facilities and coverage', mapLink: 'Division map', apiDocs: 'API docs',
      district: 'District', csv: 'Export CSV', pdf: 'PDF report', indicators: 'Plan targets', indicator: 'Indicator',
      figure: 'Now', target: 'Target', achieved: 'Met', yes: 'met', no: 'not met', nearest: 'Nearest facility',
      nearestType: 'Type', clickHint: 'Click anywhere on the map for the nearest facilities by walking time.',
      sites: 'New station sites', k: 'Sites', suggest: 'Suggest', gaps: 'Gaps', noCentre: 'Sub-districts without a centre',
      noStation: 'Communities without a station', estimate: 'estimate (no road network: straight line ×1.3, 4.5 km/h)',
      minutes: 'min', metres: 'm', coverage: '15-minute coverage by town', serviceAreas: 'Walking service areas',
      communities: 'Communities (population)', synthetic: 'Synthetic sample data, not real facilities',
      derived: 'Town boundaries and community positions are derived', covered: 'newly covered',
      gap: 'gap to the optimum', exactNone: 'too large for the exact optimum', population: 'population',
      nearestMinutes: 'nearest facility', none: 'none', route: 'route', unpublished: 'unpublished',
      findPlace: 'Find by place name', placeQuery: 'Place name', placeNotFound: 'No such place',
    },
  };
  const lang = I18N.lang === 'en' ? 'en' : 'zh';
  const t = key => TEXT[lang][key] || key;
  document.querySelectorAll('[data-fi]').forEach(el => { el.textContent = t(el.dataset.fi); });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  const langButton = document.getElementById('lang');
  langButton.textContent = lang === 'zh' ? 'English' : '中文';
  langButton.addEventListener('click', () => I18N.toggle());

  const TYPE_STYLE = {
    STREET_CENTRE: ['中', '#1f5fa8'], COMMUNITY_STATION: ['站', '#2e8b57'], NEIGHBOURHOOD_POINT: ['点', '#6aa84f'],
    ELDER_INSTITUTION: ['院', '#7b3fa0'], RURAL_NURSING_HOME: ['敬', '#a0522d'], DISABLED_CARE_CENTRE: ['护', '#c2185b'],
    PUBLIC_CEMETERY: ['公', '#555555'], COMMERCIAL_CEMETERY: ['陵', '#777777'], FUNERAL_HOME: ['殡', '#333333'],
    FUNERAL_STATION: ['服', '#8d6e63'],
  };

  const map = L.map('map').setView([30.0, 106.6], 9);
  L.control.scale({ imperial: false }).addTo(map);
  const towns = L.geoJSON(null, { style: f => townStyle(f.properties) }).addTo(map);
  const communities = L.geoJSON(null, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 2, color: '#444', weight: 1, fillOpacity: 0.6 }),
    onEachFeature: (f, l) => l.bindPopup(() => communityPopup(f.properties)),
  });
  const areas = L.geoJSON(null, { style: f => areaStyle(f.properties) }).addTo(map);
  const routes = L.geoJSON(null, { style: f => routeStyle(f.properties) }).addTo(map);
  const typeLayers = {};
  const control = L.control.layers(null, {}, { collapsed: false }).addTo(map);
  control.addOverlay(towns, t('coverage'));
  control.addOverlay(areas, t('serviceAreas'));
  control.addOverlay(communities, t('communities'));

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function townStyle(p) {
    const s = Math.max(0, Math.min(1, p.coverageShare / 100));
    const color = `rgb(${Math.round(220 * (1 - s))},${Math.round(60 + 150 * s)},60)`;
    return { color: '#fff', weight: 1, dashArray: p.derivedGeometry ? '4 3' : null, fillColor: color, fillOpacity: 0.45 };
  }
  function areaStyle(p) {
    return { color: p.fallback ? '#a15c00' : '#1f5fa8', weight: 1, dashArray: p.fallback ? '6 4' : null,
      fillOpacity: 0.08 + 0.04 * (15 - p.minutes) / 5 };
  }
  function routeStyle(p) { return { color: p.fallback ? '#a15c00' : '#c2185b', weight: 4, dashArray: p.fallback ? '8 6' : null }; }
  function icon(p) {
    const [letter, color] = TYPE_STYLE[p.type] || ['?', '#000'];
    const div = el('div', letter, 'fac-icon' + (p.published ? '' : ' unpublished'));
    div.style.background = color;
    return L.divIcon({ html: div, className: '', iconSize: [20, 20] });
  }
  function dl(rows) {
    const list = el('dl');
    for (const [k, v] of rows) {
      if (v === null || v === undefined || v === '') continue;
      list.append(el('dt', k), el('dd', v));
    }
    return list;
  }
  function facilityPopup(p) {
    const box = el('div', null, 'popup');
    box.append(el('strong', p.name));
    box.append(dl([[t('nearestType'), lang === 'zh' ? p.typeName : p.typeNameEn], ['状态 / status', p.statusName],
      ['床位 / beds', p.beds], ['护理床位 / nursing beds', p.nursingBeds], ['用地 / land m²', p.landAreaM2],
      ['墓穴 / graves', p.graveCapacity], ['格位 / niches', p.nicheCapacity], ['区划 / division', p.divisionCode],
      ['来源 / source', p.source]]));
    if (p.synthetic) box.append(el('div', t('synthetic'), 'derived'));
    if (!p.published) box.append(el('div', t('unpublished'), 'derived'));
    return box;
  }
  function communityPopup(p) {
    const box = el('div', null, 'popup');
    box.append(el('strong', p.townName + ' ' + p.name));
    const minutes = p.nearestMinutes === null ? t('none') : p.nearestMinutes.toFixed(1) + ' ' + t('minutes');
    box.append(dl([[t('population'), p.population + ' (' + p.populationSource + ')'],
      [t('nearestMinutes'), minutes + (p.nearestFacilityName ? ' · ' + p.nearestFacilityName : '')]]));
    if (p.fallback) box.append(el('div', t('estimate'), 'estimate'));
    box.append(el('div', t('derived'), 'derived'));
    return box;
  }
  function getJson(url) {
    return api(url, { headers: { Accept: 'application/json' } }).then(r => {
      if (!r.ok) throw new Error(url + ' ' + r.status);
      return r.json();
    });
  }
  function notices(list) {
    const box = document.getElementById('notices');
    box.replaceChildren(...list.map(n => el('div', n)));
  }

  function showServiceAreas(facility) {
    areas.clearLayers();
    return getJson('/api/v1/facilities/' + facility.id + '/service-areas?minutes=5,10,15').then(fc => {
      areas.addData({ type: 'FeatureCollection', features: fc.features.slice().reverse() });
      if (!map.hasLayer(areas)) areas.addTo(map);
    });
  }

  function loadFacilities(district) {
    Object.values(typeLayers).forEach(l => { control.removeLayer(l); map.removeLayer(l); });
    return getJson('/api/v1/facilities?district=' + district).then(fc => {
      const byType = {};
      fc.features.forEach(f => (byType[f.properties.type] = byType[f.properties.type] || []).push(f));
      for (const [type, features] of Object.entries(byType)) {
        const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
          pointToLayer: (f, latlng) => L.marker(latlng, { icon: icon(f.properties) }),
          style: () => ({ color: '#555', weight: 1, fillOpacity: 0.4 }),
          onEachFeature: (f, l) => {
            l.bindPopup(() => facilityPopup(f.properties));
            l.on('click', () => showServiceAreas(f.properties));
          },
        }).addTo(map);
        typeLayers[type] = layer;
        const p = features[0].properties;
        control.addOverlay(layer, TYPE_STYLE[type][0] + ' ' + (lang === 'zh' ? p.typeName : p.typeNameEn) + ' (' + features.length + ')');
      }
      window.mingjieFacilities.facilityCount = fc.features.length;
    });
  }

  function renderIndicators(report) {
    const body = document.querySelector('#indicators tbody');
    body.replaceChildren(...report.indicators.map(i => {
      const tr = el('tr');
      tr.dataset.key = i.key;
      const name = el('td', lang === 'zh' ? i.name : i.nameEn);
      const figure = el('td', i.figure);
      if (i.fallback) figure.append(el('div', t('estimate'), 'estimate'));
      const target = el('td', i.unit === '%' ? i.target + '%' : '≥ ' + i.target + ' ' + i.unit);
      const ok = el('td', i.achieved ? t('yes') : t('no'), i.achieved ? 'ok' : 'no');
      tr.append(name, figure, target, ok);
      return tr;
    }));
    document.getElementById('noCentre').replaceChildren(...report.subDistrictsWithoutCentre.map(x => el('li', x.name)));
    document.getElementById('noStation').replaceChildren(
      ...report.communitiesWithoutStation.map(c => el('li', c.townName + ' ' + c.name + ' (' + c.population + ')')));
    notices([...report.notes, t('synthetic'), t('derived')]);
  }

  function loadDistrict(district) {
    const code = district + '000000';
    document.getElementById('csv').href = '/api/v1/coverage/districts/' + district + '/indicators.csv';
    document.getElementById('pdf').href = '/api/v1/coverage/districts/' + district + '/report.pdf';
    towns.clearLayers(); communities.clearLayers(); areas.clearLayers(); routes.clearLayers();
    document.body.dataset.ready = 'false';
    return Promise.all([
      getJson('/api/v1/coverage/districts/' + code + '/indicators').then(renderIndicators),
      getJson('/api/v1/coverage/districts/' + code + '/towns').then(fc => {
        towns.addData(fc);
        towns.eachLayer(l => l.bindPopup(() => {
          const p = l.feature.properties;
          const box = el('div', null, 'popup');
          box.append(el('strong', p.name), dl([[t('coverage'), p.coverageShare.toFixed(1) + '%'],
            [t('population'), p.population]]));
          if (p.fallback) box.append(el('div', t('estimate'), 'estimate'));
          if (p.derivedGeometry) box.append(el('div', t('derived'), 'derived'));
          return box;
        }));
        if (towns.getLayers().length) map.fitBounds(towns.getBounds());
      }),
      getJson('/api/v1/coverage/districts/' + code + '/communities').then(fc => communities.addData(fc)),
      loadFacilities(district),
    ]).then(() => { document.body.dataset.ready = 'true'; })
      .catch(e => { notices([String(e)]); document.body.dataset.ready = 'error'; });
  }

  function nearest(latlng) {
    const type = document.getElementById('nearestType').value;
    const url = '/api/v1/facilities/nearest?lon=' + latlng.lng + '&lat=' + latlng.lat + '&limit=3&type=' + type;
    return getJson(url).then(fc => {
      routes.clearLayers();
      routes.addData(fc);
      const list = document.getElementById('nearestList');
      list.replaceChildren(...fc.features.map(f => {
        const p = f.properties;
        const li = el('li', p.name + ' · ' + p.minutes + ' ' + t('minutes') + ' · ' + p.metres + ' ' + t('metres'));
        if (p.fallback) li.append(el('div', t('estimate'), 'estimate'));
        return li;
      }));
      document.body.dataset.nearest = String(fc.features.length);
    });
  }

  function suggest() {
    const district = document.getElementById('district').value + '000000';
    const k = document.getElementById('k').value;
    const out = document.getElementById('siteResult');
    out.replaceChildren(el('p', '…'));
    return getJson('/api/v1/coverage/districts/' + district + '/site-suggestions?k=' + k).then(s => {
      const list = el('ol');
      s.sites.forEach(site => list.append(el('li', site.name + ' +' + site.addedPopulation)));
      const gap = s.gapPercent === null ? t('exactNone') : t('gap') + ' ' + s.gapPercent.toFixed(1) + '%';
      out.replaceChildren(list, el('p', t('covered') + ' ' + s.greedyCovered + ' / ' + s.uncoveredPopulationBefore + ' · ' + gap));
      if (s.fallback) out.append(el('div', t('estimate'), 'estimate'));
      s.sites.forEach(site => L.circleMarker([site.lat, site.lon], { radius: 8, color: '#c2185b' }).addTo(routes)
        .bindTooltip(el('span', site.name)));
    });
  }

  getJson('/api/v1/facilities/types').then(types => {
    const select = document.getElementById('nearestType');
    select.replaceChildren(...types.map(x => {
      const o = el('option', lang === 'zh' ? x.name : x.nameEn);
      o.value = x.code;
      return o;
    }));
    select.value = 'COMMUNITY_STATION';
  });
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const box = el('div', null, 'legend');
    box.append(el('strong', t('coverage')));
    for (const [label, color] of [['0%', 'rgb(220,60,60)'], ['50%', 'rgb(110,135,60)'], ['100%', 'rgb(0,210,60)']]) {
      const row = el('div');
      const swatch = el('i');
      swatch.style.background = color;
      row.append(swatch, document.createTextNode(label));
      box.append(row);
    }
    return box;
  };
  legend.addTo(map);

  map.on('click', e => nearest(e.latlng));

  // The nearest facilities from a searched place: the gazetteer search gives the place's point.
  function nearestToPlace(query) {
    const found = document.getElementById('placeFound');
    return getJson('/api/v1/search?limit=1&q=' + encodeURIComponent(query)).then(fc => {
      const place = fc.features.find(f => f.geometry && f.geometry.type === 'Point');
      if (!place) {
        found.textContent = t('placeNotFound');
        return null;
      }
      const [lon, lat] = place.geometry.coordinates;
      found.textContent = place.properties.name;
      map.setView([lat, lon], Math.max(map.getZoom(), 13));
      return nearest(L.latLng(lat, lon));
    });
  }
  document.getElementById('placeSearch').addEventListener('submit', e => {
    e.preventDefault();
    nearestToPlace(document.getElementById('placeQuery').value.trim());
  });
  document.getElementById('district').addEventListener('change', e => loadDistrict(e.target.value));
  document.getElementById('suggest').addEventListener('click', suggest);
  window.mingjieFacilities = { map, towns, areas, routes, communities, typeLayers, nearest, nearestToPlace, showServiceAreas, loadDistrict, suggest };
  loadDistrict(document.getElementById('district').value);
})();
