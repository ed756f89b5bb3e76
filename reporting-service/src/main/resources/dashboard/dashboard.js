// Dashboard: reads the reporting API (relative URLs, so it works behind the gateway's /api/reporting prefix)
// and renders figures, charts and their table alternatives. Text only goes through textContent.
(function () {
  'use strict';
  const charts = {};
  const CATEGORIES = {
    DURABLE_EMPLOYMENT: 'Emploi durable', TRANSITION_EMPLOYMENT: 'Emploi de transition',
    POSITIVE_EXIT: 'Sortie positive', OTHER_EXIT: 'Autre sortie', WITHDRAWN: 'Retrait'
  };
  const fmtInt = n => Number(n).toLocaleString('fr-FR');
  const fmtNum = n => n == null ? '—' : Number(n).toLocaleString('fr-FR', {maximumFractionDigits: 2});
  const fmtRate = r => r == null ? '—' : (r * 100).toFixed(1).replace('.', ',') + ' %';
  const $ = id => document.getElementById(id);

  function params() {
    const p = new URLSearchParams();
    for (const name of ['from', 'to', 'programme']) {
      const v = $(name).value;
      if (v) p.set(name, v);
    }
    return p;
  }

  function fillRows(tableId, rows) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    for (const cells of rows) {
      const tr = document.createElement('tr');
      cells.forEach((c, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = c;
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    }
  }

  function chart(id, config) {
    if (typeof Chart === 'undefined') return;
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, config.options || {});
    charts[id] = new Chart($(id), config);
  }

  function render(report, scope) {
    const t = report.totals;
    const formats = {
      dynamicExitRate: fmtRate, shareBeyond24Months: fmtRate, medianMonthsInPathway: fmtNum, hoursWorked: fmtNum
    };
    document.querySelectorAll('[data-indicator]').forEach(el => {
      const key = el.dataset.indicator;
      el.textContent = (formats[key] || fmtInt)(t[key]);
    });
    $('scope-label').textContent = scope ? '— ' + scope : '— national';
    const months = report.months.map(m => m.month);
    chart('chart-flows', {
      type: 'bar',
      data: {labels: months, datasets: [
        {label: 'Entrées', data: report.months.map(m => m.entered)},
        {label: 'Sorties', data: report.months.map(m => m.exited)},
        {label: 'Présents fin de mois', data: report.months.map(m => m.present), type: 'line'}]}
    });
    fillRows('table-flows', report.months.map(m => [m.month, fmtInt(m.entered), fmtInt(m.exited), fmtInt(m.present), fmtNum(m.hoursWorked)]));
    const cats = Object.keys(CATEGORIES);
    chart('chart-exits', {
      type: 'doughnut',
      data: {labels: cats.map(c => CATEGORIES[c]), datasets: [{label: 'Sorties', data: cats.map(c => t.exitsByCategory[c] || 0)}]}
    });
    fillRows('table-exits', cats.map(c => [CATEGORIES[c], fmtInt(t.exitsByCategory[c] || 0)]));
    const outcomes = [['Logement durable', t.durableHousing], ['Accès aux soins', t.healthCare],
      ['Ouverture de droits', t.rightsOpened], ['Formations commencées', t.trainingStarted],
      ['Formations terminées', t.trainingCompleted], ['Orientations proposées', t.referrals]];
    chart('chart-outcomes', {
      type: 'bar', options: {indexAxis: 'y'},
      data: {labels: outcomes.map(o => o[0]), datasets: [{label: 'Personnes', data: outcomes.map(o => o[1])}]}
    });
    fillRows('table-outcomes', outcomes.map(o => [o[0], fmtInt(o[1])]));
    fillRows('table-referrals', Object.entries(t.referralsByOutcome).map(e => [e[0], fmtInt(e[1])]));
    const domains = Object.entries(t.barriersByDomain);
    chart('chart-barriers', {
      type: 'bar',
      data: {labels: domains.map(d => d[0]), datasets: [{label: 'Personnes', data: domains.map(d => d[1])}]}
    });
    fillRows('table-barriers', domains.map(d => [d[0], fmtInt(d[1])]));
    $('breakdown-caption').textContent = report.level === 'NATIONAL' ? 'Par territoire' : 'Par ACI';
    fillRows('table-breakdown', report.breakdown.map(b => [b.code, fmtInt(b.entered), fmtInt(b.exited), fmtInt(b.presentAtEnd), fmtRate(b.dynamicExitRate)]));
  }

  async function load() {
    const territory = $('territory').value;
    const p = params();
    const url = (territory ? 'territories/' + encodeURIComponent(territory) : 'national') + '?' + p;
    const exportParams = new URLSearchParams(p);
    if (territory) exportParams.set('territory', territory);
    $('export-xlsx').href = 'exports/indicators.xlsx?' + exportParams;
    $('export-csv').href = 'exports/indicators.csv?' + exportParams;
    $('status').textContent = 'Chargement…';
    document.body.dataset.loaded = '';
    try {
      const response = await fetch(url, {headers: {Accept: 'application/json'}});
      const body = await response.json();
      if (!response.ok) {
        $('status').textContent = 'Paramètre refusé (' + (body.field || '?') + ') : ' + body.detail;
        return;
      }
      render(body, territory);
      $('status').textContent = 'Données chargées : ' + (territory || 'national') + (body.from ? ', de ' + body.from + ' à ' + body.to : '');
      document.body.dataset.loaded = territory || 'national';
    } catch (e) {
      $('status').textContent = 'Impossible de charger les données : ' + e.message;
    }
  }

  async function init() {
    try {
      const response = await fetch('territories', {headers: {Accept: 'application/json'}});
      const body = await response.json();
      for (const code of body.territories) {
        const option = document.createElement('option');
        option.value = code;
        option.textContent = code;
        $('territory').appendChild(option);
      }
    } catch (e) {
      $('status').textContent = 'Liste des territoires indisponible : ' + e.message;
    }
    $('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
    $('territory').addEventListener('change', load);
    document.body.dataset.ready = 'true';
    await load();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
