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
    gzSigns: '地名标志', gzSignsNotice: '样例标志为虚构示例数据。核对：标志文字与现行标准名称、标志拼音与现行罗马字母拼写（不计大小写、空格与声调）。',
    gzPrintedText: '标志文字', gzPrintedPinyin: '标志拼音', gzSignType: '标志类型', gzCondition: '状况',
    gzInstalledOn: '设置日期', gzSignCheck: '核对', gzNewSign: '新增标志', gzNewEntry: '新增条目', gzPhotos: '照片',
    gzAudit: '修改记录', gzPlaceNo: '地名编号', gzLon: '经度（CGCS2000）', gzLat: '纬度（CGCS2000）', gzSave: '保存',
    gzSaved: '已保存', gzFixFields: '请按提示修改', gzReopen: '（记录已被他人修改，请重新打开后再改）',
    gzPhotoFile: '照片文件（JPEG/PNG/WebP，≤5 MB）', gzCaption: '说明', gzUpload: '上传照片', gzUploaded: '照片已上传',
    gzRemove: '删除', gzNoPhotos: '暂无照片', gzReasonFirst: '请先填写办理说明', gzWhyShort: '理由',
    gzSignInForHistory: '登录后可查看修改记录', gzTextMatches: '文字与标准名称一致', gzTextMismatch: '文字与标准名称不符',
    gzPinyinMatches: '拼音与罗马字母拼写一致', gzPinyinMismatch: '拼音与罗马字母拼写不符',
    gzPinyinUnknown: '地名库无罗马字母拼写，拼音未核对', gzPlaceCeased: '该地名已停止使用', gzTextShort: '文字',
    gzPinyinShort: '拼音', gzNameAge: '地名年代（年）', gzCommentFrom: '公示开始', gzCommentTo: '公示结束',
    gzPublishedOn: '公布日期', gzDetail: '详情', gzApplicant: '申报人', gzReviewedBy: '审核人', gzRejected: '驳回理由',
    gzAnnouncementFields: '公告（六要素）', gzExportAnnouncement: '导出公告（CSV）', gzAnnouncementJson: 'JSON',
    gzCaseHistory: '办理记录', gzStandardName: '标准名称', gzAdministrativeArea: '所在行政区域', gzPreviousName: '原名称',
    ROAD: '路牌', STREET: '街牌', LANE: '巷牌', HOUSE_NUMBER: '门牌', BUILDING: '楼牌', RESIDENTIAL: '居民区标志',
    VILLAGE: '村牌', TOWNSHIP: '乡镇（街道）标志', NATURAL: '自然地理实体标志', OTHER: '其他', GOOD: '完好',
    WORN: '陈旧', DAMAGED: '损坏', MISSING: '缺失',
    audit_create: '新建', audit_update: '修改', 'audit_photo-add': '上传照片', 'audit_photo-remove': '删除照片',
    audit_apply: '申报', 'audit_attach-report': '附报告', audit_review: '审核通过', audit_reject: '驳回',
    audit_approve: '批准', audit_decline: '不予批准', audit_file: '备案', audit_announce: '公告',
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
    gzSigns: 'Signs', gzSignsNotice: 'The sample signs are invented demonstration data. Check: printed text against the '
      + 'current standard name, printed pinyin against the current romanization (case, spaces and tones ignored).',
    gzPrintedText: 'Printed text', gzPrintedPinyin: 'Printed pinyin', gzSignType: 'Sign type', gzCondition: 'Condition',
    gzInstalledOn: 'Installed on', gzSignCheck: 'Check', gzNewSign: 'New sign', gzNewEntry: 'New entry',
    gzPhotos: 'Photos', gzAudit: 'Change history', gzPlaceNo: 'Place id', gzLon: 'Longitude (CGCS2000)',
    gzLat: 'Latitude (CGCS2000)', gzSave: 'Save', gzSaved: 'Saved', gzFixFields: 'Please correct the marked fields',
    gzReopen: '(changed by someone else meanwhile: reopen it and change it again)',
    gzPhotoFile: 'Photo (JPEG/PNG/WebP, ≤5 MB)', gzCaption: 'Caption', gzUpload: 'Upload photo',
    gzUploaded: 'Photo uploaded', gzRemove: 'Remove', gzNoPhotos: 'No photos yet', gzReasonFirst: 'Give a reason first',
    gzWhyShort: 'reason', gzSignInForHistory: 'Sign in to see the history', gzTextMatches: 'Text matches the standard name',
    gzTextMismatch: 'Text differs from the standard name', gzPinyinMatches: 'Pinyin matches the romanization',
    gzPinyinMismatch: 'Pinyin differs from the romanization', gzPinyinUnknown: 'No romanization in the register; pinyin not checked',
    gzPlaceCeased: 'The place name has ceased', gzTextShort: 'text', gzPinyinShort: 'pinyin',
    gzNameAge: 'Age of the name (years)', gzCommentFrom: 'Comment period from', gzCommentTo: 'Comment period to',
    gzPublishedOn: 'Published on', gzDetail: 'Details', gzApplicant: 'Applicant', gzReviewedBy: 'Reviewed by',
    gzRejected: 'Rejected because', gzAnnouncementFields: 'Announcement (six fields)',
    gzExportAnnouncement: 'Export announcement (CSV)', gzAnnouncementJson: 'JSON', gzCaseHistory: 'History',
    gzStandardName: 'Standard name', gzAdministrativeArea: 'Administrative area', gzPreviousName: 'Former name',
    ROAD: 'road', STREET: 'street', LANE: 'lane', HOUSE_NUMBER: 'house number', BUILDING: 'building',
    RESIDENTIAL: 'residential area', VILLAGE: 'village', TOWNSHIP: 'township', NATURAL: 'natural feature',
    OTHER: 'other', GOOD: 'good', WORN: 'worn', DAMAGED: 'damaged', MISSING: 'missing',
    audit_create: 'created', audit_update: 'changed', 'audit_photo-add': 'photo added',
    'audit_photo-remove': 'photo removed', audit_apply: 'applied', 'audit_attach-report': 'report attached',
    audit_review: 'review passed', audit_reject: 'rejected', audit_approve: 'approved', audit_decline: 'declined',
    audit_file: 'filed', audit_announce: 'announced',
  });
  I18N.apply();
  document.getElementById('lang').addEventListener('click', () => I18N.toggle());
  const t = key => I18N.t(key);
  const headers = { 'Accept-Language': I18N.lang === 'zh' ? 'zh-CN' : 'en' };
  const getJson = url => api(url, { headers }).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });

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
    if (name === 'signs') loadSigns();
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
    api('/api/v1/naming-cases', {
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
    api('/api/v1/naming-cases/' + caseId, { headers })
      .then(r => r.headers.get('ETag'))
      .then(etag => api('/api/v1/naming-cases/' + caseId + '/' + step.path, {
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
        const detail = el('button', t('gzDetail'));
        detail.type = 'button';
        detail.dataset.detail = c.caseId;
        detail.addEventListener('click', () => openCase(c.caseId));
        actions.appendChild(detail);
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
      list.forEach(e => {
        const tr = row([e.name, t(e.listKind), e.batch, e.criteria, t(e.status), e.measures || '',
                        (e.commentFrom || '') + ' — ' + (e.commentTo || ''), e.source]);
        tr.dataset.entryId = e.entryId;
        tr.addEventListener('click', () => entryEditor.open(e.entryId));
        body.appendChild(tr);
      });
      document.body.dataset.protection = String(list.length);
    });
  }


  // ---- edit forms: signs and protection-list entries ----
  // A form is built from field specs [name, label key, type, options]; type is text, textarea, number, date or a
  // list of allowed values. Saving sends If-Match with the ETag read when the record was opened, so a change made
  // by someone else in between is refused (412) instead of overwritten; problem+json errors go next to their field.
  const SIGN_TYPES = ['ROAD', 'STREET', 'LANE', 'HOUSE_NUMBER', 'BUILDING', 'RESIDENTIAL', 'VILLAGE', 'TOWNSHIP',
                      'NATURAL', 'OTHER'];
  const CONDITIONS = ['GOOD', 'WORN', 'DAMAGED', 'MISSING'];

  function fieldLabel(form, name, label, type) {
    const wrap = el('label');
    wrap.appendChild(el('span', t(label)));
    let input;
    if (Array.isArray(type)) {
      input = document.createElement('select');
      type.forEach(v => input.appendChild(Object.assign(el('option', t(v)), { value: v })));
    } else if (type === 'textarea') {
      input = document.createElement('textarea');
    } else {
      input = Object.assign(document.createElement('input'), { type: type || 'text' });
      if (type === 'number') input.step = 'any';
    }
    input.name = name;
    wrap.appendChild(input);
    const error = el('span', '', 'field-error');
    error.dataset.field = name;
    wrap.appendChild(error);
    form.appendChild(wrap);
    return input;
  }

  function formActions(form, submitKey, extra) {
    const actions = el('div', null, 'actions');
    const submit = el('button', t(submitKey));
    submit.type = 'submit';
    actions.appendChild(submit);
    (extra || []).forEach(b => actions.appendChild(b));
    form.appendChild(actions);
  }

  /** Shows each problem+json error next to its field in {@code form}; the rest (and the detail) in {@code status}. */
  function showProblem(form, status, problem, httpStatus) {
    const general = [];
    (problem.errors || []).forEach(e => {
      const slot = form.querySelector('.field-error[data-field="' + CSS.escape(e.field) + '"]');
      if (slot) slot.textContent = e.message; else general.push(e.field + ' — ' + e.message);
    });
    if (!problem.errors) general.push(problem.detail || problem.title || String(httpStatus));
    status.textContent = general.length ? t('gzFailed') + '：' + general.join('；') : t('gzFixFields');
    status.className = 'error';
  }

  function clearProblems(form, status) {
    form.querySelectorAll('.field-error').forEach(s => { s.textContent = ''; });
    status.textContent = '';
    status.className = '';
  }

  const answer = r => (r.headers.get('Content-Type') || '').includes('json')
    ? r.json().then(json => ({ ok: r.ok, status: r.status, json, etag: r.headers.get('ETag') }))
    : Promise.resolve({ ok: r.ok, status: r.status, json: {}, etag: r.headers.get('ETag') });

  // Field names of the audit records, in the page's language (unknown ones are shown as stored).
  const FIELDS = {
    zh: { state: '状态', kind: '类型', name: '名称', placeId: '地名编号', reports: '报告', reviewOpinion: '审核意见',
          approvalAuthority: '批准机关', approvalDocument: '批准文号', approvalDate: '批准日期', filedWith: '备案机关',
          filedOn: '备案日期', announcedOn: '公告日期', announcementRef: '公告文号', signType: '标志类型',
          printedText: '标志文字', printedPinyin: '标志拼音', position: '位置', installedOn: '设置日期', condition: '状况',
          photoRefs: '照片引用', photoId: '照片编号', contentType: '类型', byteSize: '字节', sha256: 'SHA-256',
          caption: '说明', listKind: '名录', batch: '批次', criteria: '入选理由', nameAgeYears: '地名年代',
          status: '状态', measures: '保护措施', commentFrom: '公示开始', commentTo: '公示结束', publishedOn: '公布日期',
          source: '来源', versionTag: '版本', entryId: '条目编号' },
    en: {},
  };
  const fieldName = k => (FIELDS[I18N.lang] || {})[k] || k;

  // What changed in one audit event: the fields whose values differ between before and after.
  function changes(event) {
    const before = event.before ? JSON.parse(event.before) : {};
    const after = event.after ? JSON.parse(event.after) : {};
    const keys = new Set(Object.keys(before).concat(Object.keys(after)));
    const out = [];
    keys.forEach(k => {
      const a = JSON.stringify(before[k] === undefined ? null : before[k]);
      const b = JSON.stringify(after[k] === undefined ? null : after[k]);
      if (a === b) return;
      if (k === 'versionTag') return; // bookkeeping, not a change anyone made
      if (!event.before) { if (after[k] !== null) out.push(fieldName(k) + '：' + b); return; }
      out.push(fieldName(k) + '：' + a + ' → ' + b);
    });
    return out.join('；');
  }

  function auditLabel(action) {
    const [head, detail] = action.split(':');
    return t('audit_' + head) + (detail ? ' ' + t(detail) : '');
  }

  function renderHistory(list, events) {
    list.replaceChildren();
    events.forEach(e => {
      const li = el('li', new Date(e.at).toLocaleString(I18N.lang === 'zh' ? 'zh-CN' : 'en') + ' · ' + e.actor
        + ' · ' + auditLabel(e.action) + ' · ' + t('gzWhyShort') + '：' + (e.reason || ''));
      li.dataset.action = e.action;
      const what = changes(e);
      if (what) li.appendChild(el('span', what, 'changes'));
      list.appendChild(li);
    });
    if (!events.length) list.appendChild(el('li', t('gzNone')));
  }

  function loadHistory(url, list) {
    if (!roles.size) {
      list.replaceChildren(el('li', t('gzSignInForHistory')));
      return Promise.resolve();
    }
    return getJson(url).then(events => renderHistory(list, events));
  }

  function recordEditor(cfg) {
    const editor = document.getElementById(cfg.key + '-editor');
    const form = document.getElementById(cfg.key + '-form');
    const status = document.getElementById(cfg.key + '-status');
    const history = document.getElementById(cfg.key + '-history');
    const gallery = document.getElementById(cfg.key + '-photos');
    const photoForm = document.getElementById(cfg.key + '-photo-form');
    const state = { id: null, etag: null };
    const inputs = {};
    cfg.fields.forEach(([name, label, type]) => { inputs[name] = fieldLabel(form, name, label, type); });
    inputs.reason = fieldLabel(form, 'reason', 'gzWhy', 'text');
    const cancel = el('button', t('gzCancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', () => { editor.hidden = true; });
    formActions(form, 'gzSave', [cancel]);

    const photoFile = fieldLabel(photoForm, 'file', 'gzPhotoFile', 'file');
    photoFile.accept = 'image/jpeg,image/png,image/webp';
    fieldLabel(photoForm, 'caption', 'gzCaption', 'text');
    const photoReason = fieldLabel(photoForm, 'reason', 'gzWhy', 'text');
    formActions(photoForm, 'gzUpload');

    function fill(record) {
      cfg.fields.forEach(([name]) => {
        const v = cfg.read ? cfg.read(record, name) : record[name];
        inputs[name].value = v === null || v === undefined ? '' : String(v);
      });
      const editor = roles.has('NAME_EDITOR');
      cfg.fields.forEach(([name, , , createOnly]) => {
        inputs[name].disabled = !editor || (Boolean(createOnly) && state.id !== null);
      });
    }

    function open(id) {
      clearProblems(form, status);
      editor.hidden = false;
      state.id = id;
      inputs.reason.value = '';
      const editing = id !== null;
      form.querySelectorAll('input, select, textarea, button[type=submit]').forEach(i => {
        i.disabled = !roles.has('NAME_EDITOR');
      });
      photoForm.hidden = !editing || !roles.has('NAME_EDITOR');
      gallery.parentElement.hidden = !editing;
      history.previousElementSibling.hidden = !editing;
      history.hidden = !editing;
      if (!editing) {
        state.etag = null;
        fill(cfg.blank());
        document.getElementById(cfg.key + '-editor-title').textContent = t(cfg.newTitle);
        if (cfg.check) document.getElementById(cfg.key + '-check').replaceChildren();
        return Promise.resolve();
      }
      return api(cfg.base + '/' + id, { headers }).then(answer).then(({ json, etag }) => {
        state.etag = etag;
        fill(json);
        document.getElementById(cfg.key + '-editor-title').textContent = cfg.title(json);
        return Promise.all([refreshExtras(json), Promise.resolve()]);
      }).then(() => { document.body.dataset[cfg.key + 'Open'] = String(id); });
    }

    function refreshExtras(record) {
      return Promise.all([
        loadHistory(cfg.base + '/' + state.id + '/audit', history),
        loadPhotos(),
        cfg.check ? cfg.check(record) : null,
      ]);
    }

    function loadPhotos() {
      return getJson(cfg.base + '/' + state.id + '/photos').then(list => {
        gallery.replaceChildren();
        list.forEach(p => {
          const figure = el('figure');
          const img = document.createElement('img');
          img.src = '/api/v1/photos/' + p.photoId;
          img.alt = p.caption || t('gzPhotos');
          figure.appendChild(img);
          figure.appendChild(el('figcaption', (p.caption ? p.caption + ' · ' : '') + p.contentType + ' · '
            + Math.ceil(p.byteSize / 1024) + ' KB · ' + p.uploadedBy));
          if (roles.has('NAME_EDITOR')) {
            const remove = el('button', t('gzRemove'));
            remove.type = 'button';
            remove.addEventListener('click', () => removePhoto(p.photoId));
            figure.appendChild(remove);
          }
          gallery.appendChild(figure);
        });
        if (!list.length) gallery.appendChild(el('span', t('gzNoPhotos'), 'muted'));
        document.body.dataset[cfg.key + 'Photos'] = String(list.length);
      });
    }

    function removePhoto(photoId) {
      const photoStatus = document.getElementById(cfg.key + '-status');
      clearProblems(photoForm, photoStatus);
      if (!photoReason.value.trim()) {
        photoForm.querySelector('.field-error[data-field=reason]').textContent = t('gzReasonFirst');
        return;
      }
      api('/api/v1/photos/' + photoId + '?reason=' + encodeURIComponent(photoReason.value.trim()), {
        method: 'DELETE', headers: Object.assign({ 'X-XSRF-TOKEN': csrf() }, headers),
      }).then(answer).then(({ ok, status: code, json }) => {
        if (!ok) showProblem(photoForm, photoStatus, json, code);
        return Promise.all([loadPhotos(), loadHistory(cfg.base + '/' + state.id + '/audit', history)]);
      });
    }

    photoForm.addEventListener('submit', event => {
      event.preventDefault();
      const photoStatus = document.getElementById(cfg.key + '-status');
      clearProblems(photoForm, photoStatus);
      api(cfg.base + '/' + state.id + '/photos', {
        method: 'POST', headers: Object.assign({ 'X-XSRF-TOKEN': csrf() }, headers), body: new FormData(photoForm),
      }).then(answer).then(({ ok, status: code, json }) => {
        if (ok) {
          photoForm.reset();
          photoStatus.textContent = t('gzUploaded');
        } else {
          showProblem(photoForm, photoStatus, json, code);
        }
        document.body.dataset[cfg.key + 'Upload'] = ok ? 'ok' : 'failed';
        return Promise.all([loadPhotos(), loadHistory(cfg.base + '/' + state.id + '/audit', history)]);
      });
    });

    form.addEventListener('submit', event => {
      event.preventDefault();
      clearProblems(form, status);
      const values = {};
      cfg.fields.forEach(([name, , type, createOnly]) => {
        if (createOnly && state.id !== null) return;
        const raw = inputs[name].value.trim();
        values[name] = raw === '' ? null : type === 'number' ? Number(raw) : raw;
      });
      values.reason = inputs.reason.value.trim() || null;
      const creating = state.id === null;
      const request = creating
        ? api(cfg.base, { method: 'POST', body: JSON.stringify(values),
            headers: Object.assign({ 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf() }, headers) })
        : api(cfg.base + '/' + state.id, { method: 'PATCH', body: JSON.stringify(values),
            headers: Object.assign({ 'Content-Type': 'application/json', 'If-Match': state.etag,
                                     'X-XSRF-TOKEN': csrf() }, headers) });
      request.then(answer).then(({ ok, status: code, json, etag }) => {
        if (!ok) {
          showProblem(form, status, json, code);
          if (code === 412) status.textContent += ' ' + t('gzReopen');
          document.body.dataset[cfg.key + 'Saved'] = 'failed';
          return;
        }
        const id = cfg.idOf(json);
        return Promise.resolve(cfg.reload()).then(() => open(id)).then(() => {
          status.textContent = t('gzSaved') + ' #' + id;
          document.body.dataset[cfg.key + 'Saved'] = 'ok';
        });
      });
    });
    return { open };
  }

  const signEditor = recordEditor({
    key: 'sign', base: '/api/v1/signs', newTitle: 'gzNewSign',
    fields: [['placeId', 'gzPlaceNo', 'number'], ['signType', 'gzSignType', SIGN_TYPES],
             ['printedText', 'gzPrintedText'], ['printedPinyin', 'gzPrintedPinyin'], ['lon', 'gzLon', 'number'],
             ['lat', 'gzLat', 'number'], ['installedOn', 'gzInstalledOn', 'date'], ['condition', 'gzCondition', CONDITIONS]],
    blank: () => ({ signType: 'ROAD', condition: 'GOOD' }),
    title: s => '#' + s.signId + ' ' + s.printedText,
    idOf: s => s.signId,
    reload: () => loadSigns(),
    check: s => getJson('/api/v1/signs/check?placeId=' + s.placeId).then(list => {
      const c = list.find(x => x.signId === s.signId);
      const out = document.getElementById('sign-check');
      out.replaceChildren();
      if (!c) return;
      out.appendChild(el('li', c.textMatches ? t('gzTextMatches') + '：' + c.currentName
        : t('gzTextMismatch') + '：“' + c.printedText + '” ≠ “' + (c.currentName || '—') + '”',
        c.textMatches ? 'match' : 'mismatch'));
      out.appendChild(el('li', c.pinyinMatches === null ? t('gzPinyinUnknown')
        : c.pinyinMatches ? t('gzPinyinMatches') + '：' + c.currentRomanization
        : t('gzPinyinMismatch') + '：“' + c.printedPinyin + '” ≠ “' + c.currentRomanization + '”',
        c.pinyinMatches === false ? 'mismatch' : c.pinyinMatches ? 'match' : ''));
      if (c.placeCeased) out.appendChild(el('li', t('gzPlaceCeased'), 'mismatch'));
      document.body.dataset.signCheck = (c.textMatches ? 'text-ok' : 'text-mismatch') + ','
        + (c.pinyinMatches === null ? 'pinyin-unknown' : c.pinyinMatches ? 'pinyin-ok' : 'pinyin-mismatch');
    }),
  });

  const entryEditor = recordEditor({
    key: 'entry', base: '/api/v1/protection-list', newTitle: 'gzNewEntry',
    fields: [['name', 'gzName'], ['listKind', 'gzList', ['DISTRICT', 'RURAL'], true], ['batch', 'gzBatch', 'number'],
             ['placeId', 'gzPlaceNo', 'number'], ['criteria', 'gzCriteria', 'textarea'],
             ['nameAgeYears', 'gzNameAge', 'number'], ['status', 'gzStatus', ['IN_USE', 'VANISHED']],
             ['measures', 'gzMeasuresShort', 'textarea'], ['commentFrom', 'gzCommentFrom', 'date'],
             ['commentTo', 'gzCommentTo', 'date'], ['publishedOn', 'gzPublishedOn', 'date']],
    blank: () => ({ listKind: 'DISTRICT', batch: 1, status: 'IN_USE' }),
    title: e => '#' + e.entryId + ' ' + e.name,
    idOf: e => e.entryId,
    reload: () => loadProtection(),
  });

  function loadSigns() {
    return Promise.all([getJson('/api/v1/signs'), getJson('/api/v1/signs/check')]).then(([signs, checks]) => {
      const byId = {};
      checks.forEach(c => { byId[c.signId] = c; });
      const body = document.querySelector('#signs tbody');
      body.replaceChildren();
      signs.forEach(s => {
        const c = byId[s.signId];
        const tr = row(['#' + s.signId, s.printedText, s.printedPinyin || '', t(s.signType), t(s.condition),
                        s.installedOn || '']);
        const problems = [];
        if (c && !c.textMatches) problems.push(t('gzTextShort'));
        if (c && c.pinyinMatches === false) problems.push(t('gzPinyinShort'));
        tr.appendChild(el('td', problems.length ? '✗ ' + problems.join('、') : '✓', problems.length ? 'mismatch' : 'match'));
        tr.dataset.signId = s.signId;
        tr.addEventListener('click', () => signEditor.open(s.signId));
        body.appendChild(tr);
      });
      document.body.dataset.signs = String(signs.length);
    });
  }
  document.getElementById('sign-new').addEventListener('click', () => signEditor.open(null));
  document.getElementById('entry-new').addEventListener('click', () => entryEditor.open(null));

  // ---- a case's detail: facts, review opinion, announcement, every step of its history ----
  function fact(list, label, value, className) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(el('dt', t(label)));
    list.appendChild(el('dd', value, className));
  }

  function openCase(caseId) {
    return getJson('/api/v1/naming-cases/' + caseId).then(v => {
      const c = v.namingCase;
      document.getElementById('case-detail').hidden = false;
      document.getElementById('case-detail-title').textContent = '#' + c.caseId + ' ' + t(c.kind) + ' · '
        + (c.proposal.properName || '') + (c.proposal.genericName || '') + ' · ' + t(c.state);
      const facts = document.getElementById('case-facts');
      facts.replaceChildren();
      fact(facts, 'gzApplicant', c.applicant + ' · '
        + new Date(c.appliedAt).toLocaleString(I18N.lang === 'zh' ? 'zh-CN' : 'en'));
      fact(facts, 'gzReasons', c.reasons);
      fact(facts, 'gzReports', c.reports.map(r => t(r.kind) + '：' + r.title).join('；'));
      fact(facts, 'gzReviewedBy', c.reviewedBy);
      fact(facts, 'gzOpinion', c.reviewOpinion);
      fact(facts, 'gzAuthority', c.approvalAuthority);
      fact(facts, 'gzDocument', c.approvalDocument);
      fact(facts, 'gzApprovalDate', c.approvalDate);
      const filingLate = v.overdue && c.state === 'APPROVED' && c.filingDue && today() > c.filingDue;
      fact(facts, 'gzFilingDue', c.filingDue && (c.filingDue + (filingLate ? ' · ' + t('gzOverdue') : '')),
           filingLate ? 'overdue' : '');
      fact(facts, 'gzFiledWith', c.filedWith && c.filedWith + ' · ' + c.filedOn);
      const announcementLate = v.overdue && c.announcementDue && today() > c.announcementDue;
      fact(facts, 'gzAnnouncementDue', c.announcementDue
           && (c.announcementDue + (announcementLate ? ' · ' + t('gzOverdue') : '')), announcementLate ? 'overdue' : '');
      fact(facts, 'gzReference', c.announcementRef && c.announcementRef + ' · ' + c.announcedOn);
      fact(facts, 'gzRejected', c.rejectedReason);
      const announcement = document.getElementById('case-announcement');
      announcement.hidden = !c.approvalDate;
      const steps = [loadHistory('/api/v1/naming-cases/' + caseId + '/audit', document.getElementById('case-history'))];
      if (c.approvalDate) {
        const base = '/api/v1/naming-cases/' + caseId + '/announcement';
        Object.assign(document.getElementById('case-announcement-csv'),
          { href: base + '?format=csv', download: 'announcement-' + caseId + '.csv' });
        document.getElementById('case-announcement-json').href = base + '?format=json';
        steps.push(getJson(base).then(a => {
          const fields = document.getElementById('case-announcement-fields');
          fields.replaceChildren();
          fact(fields, 'gzStandardName', a.standardName);
          fact(fields, 'gzRomanization', a.romanization || '—');
          fact(fields, 'gzAdministrativeArea', a.administrativeArea);
          fact(fields, 'gzLocation', a.locationDescription || '—');
          fact(fields, 'gzAuthority', a.approvingAuthority);
          fact(fields, 'gzApprovalDate', a.approvalDate + (a.approvalDocument ? '（' + a.approvalDocument + '）' : ''));
          fact(fields, 'gzPreviousName', a.previousName);
        }));
      }
      return Promise.all(steps).then(() => { document.body.dataset.caseDetail = String(caseId); });
    });
  }

  api('/api/v1/me').then(r => r.json()).then(me => {
    if (!me.signedIn) return;
    document.getElementById('user').textContent = me.username + ' (' + me.roles.join(', ') + ')';
    document.getElementById('login').hidden = true;
    me.roles.forEach(r => roles.add(r.replace(/^ROLE_/, '')));
    document.querySelectorAll('.editor-only').forEach(b => { b.hidden = !roles.has('NAME_EDITOR'); });
    if (!document.getElementById('tab-inbox').hidden) loadCases();
  });

  window.addEventListener('hashchange', () => show(location.hash.slice(1) || 'register'));
  categoriesReady.then(() => search()).then(() => {
    show(location.hash ? location.hash.slice(1) : 'register');
    document.body.dataset.ready = 'true';
  });
  window.mingjieGazetteer = { search, showTimeline, checkNow, loadCases, loadProtection, loadSigns, openCase, show,
                              signEditor, entryEditor };
})();
