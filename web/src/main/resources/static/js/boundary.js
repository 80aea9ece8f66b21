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
      junctions: '三交点', formsPdf: '界桩登记表 PDF', resurveys: '复测超限的界桩', reasonLabel: '理由',
      moveSubmit: '提交移位联合申请', cancel: '取消', changes: '界桩变更申请', decisionRef: '批复文号',
      applyMove: '按复测申请移位', approve: '批准', signatory: '签署人', moved: '复测偏离登记位置',
      tolerance: '限差', pending: '待批', approved: '已批准', rejected: '已驳回', move: '移位', add: '新设',
      retire: '撤销', rebuild: '重建', moveReason: '联检复测超限，申请按复测坐标移位', derivedJunction: '派生示意',
      approveReason: '批准界桩变更联合申请', fromFinding: '据复测结果', lines: '条界线',
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
      junctions: 'Junctions of three units', formsPdf: 'Marker registration forms PDF',
      resurveys: 'Re-measured markers beyond tolerance', reasonLabel: 'Reason', moveSubmit: 'Submit joint move application',
      cancel: 'Cancel', changes: 'Marker change applications', decisionRef: 'Approval reference',
      applyMove: 'Apply to move by re-survey', approve: 'Approve', signatory: 'signatory',
      moved: 're-measured away from the recorded position', tolerance: 'tolerance', pending: 'pending',
      approved: 'approved', rejected: 'rejected', move: 'move', add: 'add', retire: 'retire', rebuild: 'rebuild',
      moveReason: 'joint inspection re-survey beyond tolerance: move to the measured position',
      derivedJunction: 'derived', approveReason: 'approve joint marker change application',
      fromFinding: 'from re-survey', lines: 'lines',
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
  const junctionLayer = L.geoJSON(null, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 8, color: '#ffffff', weight: 2, fillColor: '#6a1b9a', fillOpacity: 1 }),
    onEachFeature: (f, l) => l.bindTooltip(() => { const s = document.createElement('span'); s.textContent = f.properties.name; return s; }),
  }).addTo(map);
  const state = { lines: [], selected: null, line: null };
  window.mingjieBoundary = { map, lineLayer, markerLayer, junctionLayer, state };

  function xsrf() {
    return decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  }
  // Asks for a 401 without a Basic challenge, which would make the browser hold the request for its prompt.
  const XHR = { 'X-Requested-With': 'XMLHttpRequest' };
  async function getJson(url) {
    const r = await fetch(url, { headers: { ...XHR, Accept: 'application/json' } });
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
    await loadJunctions(code);
    document.body.dataset.linesReady = 'true';
  }

  async function loadJunctions(code) {
    const data = await getJson('/api/v1/boundary/junctions?division=' + encodeURIComponent(code));
    junctionLayer.clearLayers();
    junctionLayer.addData(data);
    const list = document.getElementById('junctions');
    list.replaceChildren();
    for (const f of data.features) {
      const p = f.properties;
      const li = el('li', p.name + '（' + p.code + '）· ' + p.lineIds.length + ' ' + t('lines')
        + (p.markerNumbers.length ? ' · ' + p.markerNumbers.join('、') : '') + (p.derived ? ' · ' + t('derivedJunction') : ''));
      li.dataset.id = p.id;
      // GeoJSON [lon, lat] → Leaflet [lat, lng]
      li.addEventListener('click', () => map.setView([f.geometry.coordinates[1], f.geometry.coordinates[0]], 14));
      list.appendChild(li);
    }
    if (!data.features.length) list.appendChild(el('li', t('none')));
  }

  async function send(url, body, ifMatch) {
    const headers = { ...XHR, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf() };
    if (ifMatch) headers['If-Match'] = '"' + ifMatch + '"';
    const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = await r.json().catch(() => ({}));
    if (!r.ok) {
      const details = (answer.errors || []).map(e => e.message).join('；');
      document.getElementById('notice').textContent = (answer.detail || t('loadError')) + (details ? '：' + details : '');
      return null;
    }
    return answer;
  }

  async function showResurveys(inspections) {
    const list = document.getElementById('resurveys');
    list.replaceChildren();
    for (const i of inspections) {
      for (const r of await getJson('/api/v1/boundary/inspections/' + i.id + '/resurveys')) {
        if (!r.exceedsTolerance && !r.changeId) continue;
        const li = el('li', i.roundYear + ' · ' + r.markerNumber + ' · ' + t('moved') + ' ' + r.displacement.toFixed(2)
          + ' m > ' + t('tolerance') + ' ' + r.tolerance.toFixed(2) + ' m'
          + (r.changeId ? ' · #' + r.changeId + ' ' + t(r.changeStatus) : ''), 'finding');
        li.dataset.finding = r.findingId;
        if (!r.changeId) {
          const b = el('button', t('applyMove'), 'inline');
          b.type = 'button';
          b.className = 'inline apply-move';
          b.addEventListener('click', () => openMoveForm(r));
          li.appendChild(b);
        }
        list.appendChild(li);
      }
    }
    if (!list.children.length) list.appendChild(el('li', t('none')));
  }

  function openMoveForm(r) {
    const form = document.getElementById('moveForm');
    form.dataset.finding = r.findingId;
    document.getElementById('moveFor').textContent = r.markerNumber + ' → lon ' + r.lon.toFixed(7) + ', lat ' + r.lat.toFixed(7);
    const box = document.getElementById('signatories');
    box.replaceChildren();
    for (const party of state.line.parties) {
      const label = el('label');
      label.appendChild(el('span', party + ' ' + t('signatory')));
      const input = el('input');
      input.dataset.party = party;
      input.required = true;
      label.appendChild(input);
      box.appendChild(label);
    }
    document.getElementById('moveReason').value = t('moveReason');
    form.hidden = false;
  }

  async function submitMove(event) {
    event.preventDefault();
    const form = document.getElementById('moveForm');
    const applicants = [...document.querySelectorAll('#signatories input')]
      .map(i => ({ divisionCode: i.dataset.party, signatory: i.value.trim() }));
    const created = await send('/api/v1/boundary/marker-findings/' + form.dataset.finding + '/move-application',
      { applicants, reason: document.getElementById('moveReason').value });
    if (created) {
      form.hidden = true;
      await select(state.selected);
    }
  }

  async function showChanges(id) {
    const changes = await getJson('/api/v1/boundary/lines/' + id + '/marker-changes');
    const list = document.getElementById('changes');
    list.replaceChildren();
    for (const c of changes.slice().reverse()) {
      const p = c.proposed || {};
      const li = el('li', '#' + c.id + ' · ' + t(c.kind) + ' · ' + t(c.status)
        + (p.lon != null ? ' · lon ' + p.lon.toFixed(7) + ', lat ' + p.lat.toFixed(7) : '')
        + (c.findingId ? ' · ' + t('fromFinding') : '') + ' · ' + c.reason);
      li.dataset.change = c.id;
      if (c.status === 'pending') {
        const b = el('button', t('approve'));
        b.type = 'button';
        b.className = 'inline approve';
        b.addEventListener('click', async () => {
          const done = await send('/api/v1/boundary/marker-changes/' + c.id + '/approve',
            { decisionRef: document.getElementById('decisionRef').value, reason: t('approveReason') },
            c.id + '.' + c.rowVersion);
          if (done) await select(state.selected);
        });
        li.appendChild(b);
      }
      list.appendChild(li);
    }
    if (!changes.length) list.appendChild(el('li', t('none')));
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
    state.line = p;
    document.getElementById('detail').hidden = false;
    document.getElementById('lineName').textContent = p.name;
    document.getElementById('lineMeta').textContent =
      p.code + ' · ' + p.parties.join(' / ') + ' · ' + t(p.legalStatus) + (p.agreementRef ? ' · ' + p.agreementRef : '');
    document.getElementById('lineDerived').hidden = !p.derived;
    document.getElementById('lineLength').textContent = t('length') + '：' + t('plane') + ' ' + p.planeLength.toFixed(1)
      + ' m（' + p.zones.join('、') + ' ' + t('zone') + '），' + t('geodesic') + ' ' + p.geodesicLength.toFixed(1) + ' m';
    document.getElementById('pdfLink').href = '/api/v1/boundary/lines/' + id + '/markers.pdf';
    document.getElementById('formsLink').href = '/api/v1/boundary/lines/' + id + '/marker-forms.pdf';
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
      const geojson = el('a', ' GeoJSON');
      geojson.href = '/api/v1/boundary/inspections/' + i.id + '/findings';
      li.appendChild(geojson);
      const csv = el('a', ' CSV');
      csv.href = '/api/v1/boundary/inspections/' + i.id + '/findings.csv';
      li.appendChild(csv);
      inspList.appendChild(li);
    }
    await showResurveys(inspections);
    await showChanges(id);
    document.body.dataset.detailReady = String(id);
  }

  async function plan() {
    const r = await fetch('/api/v1/boundary/lines/' + state.selected + '/inspections', {
      method: 'POST',
      headers: { ...XHR, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf() },
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
    document.getElementById('moveForm').addEventListener('submit', submitMove);
    document.getElementById('moveCancel').addEventListener('click', () => { document.getElementById('moveForm').hidden = true; });
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
