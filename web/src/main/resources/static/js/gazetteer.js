// The place-name office's pages: register, timeline, proposal with live rule checks, inbox, protection list.
// Data reaches the page only through textContent.
(function () {
  Object.assign(MESSAGES.zh, {
    gzTitle: '名界 · 地名管理', gzMap: '地图', gzRegister: '标准地名', gzPropose: '命名申报', gzInbox: '审批事项',
    gzProtection: '保护名录', gzName: '名称', gzCategory: '类别', gzAll: '全部', gzDivision: '区划代码',
    gzAsOf: '截至日期', gzHistorical: '含历史地名', gzSearch: '查询', gzStatus: '状态', gzValidFrom: '起始日期',
    gzVersions: '版本沿革', gzHistoricalNames: '历史地名', gzExternal: '其他地名库编号', gzKind: '类型', gzNaming: '命名',
    gzRenaming: '更名', gzAbolition: '废止', gzPlaceId: '地名编号（更名/废止）', gzProper: '专名', gzGeneric: '通名',
    gzRomanization: '罗马字母拼写', gzMeaning: '地名含义', gzOrigin: '历史沿革', gzDescription: '地理实体描述',
    gzLocation: '位置描述', gzReasons: '申报理由', gzMeasures: '保护措施（保护名录地名）', gzSubmit: '提交申报',
    gzChecks: '命名规则检查', gzState: '状态', gzDocument: '批准文号', gzFilingDue: '备案期限',
    gzAnnouncementDue: '公告期限', gzList: '名录', gzBatch: '批次', gzCriteria: '入选理由', gzMeasuresShort: '保护措施',
    gzComment: '公示期', gzSource: '来源', gzSyntheticNotice: '样例名录为虚构示例数据，并非正式公布的保护名录。',
    gzNoProblems: '未发现问题', gzSubmitted: '已提交，案件编号', gzFailed: '提交失败', gzCurrent: '现行',
    gzFromDivision: '名称与沿革取自行政区划库', gzOverdue: '逾期', gzNone: '无', gzSignInToPropose: '请先以地名编辑身份登录',
    standard: '标准地名', recorded: '登记', renamed: '更名', changed: '变更', ceased: '停止使用', superseded: '被替代',
    NAMING: '命名', RENAMING: '更名', ABOLITION: '废止', APPLIED: '已申报', REVIEWED: '已审核', APPROVED: '已批准',
    FILED: '已备案', ANNOUNCED: '已公告', REJECTED: '已驳回', DISTRICT: '区级', RURAL: '乡村', IN_USE: '在用',
    VANISHED: '消失', gzActions: '办理', gzConfirm: '确认', gzCancel: '取消', gzAttach: '附报告', gzReview: '审核通过',
    gzReject: '驳回', gzApprove: '批准', gzDecline: '不予批准', gzFile: '备案', gzAnnounce: '公告',
    gzReportKind: '报告类型', gzReportTitle: '报告标题', gzDocumentRef: '文件编号', gzOpinion: '审核意见',
    gzAuthority: '批准机关', gzApprovalDate: '批准日期', gzFiledWith: '备案机关', gzFiledOn: '备案日期',
    gzAnnouncedOn: '公告日期', gzReference: '公告文号', gzWhy: '办理说明', gzReports: '报告',
    gzDone: '已办理', ASSESSMENT: '综合评估', EXPERT_REVIEW: '专家论证', CONSULTATION: '征求意见',
  });
  Object.assign(MESSAGES.en, {
    gzTitle: 'Mingjie · place names', gzMap: 'Map', gzRegister: 'Standard names', gzPropose: 'Proposal', gzInbox: 'Approvals',
    gzProtection: 'Protection list', gzName: 'Name', gzCategory: 'Category', gzAll: 'All', gzDivision: 'Division code',
    gzAsOf: 'As of', gzHistorical: 'Include former names', gzSearch: 'Search', gzStatus: 'Status', gzValidFrom: 'Valid from',
    gzVersions: 'Versions', gzHistoricalNames: 'Historical names', gzExternal: 'Other gazetteers', gzKind: 'Kind',
    gzNaming: 'Naming', gzRenaming: 'Renaming', gzAbolition: 'Abolition', gzPlaceId: 'Place id (renaming/abolition)',
    gzProper: 'Specific term (专名)', gzGeneric: 'Generic term (通名)', gzRomanization: 'Romanization',
    gzMeaning: 'Meaning', gzOrigin: 'Origin and history', gzDescription: 'Description of the feature',
    gzLocation: 'Location description', gzReasons: 'Reasons', gzMeasures: 'Protection measures (protected names)',
    gzSubmit: 'Submit', gzChecks: 'Naming-rule checks', gzState: 'State', gzDocument: 'Document no.',
    gzFilingDue: 'Filing due', gzAnnouncementDue: 'Announcement due', gzList: 'List', gzBatch: 'Batch',
    gzCriteria: 'Criteria', gzMeasuresShort: 'Measures', gzComment: 'Comment period', gzSource: 'Source',
    gzSyntheticNotice: 'The sample list is invented demonstration data, not a published protection list.',
    gzNoProblems: 'No problems found', gzSubmitted: 'Submitted, case no.', gzFailed: 'Submission failed',
    gzCurrent: 'current', gzFromDivision: 'Name and history come from the division register', gzOverdue: 'overdue',
    gzNone: 'none', gzSignInToPropose: 'Sign in as a place-name editor first',
    standard: 'standard', recorded: 'recorded', renamed: 'renamed', changed: 'changed', ceased: 'ceased',
    superseded: 'superseded', NAMING: 'naming', RENAMING: 'renaming', ABOLITION: 'abolition', APPLIED: 'applied',
    REVIEWED: 'reviewed', APPROVED: 'approved', FILED: 'filed', ANNOUNCED: 'announced', REJECTED: 'rejected',
    DISTRICT: 'district', RURAL: 'rural', IN_USE: 'in use', VANISHED: 'vanished', gzActions: 'Actions',
    gzConfirm: 'Confirm', gzCancel: 'Cancel', gzAttach: 'Attach report', gzReview: 'Pass review', gzReject: 'Reject',
    gzApprove: 'Approve', gzDecline: 'Decline', gzFile: 'File', gzAnnounce: 'Announce', gzReportKind: 'Report',
    gzReportTitle: 'Title', gzDocumentRef: 'Document ref.', gzOpinion: 'Opinion', gzAuthority: 'Approving authority',
    gzApprovalDate: 'Approval date', gzFiledWith: 'Filed with', gzFiledOn: 'Filed on', gzAnnouncedOn: 'Announced on',
    gzReference: 'Announcement ref.', gzWhy: 'Reason for the record', gzReports: 'reports', gzDone: 'Done',
    ASSESSMENT: 'assessment', EXPERT_REVIEW: 'expert review', CONSULTATION: 'consultation',
  });
  I18N.apply();
  document.getElementById('lang').addEventListener('click', () => I18N.toggle());
  const t = key => I18N.t(key);
  const headers = { 'Accept-Language': I18N.lang === 'zh' ? 'zh-CN' : 'en' };
  const getJson = url => fetch(url, { headers }).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => tr.appendChild(el('td', c)));
    return tr;
  }

  // ---- tabs ----
  const tabs = document.querySelectorAll('.tabs button');
  function show(name) {
    tabs.forEach(b => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('.tab').forEach(s => { s.hidden = s.id !== 'tab-' + name; });
    if (name === 'inbox') loadCases();
    if (name === 'protection') loadProtection();
  }
  tabs.forEach(b => b.addEventListener('click', () => show(b.dataset.tab)));

  // ---- categories ----
  const categoryNames = {};
  const categoriesReady = getJson('/api/v1/places/categories').then(list => {
    const filter = document.querySelector('#filters select[name=category]');
    const propose = document.querySelector('#proposal select[name=categoryCode]');
    list.forEach(c => {
      categoryNames[c.code] = I18N.lang === 'zh' ? c.name : c.nameEn;
      const label = c.code + ' ' + categoryNames[c.code];
      filter.appendChild(Object.assign(el('option', label), { value: c.code }));
      propose.appendChild(Object.assign(el('option', label), { value: c.code }));
    });
    propose.value = '25100';
  });

  // ---- register and timeline ----
  const filters = document.getElementById('filters');
  function search(event) {
    if (event) event.preventDefault();
    const f = new FormData(filters);
    const params = new URLSearchParams({ limit: '200' });
    for (const key of ['name', 'category', 'division', 'asOf']) if (f.get(key)) params.set(key, f.get(key));
    if (f.get('historical')) params.set('historical', 'true');
    return getJson('/api/v1/places?' + params).then(page => {
      const body = document.querySelector('#places tbody');
      body.replaceChildren();
      page.items.forEach(p => {
        const tr = row([p.name, p.categoryCode + ' ' + (categoryNames[p.categoryCode] || ''), p.divisionCode,
                        t(p.status), p.validFrom]);
        tr.dataset.placeId = p.placeId;
        tr.addEventListener('click', () => showTimeline(p.placeId));
        body.appendChild(tr);
      });
      document.body.dataset.registerRows = String(page.items.length);
    });
  }
  filters.addEventListener('submit', search);

  function showTimeline(placeId) {
    return getJson('/api/v1/places/' + placeId + '/timeline').then(tl => {
      const panel = document.getElementById('timeline');
      const latest = tl.versions[tl.versions.length - 1];
      document.getElementById('tl-name').textContent = latest.name;
      document.getElementById('tl-meta').textContent = '#' + tl.placeId + ' · ' + latest.categoryCode + ' '
        + (categoryNames[latest.categoryCode] || '') + (latest.fromDivision ? ' · ' + t('gzFromDivision') : '');
      const versions = document.getElementById('tl-versions');
      versions.replaceChildren();
      tl.versions.forEach(v => {
        const li = el('li', v.validFrom + ' — ' + (v.validTo || t('gzCurrent')) + '：' + v.name
          + (v.endReason ? '（' + t(v.endReason) + '）' : ''), v.validTo ? 'ended' : 'current');
        versions.appendChild(li);
      });
      const names = document.getElementById('tl-names');
      names.replaceChildren();
      tl.historicalNames.forEach(h => names.appendChild(
        el('li', h.name + ' ' + (h.validFrom || '…') + ' — ' + (h.validTo || '…') + (h.source ? ' · ' + h.source : ''))));
      if (!tl.historicalNames.length) names.appendChild(el('li', t('gzNone')));
      const external = document.getElementById('tl-external');
      external.replaceChildren();
      tl.externalIds.forEach(x => external.appendChild(el('li', x)));
      if (!tl.externalIds.length) external.appendChild(el('li', t('gzNone')));
      panel.hidden = false;
      document.body.dataset.timeline = String(tl.placeId);
    });
  }

  // ---- proposal with live checks ----
  const proposal = document.getElementById('proposal');
  let pending;
  function checkNow() {
    const f = new FormData(proposal);
    const params = new URLSearchParams();
    for (const key of ['kind', 'placeId', 'properName', 'genericName', 'categoryCode', 'divisionCode', 'protectionMeasures']) {
      if (f.get(key)) params.set(key, f.get(key));
    }
    if (!f.get('properName')) return Promise.resolve();
    return getJson('/api/v1/places/rules/check?' + params).then(findings => {
      const list = document.getElementById('checks');
      list.replaceChildren();
      if (!findings.length) list.appendChild(el('li', t('gzNoProblems'), 'ok'));
      findings.forEach(x => list.appendChild(el('li', x.severity + ' · ' + x.rule + '：' + x.message, x.severity)));
      document.body.dataset.checks = String(findings.length);
    }).catch(() => {});
  }
  proposal.addEventListener('input', () => { clearTimeout(pending); pending = setTimeout(checkNow, 300); });

  function csrf() {
    return decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
  }
  proposal.addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(proposal);
    const value = k => (f.get(k) || '').trim() || null;
    const body = {
      kind: value('kind'), placeId: value('placeId') ? Number(value('placeId')) : null, reasons: value('reasons'),
      featureLocation: value('featureLocation'), protectionMeasures: value('protectionMeasures'), reason: '申报',
      proposal: {
        properName: value('properName'), genericName: value('genericName'), romanization: value('romanization'),
        categoryCode: value('categoryCode'), divisionCode: value('divisionCode'), meaning: value('meaning'),
        origin: value('origin'), description: value('description'),
      },
    };
    const result = document.getElementById('proposal-result');
    fetch('/api/v1/naming-cases', {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf() }, headers),
      body: JSON.stringify(body),
    }).then(r => r.json().then(json => ({ ok: r.ok, status: r.status, json })))
      .then(({ ok, status, json }) => {
        if (ok) {
          result.textContent = t('gzSubmitted') + ' ' + json.namingCase.caseId;
        } else if (status === 401 || status === 403) {
          result.textContent = t('gzSignInToPropose');
        } else {
          result.textContent = t('gzFailed') + '：' + (json.errors || []).map(e => e.field + ' — ' + e.message).join('；')
            + (json.errors ? '' : json.detail || '');
        }
        document.body.dataset.submitted = ok ? 'true' : 'false';
      });
  });

  // ---- inbox: the signed-in user's next steps on each case ----
  const roles = new Set();
  // Which step each state allows, for whom, and what it asks for. Field types: text, date, or a list of options.
  const today = () => new Date().toISOString().slice(0, 10);
  const STEPS = {
    APPLIED: [
      { key: 'gzAttach', role: 'NAME_EDITOR', path: 'reports', fields: [
        ['kind', 'gzReportKind', ['ASSESSMENT', 'EXPERT_REVIEW', 'CONSULTATION']], ['title', 'gzReportTitle'],
        ['documentRef', 'gzDocumentRef']] },
      { key: 'gzReview', role: 'NAME_APPROVER', path: 'review', fixed: { accept: true },
        fields: [['opinion', 'gzOpinion']] },
      { key: 'gzReject', role: 'NAME_APPROVER', path: 'review', fixed: { accept: false },
        fields: [['opinion', 'gzOpinion']] },
    ],
    REVIEWED: [
      { key: 'gzApprove', role: 'NAME_APPROVER', path: 'approval', fields: [
        ['authority', 'gzAuthority'], ['documentNumber', 'gzDocument'], ['approvalDate', 'gzApprovalDate', 'date']] },
      { key: 'gzDecline', role: 'NAME_APPROVER', path: 'decline', fields: [] },
    ],
    APPROVED: [
      { key: 'gzFile', role: 'NAME_EDITOR', path: 'filing', fields: [
        ['filedWith', 'gzFiledWith'], ['filedOn', 'gzFiledOn', 'date']] },
    ],
    FILED: [
      { key: 'gzAnnounce', role: 'NAME_EDITOR', path: 'announcement', fields: [
        ['announcedOn', 'gzAnnouncedOn', 'date'], ['reference', 'gzReference']] },
    ],
  };
  const actionForm = document.getElementById('case-action');
  let openStep = null;

  function openAction(c, step) {
    openStep = { caseId: c.caseId, step };
    document.getElementById('case-action-title').textContent =
      t(step.key) + ' · #' + c.caseId + ' ' + (c.proposal.properName || '') + (c.proposal.genericName || '');
    const fields = document.getElementById('case-action-fields');
    fields.replaceChildren();
    step.fields.concat([['reason', 'gzWhy']]).forEach(([name, label, type]) => {
      const wrap = el('label');
      wrap.appendChild(el('span', t(label)));
      let input;
      if (Array.isArray(type)) {
        input = document.createElement('select');
        type.forEach(v => input.appendChild(Object.assign(el('option', t(v)), { value: v })));
      } else {
        input = Object.assign(document.createElement('input'), { type: type || 'text' });
        if (type === 'date') input.value = today();
      }
      input.name = name;
      wrap.appendChild(input);
      fields.appendChild(wrap);
    });
    fields.querySelector('[name=reason]').value = t(step.key);
    actionForm.hidden = false;
  }
  document.getElementById('case-action-cancel').addEventListener('click', () => { actionForm.hidden = true; });

  actionForm.addEventListener('submit', event => {
    event.preventDefault();
    const { caseId, step } = openStep;
    const body = Object.assign({}, step.fixed);
    new FormData(actionForm).forEach((v, k) => { body[k] = v.trim() || null; });
    const result = document.getElementById('case-result');
    // The step is made against the version of the case read just now (If-Match), so a concurrent change is refused.
    fetch('/api/v1/naming-cases/' + caseId, { headers })
      .then(r => r.headers.get('ETag'))
      .then(etag => fetch('/api/v1/naming-cases/' + caseId + '/' + step.path, {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', 'If-Match': etag, 'X-XSRF-TOKEN': csrf() }, headers),
        body: JSON.stringify(body),
      }))
      .then(r => r.json().then(json => ({ ok: r.ok, json })))
      .then(({ ok, json }) => {
        if (ok) {
          result.textContent = t('gzDone') + '：#' + caseId + ' ' + t(json.namingCase.state);
          actionForm.hidden = true;
        } else {
          result.textContent = t('gzFailed') + '：' + (json.errors ? json.errors.map(e => e.field + ' — ' + e.message).join('；')
            : json.detail || json.title || '');
        }
        document.body.dataset.caseStep = ok ? json.namingCase.state : 'failed';
        return loadCases();
      });
  });

  function loadCases() {
    return getJson('/api/v1/naming-cases').then(list => {
      const body = document.querySelector('#cases tbody');
      body.replaceChildren();
      list.forEach(v => {
        const c = v.namingCase;
        const tr = row([c.caseId, t(c.kind), (c.proposal.properName || '') + (c.proposal.genericName || ''),
                        t(c.state) + (v.overdue ? ' · ' + t('gzOverdue') : '')
                          + (c.state === 'APPLIED' ? ' · ' + c.reports.length + '/3 ' + t('gzReports') : ''),
                        c.approvalDocument || '', c.filingDue || '', c.announcementDue || '']);
        tr.dataset.caseId = c.caseId;
        const actions = el('td');
        (STEPS[c.state] || []).filter(s => roles.has(s.role)).forEach(step => {
          const b = el('button', t(step.key));
          b.type = 'button';
          b.dataset.step = step.key;
          b.addEventListener('click', () => openAction(c, step));
          actions.appendChild(b);
        });
        tr.appendChild(actions);
        if (v.overdue) tr.className = 'overdue';
        body.appendChild(tr);
      });
      document.body.dataset.cases = String(list.length);
    });
  }

  // ---- protection list ----
  function loadProtection() {
    return getJson('/api/v1/protection-list?division=500152').then(list => {
      const body = document.querySelector('#protection tbody');
      body.replaceChildren();
      list.forEach(e => body.appendChild(row([
        e.name, t(e.listKind), e.batch, e.criteria, t(e.status), e.measures || '',
        (e.commentFrom || '') + ' — ' + (e.commentTo || ''), e.source])));
      document.body.dataset.protection = String(list.length);
    });
  }

  fetch('/api/v1/me').then(r => r.json()).then(me => {
    if (!me.signedIn) return;
    document.getElementById('user').textContent = me.username + ' (' + me.roles.join(', ') + ')';
    document.getElementById('login').hidden = true;
    me.roles.forEach(r => roles.add(r.replace(/^ROLE_/, '')));
    if (!document.getElementById('tab-inbox').hidden) loadCases();
  });

  window.addEventListener('hashchange', () => show(location.hash.slice(1) || 'register'));
  categoriesReady.then(() => search()).then(() => {
    show(location.hash ? location.hash.slice(1) : 'register');
    document.body.dataset.ready = 'true';
  });
  window.mingjieGazetteer = { search, showTimeline, checkNow, loadCases, loadProtection, show };
})();
