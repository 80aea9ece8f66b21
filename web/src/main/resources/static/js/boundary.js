// Boundary lines and markers. Chinese first, English on request; data enters the page via textContent only.
(function () {
  const TEXT = {
    zh: {
      title: '行政区域界线与界桩', mapLink: '地图', signIn: '登录', division: '行政区划代码', load: '查询界线',
      due: '到期应联检', markerPdf: '界桩成果表 PDF', markerCsv: 'CSV', markerGeojson: 'GeoJSON',
      description: '界线走向说明', checks: '检查结果', markers: '界桩', inspections: '联检', plan: '计划下一轮联检',
      number: '编号', condition: '状况', noFindings: '各项检查均通过', needLogin: '请先登录后查看界线。',
      derivedNotice: '样例界线由区划面公共边派生（示意，非协议书界线）；潼南区界桩为合成样例数据。',
      derivedLine: '派生示意界线，非法定界线', length: '长度', plane: '高斯平面', geodesic: '椭球面', zone: '带',
      agreed: '已协议', disputed: '有争议', lang: 'English', planned: '已计划', lead: '牵头', field: '外业录入',
      planReason: '计划定期联检', loadError: '加载失败', disputes: '边界争议', agreements: '平安边界协议（一年内到期）',
      none: '无', negotiation: '协商', mediation: '调解', decision: '裁决', closed: '已结案',
    },
    en: {
      title: 'Boundary lines and markers', mapLink: 'Map', signIn: 'Sign in', division: 'Division code',
      load: 'Find lines', due: 'Due for joint inspection', markerPdf: 'Marker register PDF', markerCsv: 'CSV',
      markerGeojson: 'GeoJSON', description: 'Course of the line', checks: 'Checks', markers: 'Markers',
      inspections: 'Joint inspections', plan: 'Plan next round', number: 'Number', condition: 'Condition',
      noFindings: 'All checks pass', needLogin: 'Sign in to see boundary lines.',
      derivedNotice: 'Sample lines are derived from shared polygon edges (illustrative, not agreed lines); the 潼南区 markers are synthetic.',
      derivedLine: 'Derived sample line, not a legal boundary', length: 'Length', plane: 'GK plane',
      geodesic: 'ellipsoid', zone: 'zone', agreed: 'agreed', disputed: 'disputed', lang: '中文', planned: 'planned',
      lead: 'lead', field: 'field entry', planReason: 'plan periodic inspection', loadError: 'Failed to load',
      disputes: 'Boundary disputes', agreements: 'Peaceful-boundary agreements due within a year', none: 'none',
      negotiation: 'negotiation', mediation: 'mediation', decision: 'decision', closed: 'closed',
    },
  };
  const lang = localStorage.getItem('mingjie.lang') || 'zh';
  const t = key => (TEXT[lang] || TEXT.zh)[key] || key;
  document.querySelectorAll('[data-b]').forEach(el => { el.textContent = t(el.dataset.b); });
  document.getElementById('lang').textContent = t('lang');
  document.getElementById('lang').addEventListener('click', () => {
    localStorage.setItem('mingjie.lang', lang === 'zh' ? 'en' : 'zh');
    location.reload();
  });

  const map = L.map('map').setView([30.0, 105.85], 9);
  L.control.scale({ imperial: false }).addTo(map);
  const lineLayer = L.geoJSON(null, {
    style: f => ({ color: f.properties.legalStatus === 'disputed' ? '#b00020' : '#24466b', weight: 3 }),
  }).addTo(map);
  const markerLayer = L.geoJSON(null, {
    // GeoJSON is [lon, lat]; Leaflet wants [lat, lng]: L.geoJSON converts.
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, color: '#a15c00' }),
    onEachFeature: (f, l) => l.bindTooltip(() => { const s = document.createElement('span'); s.textContent = f.properties.number; return s; }),
  }).addTo(map);
  const state = { lines: [], selected: null };
  window.mingjieBoundary = { map, lineLayer, markerLayer, state };

  function xsrf() {
    return decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  }
  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(url + ' ' + r.status);
    return r.json();
  }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  async function loadLines() {
    const code = document.getElementById('division').value.trim();
    const data = await getJson('/api/v1/boundary/lines?division=' + encodeURIComponent(code));
    state.lines = data.features;
    lineLayer.clearLayers();
    lineLayer.addData(data);
    const list = document.getElementById('lines');
    list.replaceChildren();
    for (const f of data.features) {
      const li = el('li', f.properties.name + '（' + f.properties.code + '）');
      li.dataset.id = f.properties.id;
      li.addEventListener('click', () => select(f.properties.id));
      list.appendChild(li);
    }
    if (data.features.length) map.fitBounds(lineLayer.getBounds());
    document.body.dataset.linesReady = 'true';
  }

  async function select(id) {
    state.selected = id;
    document.querySelectorAll('#lines li').forEach(li => li.classList.toggle('selected', li.dataset.id === String(id)));
    const [line, markers, description, checks, inspections] = await Promise.all([
      getJson('/api/v1/boundary/lines/' + id),
      getJson('/api/v1/boundary/lines/' + id + '/markers/features'),
      getJson('/api/v1/boundary/lines/' + id + '/description'),
      getJson('/api/v1/boundary/lines/' + id + '/checks'),
      getJson('/api/v1/boundary/lines/' + id + '/inspections'),
    ]);
    const p = line.properties;
    document.getElementById('detail').hidden = false;
    document.getElementById('lineName').textContent = p.name;
    document.getElementById('lineMeta').textContent =
      p.code + ' · ' + p.parties.join(' / ') + ' · ' + t(p.legalStatus) + (p.agreementRef ? ' · ' + p.agreementRef : '');
    document.getElementById('lineDerived').hidden = !p.derived;
    document.getElementById('lineLength').textContent = t('length') + '：' + t('plane') + ' ' + p.planeLength.toFixed(1)
      + ' m（' + p.zones.join('、') + ' ' + t('zone') + '），' + t('geodesic') + ' ' + p.geodesicLength.toFixed(1) + ' m';
    document.getElementById('pdfLink').href = '/api/v1/boundary/lines/' + id + '/markers.pdf';
    document.getElementById('csvLink').href = '/api/v1/boundary/lines/' + id + '/markers.csv';
    document.getElementById('geojsonLink').href = '/api/v1/boundary/lines/' + id + '/markers/features';
    document.getElementById('description').textContent = lang === 'zh' ? description.textZh : description.textEn;
    const checkList = document.getElementById('checks');
    checkList.replaceChildren();
    if (!checks.length) checkList.appendChild(el('li', t('noFindings')));
    for (const c of checks) checkList.appendChild(el('li', lang === 'zh' ? c.textZh : c.textEn, 'finding'));
    const rows = document.getElementById('markerRows');
    rows.replaceChildren();
    for (const m of markers.features) {
      const tr = document.createElement('tr');
      for (const v of [m.properties.number, m.properties.condition, m.properties.northing.toFixed(3),
                       m.properties.prefixedEasting.toFixed(3), m.properties.epsgWithPrefix]) tr.appendChild(el('td', v));
      rows.appendChild(tr);
    }
    markerLayer.clearLayers();
    markerLayer.addData(markers);
    const inspList = document.getElementById('inspections');
    inspList.replaceChildren();
    for (const i of inspections) {
      const li = el('li', i.roundYear + ' · ' + i.kind + ' · ' + i.status + ' · ' + t('lead') + ' ' + i.leadCode + ' ');
      const a = el('a', t('field'));
      a.href = '/boundary-field.html?inspection=' + i.id;
      li.appendChild(a);
      const pdf = el('a', ' PDF');
      pdf.href = '/api/v1/boundary/inspections/' + i.id + '/report.pdf';
      li.appendChild(pdf);
      inspList.appendChild(li);
    }
    document.body.dataset.detailReady = String(id);
  }

  async function plan() {
    const r = await fetch('/api/v1/boundary/lines/' + state.selected + '/inspections', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf() },
      body: JSON.stringify({ kind: 'periodic', year: new Date().getFullYear(), reason: t('planReason') }),
    });
    if (!r.ok) {
      const problem = await r.json();
      document.getElementById('notice').textContent = problem.detail || t('loadError');
      return;
    }
    await select(state.selected);
  }

  async function start() {
    const me = await getJson('/api/v1/me');
    document.getElementById('user').textContent = me.signedIn ? me.username : '';
    document.getElementById('login').hidden = me.signedIn;
    if (!me.signedIn) {
      document.getElementById('notice').textContent = t('needLogin');
      return;
    }
    document.getElementById('load').addEventListener('click', loadLines);
    document.getElementById('plan').addEventListener('click', plan);
    const due = await getJson('/api/v1/boundary/inspections/due');
    const dueList = document.getElementById('due');
    for (const d of due.slice(0, 20)) dueList.appendChild(el('li', d.dueYear + ' · ' + d.lineName));
    const disputes = await getJson('/api/v1/boundary/disputes');
    const disputeList = document.getElementById('disputes');
    for (const d of disputes.features) {
      disputeList.appendChild(el('li', d.properties.title + ' · ' + t(d.properties.status)));
    }
    if (!disputes.features.length) disputeList.appendChild(el('li', t('none')));
    const inAYear = new Date(Date.now() + 365 * 86400000).toISOString().substring(0, 10);
    const agreements = await getJson('/api/v1/boundary/peace-agreements?renewBy=' + inAYear);
    const agreementList = document.getElementById('agreements');
    for (const a of agreements) agreementList.appendChild(el('li', a.renewBy + ' · ' + a.title));
    if (!agreements.length) agreementList.appendChild(el('li', t('none')));
    await loadLines();
  }
  start().catch(() => { document.getElementById('notice').textContent = t('loadError'); });
})();
