// Field entry for a joint inspection on a phone. Every entry goes to localStorage first and leaves it only
// once the server has it; the clientId makes a resend after a lost answer harmless. A service worker
// (boundary-field-sw.js) keeps the page itself for offline use; the inspection and its markers as last
// loaded are kept in localStorage, so the page works without a connection after the first visit.
(function () {
  const TEXT = {
    zh: { title: '联检外业录入', marker: '界桩', condition: '状况', gps: '获取 GPS 位置', note: '说明', photo: '照片',
      save: '保存并发送', retry: '重新发送未发送的记录', unsent: '条记录未发送（已保存在本机）', allSent: '全部已发送',
      noGps: '无法获取位置', accuracy: '精度', reason: '联检外业录入', sent: '已发送', needLogin: '请先登录',
      offline: '离线：使用本机保存的联检与界桩，记录将在联网后发送', noCopy: '离线且本机没有该联检的副本',
      alongLine: '沿线其他情况', otherKind: '类别', otherText: '描述', saveOther: '保存沿线情况并发送' },
    en: { title: 'Joint inspection field entry', marker: 'Marker', condition: 'Condition', gps: 'Get GPS position',
      note: 'Note', photo: 'Photo', save: 'Save and send', retry: 'Resend unsent entries',
      unsent: 'entries not sent yet (kept on this device)', allSent: 'All sent', noGps: 'No position',
      accuracy: 'accuracy', reason: 'joint inspection field entry', sent: 'sent', needLogin: 'Sign in first',
      offline: 'Offline: using the inspection and markers kept on this device; entries are sent once online',
      noCopy: 'Offline, and this device has no copy of the inspection', alongLine: 'Other findings along the line',
      otherKind: 'Kind', otherText: 'Description', saveOther: 'Save finding along the line and send' },
  };
  const lang = localStorage.getItem('mingjie.lang') || 'zh';
  const t = key => (TEXT[lang] || TEXT.zh)[key] || key;
  document.querySelectorAll('[data-f]').forEach(el => { el.textContent = t(el.dataset.f); });

  const inspectionId = new URLSearchParams(location.search).get('inspection');
  const QUEUE = 'mingjie.field.queue.' + inspectionId;
  const CONTEXT = 'mingjie.field.context.' + inspectionId;
  let position = null;

  const queue = () => JSON.parse(localStorage.getItem(QUEUE) || '[]');
  const saveQueue = q => localStorage.setItem(QUEUE, JSON.stringify(q));
  const xsrf = () => decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  // Asks for a 401 without a Basic challenge, which would make the browser hold the request for its prompt.
  const XHR = { 'X-Requested-With': 'XMLHttpRequest' };

  function showStatus() {
    const n = queue().length;
    document.getElementById('status').textContent = n ? n + ' ' + t('unsent') : t('allSent');
    document.body.dataset.unsent = String(n);
  }

  async function post(url, body, type) {
    const r = await fetch(url, {
      method: 'POST',
      headers: { ...XHR, 'Content-Type': type || 'application/json', 'X-XSRF-TOKEN': xsrf() },
      body: type ? body : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }

  function dataUrlToBlob(dataUrl) {
    const [head, data] = dataUrl.split(',');
    const type = head.substring(5, head.indexOf(';'));
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    return new Blob([bytes], { type });
  }

  /** Sends what is queued, oldest first; whatever fails stays for the next try. */
  async function flush() {
    for (const entry of queue()) {
      try {
        if (entry.kind) { // a finding along the line, not at a marker
          await post('/api/v1/boundary/inspections/' + inspectionId + '/other-findings', {
            kind: entry.kind, description: entry.description, lon: entry.lon, lat: entry.lat,
            clientId: entry.clientId, reason: t('reason'),
          });
          saveQueue(queue().filter(e => e.clientId !== entry.clientId));
          const li = document.createElement('li');
          li.textContent = t('sent') + ' · ' + entry.kind;
          li.className = 'ok';
          document.getElementById('sent').appendChild(li);
          continue;
        }
        if (!entry.findingId) {
          const f = await post('/api/v1/boundary/inspections/' + inspectionId + '/marker-findings', {
            markerId: entry.markerId, condition: entry.condition, lon: entry.lon, lat: entry.lat,
            accuracy: entry.accuracy, note: entry.note, clientId: entry.clientId, reason: t('reason'),
          });
          entry.findingId = f.id;
          saveQueue(queue().map(e => (e.clientId === entry.clientId ? entry : e)));
        }
        if (entry.photo) {
          const blob = dataUrlToBlob(entry.photo);
          const params = new URLSearchParams({ findingId: entry.findingId, reason: t('reason') });
          if (entry.lon !== null) { params.set('lon', entry.lon); params.set('lat', entry.lat); }
          await post('/api/v1/boundary/markers/' + entry.markerId + '/photos?' + params, blob, blob.type);
        }
        saveQueue(queue().filter(e => e.clientId !== entry.clientId));
        const li = document.createElement('li');
        li.textContent = t('sent') + ' · ' + entry.markerNumber + ' · ' + entry.condition;
        li.className = 'ok';
        document.getElementById('sent').appendChild(li);
      } catch (e) {
        break; // offline or refused: keep this and the later entries, in order
      }
    }
    showStatus();
  }

  function readPhoto() {
    const file = document.getElementById('photo').files[0];
    if (!file) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }

  async function save() {
    const select = document.getElementById('marker');
    const option = select.options[select.selectedIndex];
    const entry = {
      clientId: (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()),
      markerId: Number(select.value), markerNumber: option ? option.textContent : '',
      condition: document.getElementById('condition').value,
      lon: position ? position.lon : null, lat: position ? position.lat : null,
      accuracy: position ? position.accuracy : null,
      note: document.getElementById('note').value, photo: await readPhoto(),
    };
    saveQueue([...queue(), entry]);
    showStatus();
    document.getElementById('note').value = '';
    await flush();
  }

  async function saveOther() {
    const description = document.getElementById('otherText').value.trim();
    if (!description) return;
    const entry = {
      clientId: (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()),
      kind: document.getElementById('otherKind').value, description,
      lon: position ? position.lon : null, lat: position ? position.lat : null,
    };
    saveQueue([...queue(), entry]);
    showStatus();
    document.getElementById('otherText').value = '';
    await flush();
  }

  function locate() {
    navigator.geolocation.getCurrentPosition(p => {
      position = { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy };
      document.getElementById('position').textContent = 'lon ' + position.lon.toFixed(7) + ', lat '
        + position.lat.toFixed(7) + ' · ' + t('accuracy') + ' ' + position.accuracy.toFixed(1) + ' m';
    }, () => { document.getElementById('position').textContent = t('noGps'); },
    { enableHighAccuracy: true, timeout: 20000 });
  }

  /** The inspection and its markers from the server, or — without a connection — as kept on this device. */
  async function loadContext() {
    let me;
    try {
      me = await (await fetch('/api/v1/me', { headers: XHR })).json();
    } catch (e) {
      const kept = localStorage.getItem(CONTEXT);
      if (!kept) throw e;
      document.getElementById('inspection').dataset.offline = 'true';
      return JSON.parse(kept);
    }
    if (!me.signedIn) return null;
    const inspection = await (await fetch('/api/v1/boundary/inspections/' + inspectionId, { headers: XHR })).json();
    const markers = await (await fetch('/api/v1/boundary/lines/' + inspection.lineId + '/markers', { headers: XHR })).json();
    const context = {
      inspection: { roundYear: inspection.roundYear, leadCode: inspection.leadCode,
        supportingCode: inspection.supportingCode, status: inspection.status },
      markers: markers.map(m => ({ id: m.id, number: m.number })),
    };
    localStorage.setItem(CONTEXT, JSON.stringify(context));
    return context;
  }

  async function start() {
    document.getElementById('save').addEventListener('click', save);
    document.getElementById('saveOther').addEventListener('click', saveOther);
    document.getElementById('retry').addEventListener('click', flush);
    document.getElementById('gps').addEventListener('click', locate);
    window.addEventListener('online', flush);
    showStatus();
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/boundary-field-sw.js', { scope: '/boundary-field.html' })
        .then(() => navigator.serviceWorker.ready)
        .then(() => { document.body.dataset.offlineReady = 'true'; })
        .catch(() => { document.body.dataset.offlineReady = 'false'; });
    }
    let context;
    try {
      context = await loadContext();
    } catch (e) {
      document.getElementById('inspection').textContent = t('noCopy');
      return;
    }
    if (!context) {
      document.getElementById('inspection').textContent = t('needLogin');
      return;
    }
    const i = context.inspection;
    const offline = document.getElementById('inspection').dataset.offline === 'true';
    document.getElementById('inspection').textContent = i.roundYear + ' · ' + i.leadCode + ' / ' + i.supportingCode
      + ' · ' + i.status + (offline ? ' · ' + t('offline') : '');
    const select = document.getElementById('marker');
    for (const m of context.markers) {
      const o = document.createElement('option');
      o.value = m.id;
      o.textContent = m.number;
      select.appendChild(o);
    }
    document.body.dataset.fieldReady = 'true';
    await flush();
  }
  start().catch(() => showStatus());
})();
