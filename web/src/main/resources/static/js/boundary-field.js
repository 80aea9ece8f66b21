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
      alongLine: '沿线其他情况', otherKind: '类别', otherText: '描述', saveOther: '保存沿线情况并发送',
      signIn: '登录', unreachable: '连接不上服务器，联网后自动发送', serverBusy: '服务器暂时无法处理，稍后再试',
      refusedTitle: '被服务器拒收的记录', refused: '条被服务器拒收（见下方）',
      entryRefused: '整条记录被拒收：', photoRefused: '记录已发送，仅照片被拒收：', refusedHttp: '服务器拒收',
      tooLarge: '记录或照片太大，服务器不接收',
      retryOne: '重新发送', discard: '舍弃', photoOnly: '照片', replacePhoto: '换一张照片发送',
      confirmDiscard: '舍弃后本机不再保留这条记录，确定舍弃？',
      confirmDiscardPhoto: '记录本身已发送；舍弃后本机不再保留这张照片，确定舍弃？' },
    en: { title: 'Joint inspection field entry', marker: 'Marker', condition: 'Condition', gps: 'Get GPS position',
      note: 'Note', photo: 'Photo', save: 'Save and send', retry: 'Resend unsent entries',
      unsent: 'entries not sent yet (kept on this device)', allSent: 'All sent', noGps: 'No position',
      accuracy: 'accuracy', reason: 'joint inspection field entry', sent: 'sent', needLogin: 'Sign in first',
      offline: 'Offline: using the inspection and markers kept on this device; entries are sent once online',
      noCopy: 'Offline, and this device has no copy of the inspection', alongLine: 'Other findings along the line',
      otherKind: 'Kind', otherText: 'Description', saveOther: 'Save finding along the line and send',
      signIn: 'Sign in', unreachable: 'Server unreachable; entries are sent once online',
      serverBusy: 'The server cannot take entries right now; try again later',
      refusedTitle: 'Entries refused by the server', refused: 'refused by the server (see below)',
      entryRefused: 'Entry refused: ', photoRefused: 'Entry sent; only its photo was refused: ',
      refusedHttp: 'Refused by the server', tooLarge: 'The entry or its photo is too large for the server',
      retryOne: 'Send again', discard: 'Discard', photoOnly: 'photo', replacePhoto: 'Send another photo',
      confirmDiscard: 'This device will no longer keep the entry. Discard it?',
      confirmDiscardPhoto: 'The entry itself was sent; this device will no longer keep the photo. Discard it?' },
  };
  const lang = localStorage.getItem('mingjie.lang') || 'zh';
  const t = key => (TEXT[lang] || TEXT.zh)[key] || key;
  document.querySelectorAll('[data-f]').forEach(el => { el.textContent = t(el.dataset.f); });

  const inspectionId = new URLSearchParams(location.search).get('inspection');
  const QUEUE = 'mingjie.field.queue.' + inspectionId;
  // Entries the server refused for good, each with the server's reason, until the inspector discards them or
  // sends them again: kept apart so that one of them does not hold up the entries after it.
  const REFUSED = 'mingjie.field.refused.' + inspectionId;
  const CONTEXT = 'mingjie.field.context.' + inspectionId;
  let position = null;
  let stoppedBy = null; // why the last flush stopped with entries left: the failed answer, status 0 if unreachable

  const queue = () => JSON.parse(localStorage.getItem(QUEUE) || '[]');
  const saveQueue = q => localStorage.setItem(QUEUE, JSON.stringify(q));
  const refused = () => JSON.parse(localStorage.getItem(REFUSED) || '[]');
  const saveRefused = r => localStorage.setItem(REFUSED, JSON.stringify(r));
  const xsrf = () => decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  // Asks for a 401 without a Basic challenge, which would make the browser hold the request for its prompt.
  const XHR = { 'X-Requested-With': 'XMLHttpRequest' };

  /** A refusal by the server; `problem` is its problem+json, or {} when the answer was something else. */
  class Failed extends Error {
    constructor(status, problem) {
      super('HTTP ' + status);
      this.status = status;
      this.problem = problem;
    }
  }

  /**
   * Whether the same request may succeed later: after signing in (401, 403), or once the server or the network
   * copes again (408, 429, 5xx). Any other 4xx refuses the entry itself; sending it again changes nothing.
   */
  const transient = status => status === 401 || status === 403 || status === 408 || status === 429 || status >= 500;

  function showStatus() {
    const n = queue().length;
    const m = refused().length;
    const status = document.getElementById('status');
    status.replaceChildren(n ? n + ' ' + t('unsent') : t('allSent'));
    if (n && stoppedBy) {
      if (stoppedBy.status === 401) {
        const signIn = document.createElement('a');
        signIn.href = '/login.html';
        signIn.textContent = t('signIn');
        status.append(' · ' + t('needLogin') + ' ', signIn);
      } else if (stoppedBy.status === 403) {
        status.append(' · ' + (stoppedBy.problem.detail || t('needLogin')));
      } else if (stoppedBy.status) {
        status.append(' · ' + t('serverBusy') + ' (HTTP ' + stoppedBy.status + ')');
      } else {
        status.append(' · ' + t('unreachable'));
      }
    }
    if (m) status.append(' · ' + m + ' ' + t('refused'));
    document.body.dataset.unsent = String(n);
    document.body.dataset.refused = String(m);
    showRefused();
  }

  async function post(url, body, type) {
    const r = await fetch(url, {
      method: 'POST',
      headers: { ...XHR, 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', 'Content-Type': type || 'application/json',
        'X-XSRF-TOKEN': xsrf() },
      body: type ? body : JSON.stringify(body),
    });
    if (!r.ok) throw new Failed(r.status, await r.json().catch(() => ({})));
    return r.json();
  }

  /** The server's reason: its field errors if it named any, else its detail. */
  function reasonOf(refusal) {
    const errors = refusal.errors.filter(e => e && e.message);
    if (errors.length) return errors.map(e => e.message).join(lang === 'en' ? '; ' : '；');
    // Not the server's own answer (a proxy's, say): nginx refuses bodies over 1 MB by default.
    return refusal.detail || t(refusal.status === 413 ? 'tooLarge' : 'refusedHttp') + ' (HTTP ' + refusal.status + ')';
  }

  const describe = entry => (entry.kind
    ? [entry.kind, entry.description]
    : [entry.markerNumber, entry.condition, entry.note, entry.refusal.part === 'photo' ? t('photoOnly') : null])
    .filter(Boolean).join(' · ');

  function showRefused() {
    const entries = refused();
    document.getElementById('refusedBox').hidden = !entries.length;
    document.getElementById('refused').replaceChildren(...entries.map(entry => {
      const li = document.createElement('li');
      li.dataset.clientId = entry.clientId;
      li.dataset.part = entry.refusal.part;
      const what = document.createElement('div');
      what.textContent = describe(entry);
      const why = document.createElement('div');
      why.className = 'why';
      why.textContent = t(entry.refusal.part === 'photo' ? 'photoRefused' : 'entryRefused') + reasonOf(entry.refusal);
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'retry-one';
      again.textContent = t('retryOne');
      again.addEventListener('click', () => sendAgain(entry.clientId));
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'discard';
      discard.textContent = t('discard');
      discard.addEventListener('click', () => {
        if (!confirm(t(entry.refusal.part === 'photo' ? 'confirmDiscardPhoto' : 'confirmDiscard'))) return;
        saveRefused(refused().filter(e => e.clientId !== entry.clientId));
        showStatus();
      });
      li.append(what, why, again, discard);
      if (entry.refusal.part === 'photo') li.append(replacePhoto(entry.clientId));
      return li;
    }));
  }

  /** Moves an entry from the queue to the refused ones; `part` is 'photo' when its finding itself was taken. */
  function refuse(entry, part, failed) {
    const problem = failed.problem || {};
    entry.refusal = { part, status: failed.status, detail: typeof problem.detail === 'string' ? problem.detail : '',
      errors: Array.isArray(problem.errors) ? problem.errors : [], at: new Date().toISOString() };
    // Stored among the refused before it leaves the queue: a full localStorage loses no entry.
    saveRefused([...refused().filter(e => e.clientId !== entry.clientId), entry]);
    saveQueue(queue().filter(e => e.clientId !== entry.clientId));
  }

  /** A refused photo taken again: sent under the finding the server already has. */
  function replacePhoto(clientId) {
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = t('replacePhoto');
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.capture = 'environment';
    input.addEventListener('change', async () => {
      const photo = await readPhoto(input);
      if (photo) sendAgain(clientId, photo);
    });
    label.append(caption, input);
    return label;
  }

  /**
   * Puts a refused entry back at the end of the queue, with a new photo if one is given (its findingId kept:
   * a taken finding is not sent twice).
   */
  function sendAgain(clientId, photo) {
    const entry = refused().find(e => e.clientId === clientId);
    if (!entry) return;
    delete entry.refusal;
    if (photo) entry.photo = photo;
    saveQueue([...queue().filter(e => e.clientId !== clientId), entry]);
    saveRefused(refused().filter(e => e.clientId !== clientId));
    showStatus();
    flush();
  }

  function reportSent(text) {
    const li = document.createElement('li');
    li.textContent = text;
    li.className = 'ok';
    document.getElementById('sent').appendChild(li);
  }

  function dataUrlToBlob(dataUrl) {
    const [head, data] = dataUrl.split(',');
    const type = head.substring(5, head.indexOf(';'));
    const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    return new Blob([bytes], { type });
  }

  /**
   * Sends what is queued, oldest first, one entry at a time from the head of the stored queue (so that entries
   * saved meanwhile are sent too). A refused entry moves to the refused ones and the next is sent; when the
   * server cannot be reached or asks to wait, this one and all later ones stay, in order, for the next try.
   */
  async function sendQueued() {
    stoppedBy = null;
    for (let entry = queue()[0]; entry; entry = queue()[0]) {
      let part = 'entry';
      try {
        if (entry.kind) { // a finding along the line, not at a marker
          await post('/api/v1/boundary/inspections/' + inspectionId + '/other-findings', {
            kind: entry.kind, description: entry.description, lon: entry.lon, lat: entry.lat,
            clientId: entry.clientId, reason: t('reason'),
          });
          saveQueue(queue().filter(e => e.clientId !== entry.clientId));
          reportSent(t('sent') + ' · ' + entry.kind);
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
          part = 'photo';
          const blob = dataUrlToBlob(entry.photo);
          const params = new URLSearchParams({ findingId: entry.findingId, reason: t('reason') });
          if (entry.lon !== null) { params.set('lon', entry.lon); params.set('lat', entry.lat); }
          await post('/api/v1/boundary/markers/' + entry.markerId + '/photos?' + params, blob, blob.type);
        }
        saveQueue(queue().filter(e => e.clientId !== entry.clientId));
        reportSent(t('sent') + ' · ' + entry.markerNumber + ' · ' + entry.condition);
      } catch (e) {
        if (!(e instanceof Failed) || transient(e.status)) {
          stoppedBy = e instanceof Failed ? e : { status: 0 };
          return; // offline or to be tried later: keep this and the later entries, in order
        }
        refuse(entry, part, e);
        if (part === 'photo') reportSent(t('sent') + ' · ' + entry.markerNumber + ' · ' + entry.condition);
      }
    }
  }

  let flushing = null;
  let flushAgain = false;

  /** One flush at a time (a save, the online event and the buttons may overlap): an entry is never sent twice. */
  function flush() {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        flushAgain = false;
        await sendQueued();
      } while (flushAgain);
    })().finally(() => {
      flushing = null;
      showStatus();
    });
    return flushing;
  }

  function readPhoto(input) {
    const file = input.files[0];
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
      note: document.getElementById('note').value, photo: await readPhoto(document.getElementById('photo')),
    };
    saveQueue([...queue(), entry]);
    showStatus();
    document.getElementById('note').value = '';
    document.getElementById('photo').value = ''; // else the next finding would carry this photo again
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
  window.mingjieField = { transient };
  start().catch(() => showStatus());
})();
