// Frozen period reports (issue 19): lists the versions the caller may read, shows one, and lets the national
// analyst or a coordinator close a period. Relative URLs only, as the dashboard: the gateway's session sends the token.
(function () {
  'use strict';
  const $ = id => document.getElementById(id);
  const API = '../frozen-reports';
  const LEVELS = {NATIONAL: 'National', TERRITORY: 'Territoire', ACI: 'ACI'};
  const FIGURES = [['entered', 'Entrées'], ['exited', 'Sorties'], ['presentAtEnd', 'Présents en fin de période'],
    ['peopleSupported', 'Personnes accompagnées'], ['personMonths', 'Personnes-mois'],
    ['hoursWorked', 'Heures travaillées'], ['dynamicExitRate', 'Taux de sorties dynamiques']];

  async function call(url, options) {
    const response = await fetch(url, Object.assign({headers: {Accept: 'application/json'}}, options || {}));
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return {ok: response.ok, status: response.status, body: body};
  }

  function refusal(result) {
    if (result.status === 401) return 'Votre session a expiré : reconnectez-vous.';
    if (result.status === 403) return 'Votre rôle ne permet pas cette action sur ce périmètre.';
    if (result.body && result.body.detail) {
      return 'Refusé' + (result.body.field ? ' (' + result.body.field + ')' : '') + ' : ' + result.body.detail;
    }
    return 'Erreur ' + result.status + ' du service de pilotage.';
  }

  function scopeLabel(r) {
    // names as the report was frozen (the participant stream's), codes only for a scope never named
    return LEVELS[r.level] + (r.territory ? ' ' + (r.territoryName || r.territory) : '')
      + (r.aciId ? ' / ' + (r.aciName || r.aciId) : '');
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '—' : String(text);
    row.appendChild(td);
    return td;
  }

  function link(parent, href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    parent.appendChild(a);
    parent.appendChild(document.createTextNode(' '));
    return a;
  }

  async function list() {
    const result = await call(API);
    if (!result.ok) { $('status').textContent = refusal(result); return; }
    const body = $('table-reports').querySelector('tbody');
    body.replaceChildren();
    for (const r of result.body) {
      const tr = document.createElement('tr');
      [scopeLabel(r), r.periodLabel, r.version, r.closedAt, r.closedBy, r.reasonLabel, r.changedIndicators]
        .forEach(v => cell(tr, v));
      const actions = cell(tr, '');
      actions.textContent = '';
      const id = encodeURIComponent(r.id);
      const view = link(actions, '#detail', 'Voir la version ' + r.version);
      view.addEventListener('click', () => show(r.id));
      link(actions, API + '/' + id + '/report.xlsx', 'XLSX').setAttribute('aria-label',
        'Télécharger la version ' + r.version + ' (' + r.periodLabel + ') en XLSX');
      link(actions, API + '/' + id + '/report.pdf', 'PDF').setAttribute('aria-label',
        'Télécharger la version ' + r.version + ' (' + r.periodLabel + ') en PDF');
      link(actions, API + '/' + id + '/report.csv', 'CSV').setAttribute('aria-label',
        'Télécharger la version ' + r.version + ' (' + r.periodLabel + ') en CSV');
      body.appendChild(tr);
    }
    $('status').textContent = result.body.length === 0 ? 'Aucun rapport figé pour vos périmètres.'
      : result.body.length + ' version(s) de rapport.';
  }

  async function show(id) {
    const result = await call(API + '/' + encodeURIComponent(id));
    if (!result.ok) { $('status').textContent = refusal(result); return; }
    const r = result.body;
    $('detail-title').textContent = scopeLabel(Object.assign({}, r, {territoryName: r.report.territoryName,
      aciName: r.report.aciName})) + ' — ' + r.periodLabel + ' — version ' + r.version
      + ' (' + r.reasonLabel + (r.note ? ' : ' + r.note : '') + ')';
    const changes = $('table-changes').querySelector('tbody');
    changes.replaceChildren();
    for (const c of r.changes) {
      const tr = document.createElement('tr');
      [c.label, c.oldValue, c.newValue].forEach(v => cell(tr, v));
      changes.appendChild(tr);
    }
    const figures = $('table-figures').querySelector('tbody');
    figures.replaceChildren();
    for (const [key, label] of FIGURES) {
      const tr = document.createElement('tr');
      [label, r.report.totals[key]].forEach(v => cell(tr, v));
      figures.appendChild(tr);
    }
    const fmtPercent = v => v == null ? '—' : (v * 100).toFixed(1).replace('.', ',') + ' %';
    const targets = $('table-targets').querySelector('tbody');
    targets.replaceChildren();
    for (const t of r.report.targets || []) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = t.agreement;
      tr.appendChild(th);
      [t.funderName, t.indicatorLabel, t.target, t.actual, fmtPercent(t.reached)].forEach(v => cell(tr, v));
      targets.appendChild(tr);
    }
    $('detail').hidden = false;
    document.body.dataset.shown = r.id;
  }

  async function close(event) {
    event.preventDefault();
    const value = id => $(id).value.trim() || null;
    const reason = value('close-reason');
    const request = {territory: value('close-territory'), aciId: value('close-aci'), period: value('close-period'),
      newVersion: reason !== null, reason: reason, note: value('close-note')};
    const result = await call(API, {method: 'POST', body: JSON.stringify(request),
      headers: {Accept: 'application/json', 'Content-Type': 'application/json'}});
    if (!result.ok) {
      $('status').textContent = result.status === 409
        ? 'Cette période est déjà clôturée : choisissez un motif pour émettre une nouvelle version.'
        : result.status === 422 ? 'Cette période n\'est pas terminée : elle ne peut pas encore être clôturée.'
        : refusal(result);
      return;
    }
    await list();
    $('status').textContent = 'Version ' + result.body.version + ' enregistrée (' + result.body.periodLabel + ').';
    await show(result.body.id);
  }

  async function init() {
    const scope = await call('../scope');
    if (scope.ok && (scope.body.role === 'coordinator' || (scope.body.role === 'national-analyst' && scope.body.national))) {
      $('close').hidden = false;
      if (scope.body.role === 'coordinator') $('close-territory').value = scope.body.territory || '';
      $('close').addEventListener('submit', close);
    }
    await list();
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', init);
})();
